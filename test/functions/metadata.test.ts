// functions.json is what Excel reads: ids are stored in workbooks, so they are frozen, and every
// function and parameter needs the help text Excel shows while typing.
import fs from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { describe, expect, it } from "vitest";
import { functionFiles } from "../../webpack.config.js";
import { excelHost } from "../excel-host";

const root = path.resolve(__dirname, "../..");
const golden: Record<string, string[]> = JSON.parse(fs.readFileSync(path.join(__dirname, "ids.golden.json"), "utf8"));
const { metadata } = excelHost();

describe("functions.json", () => {
  it("keeps every released id with its parameters, in order (new ones may only be appended)", () => {
    const byId = new Map(metadata.map((f) => [f.id, f.parameters.map((p) => p.name)]));
    for (const [id, params] of Object.entries(golden)) {
      expect(byId.has(id), `PARTNER.${id} was released and must not disappear`).toBe(true);
      expect(byId.get(id)!.slice(0, params.length), `PARTNER.${id} parameters`).toEqual(params);
      const added = metadata.find((f) => f.id === id)!.parameters.slice(params.length);
      expect(added.every((p) => p.optional), `PARTNER.${id}: appended parameters must be optional`).toBe(true);
    }
  });

  it("records every function in the golden file (npm run golden:functions)", () => {
    expect(metadata.map((f) => f.id).filter((id) => !(id in golden))).toEqual([]);
  });

  it("has upper-case, unique ids of at least 3 characters, named as their id", () => {
    const ids = metadata.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const fn of metadata) {
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9._]{2,}$/);
      expect(fn.name).toBe(fn.id);
    }
  });

  it("documents every function and every parameter", () => {
    for (const fn of metadata) {
      expect(fn.description?.length ?? 0, fn.id).toBeGreaterThan(20);
      for (const p of fn.parameters) {
        expect(p.description?.length ?? 0, `${fn.id}(${p.name})`).toBeGreaterThan(10);
        expect(p.name).toMatch(/^[a-z][a-z0-9_]*$/);
      }
      const optional = fn.parameters.map((p) => Boolean(p.optional));
      expect(optional.indexOf(true) === -1 || optional.slice(optional.indexOf(true)).every(Boolean), `${fn.id}: optional parameters come last`).toBe(true);
    }
  });

  it("is what the sources generate today, without metadata errors", async () => {
    const generated = await generateCustomFunctionsMetadata(functionFiles.map((f: string) => path.join(root, f)));
    expect(generated.errors).toEqual([]);
    expect(JSON.parse(generated.metadataJson).functions).toEqual(metadata);
  });
});
