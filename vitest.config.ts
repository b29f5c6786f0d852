import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    // The Excel host harness, the metadata and manifest tests read the built add-in.
    globalSetup: ["test/setup/build.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
