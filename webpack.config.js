// Build of the add-in: one page (taskpane.html) hosts the task pane and the custom functions in a
// shared runtime; functions.json is generated from the functions' JSDoc; the manifest's dev URL
// is replaced by the production URL in production builds (as Microsoft's templates do).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import CopyWebpackPlugin from "copy-webpack-plugin";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import { EsbuildPlugin } from "esbuild-loader";
import HtmlWebpackPlugin from "html-webpack-plugin";
import webpack from "webpack";

const root = path.dirname(new URL(import.meta.url).pathname);
// The manifest in manifest/ names this port; keep them in step.
// PARTNERFIT_PORT serves elsewhere (the manifest keeps 3000, so Excel needs the default).
const port = Number(process.env.PARTNERFIT_PORT) || 3000;
const urlDev = `https://localhost:${port}/`;
/** Where the production build is hosted; set PARTNERFIT_URL when deploying. */
const urlProd = process.env.PARTNERFIT_URL || "https://partnerfit.example.com/";

/** The custom functions, one file per family; the metadata plugin reads their JSDoc. */
export const functionFiles = fs
  .readdirSync(path.join(root, "addin/functions"))
  .filter((f) => f.endsWith(".ts") && !["index.ts", "excel.ts"].includes(f))
  .map((f) => `./addin/functions/${f}`);

/** Office's development certificates, when `npx office-addin-dev-certs install` has made them. */
function devCertificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = ["localhost.key", "localhost.crt", "ca.crt"].map((f) => path.join(dir, f));
  if (!files.every((f) => fs.existsSync(f))) return undefined;
  const [key, cert, ca] = files.map((f) => fs.readFileSync(f));
  return { key, cert, ca };
}

/** Under `npm start`: the URLs and the sideloading steps, printed when the first build is done. */
class ReadyMessage {
  constructor(scheme) {
    this.scheme = scheme;
  }
  apply(compiler) {
    let printed = false;
    compiler.hooks.done.tap("ReadyMessage", (stats) => {
      if (stats.hasErrors()) {
        console.log("\nPartnerFit: the build failed (errors above); fix them and it rebuilds.");
        return;
      }
      if (printed) return;
      printed = true;
      const base = `${this.scheme}://localhost:${port}`;
      const lines = [
        "",
        `PartnerFit is ready (built in ${((stats.endTime - stats.startTime) / 1000).toFixed(0)} s).`,
        `  In a browser, on the sample workbook: ${base}/app.html`,
        `  Task pane:  ${base}/taskpane.html`,
        `  Manifest:   ${base}/manifest.xml (manifest/manifest.xml in the repository)`,
        "",
        "Sideload into Excel (README: Load the add-in into Excel):",
        "  Excel on the web: Home › Add-ins › More add-ins › My add-ins › Upload My Add-in, choose manifest/manifest.xml.",
        "  Excel on Windows or Mac: npx office-addin-debugging start manifest/manifest.xml desktop",
        this.scheme === "https"
          ? ""
          : "  Excel loads add-ins over https only: run `npx office-addin-dev-certs install` once, then `npm start` again.",
      ];
      console.log(lines.join("\n"));
    });
  }
}

/** Marks the command line executable: `npx partnerfit` runs the file itself (webpack writes 0644). */
class Executable {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("Executable", (compilation) => {
      for (const asset of compilation.getAssets()) fs.chmodSync(path.join(compiler.outputPath, asset.name), 0o755);
    });
  }
}

/**
 * The command line (`npx partnerfit`, package.json's "bin"): one CommonJS file for Node, dist/cli.cjs,
 * built after the task pane (whose build empties dist/ first). Production builds only: `npm start`
 * and the development build of the tests need just the pane.
 */
const cli = {
  name: "cli",
  dependencies: ["pane"],
  target: "node20",
  devtool: false,
  entry: { cli: "./addin/cli/index.ts" },
  output: { path: path.join(root, "dist"), filename: "cli.cjs", chunkFormat: "commonjs", clean: false },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [{ test: /\.tsx?$/, exclude: /node_modules/, loader: "esbuild-loader", options: { target: "node20" } }],
    // The pane's reading worker (new Worker(new URL(…))) is not bundled: a command line reads on its own thread.
    parser: { javascript: { worker: false, url: false } },
  },
  // Readable if it ever fails on someone's machine; its size matters to nobody.
  optimization: { minimize: false },
  performance: { hints: false },
  plugins: [
    new webpack.BannerPlugin({ banner: "#!/usr/bin/env node", raw: true, entryOnly: true }),
    // One file: the lazily loaded .xlsx reader goes into it rather than into chunks beside the pane's.
    new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
    new Executable(),
  ],
};

export default (env, argv) => {
  const dev = argv.mode === "development";
  const certificates = env.WEBPACK_SERVE ? devCertificates() : undefined;
  const pane = {
    name: "pane",
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      functions: "./addin/functions/index.ts",
      taskpane: "./addin/taskpane/index.tsx",
      app: "./addin/taskpane/browser.tsx",
    },
    output: { path: path.join(root, "dist"), filename: "[name].js", chunkFilename: "[name].[contenthash:8].js", clean: true },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // pptxgenjs reads images from disk or the web in Node only; the browser build needs neither.
      fallback: { fs: false, https: false },
    },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, loader: "esbuild-loader", options: { target: "es2020" } }],
    },
    optimization: { minimizer: [new EsbuildPlugin({ target: "es2020", legalComments: "none" })] },
    performance: { hints: false },
    plugins: [
      ...(env.WEBPACK_SERVE ? [new ReadyMessage(certificates ? "https" : "http")] : []),
      new webpack.NormalModuleReplacementPlugin(/^node:(fs|https)$/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionFiles }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./addin/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      // Browser mode: the same task pane on an .xlsx file, without Office.
      new HtmlWebpackPlugin({ filename: "app.html", template: "./addin/taskpane/app.html", chunks: ["app"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "samples/partners.xlsx", to: "partners.xlsx" },
          {
            from: "manifest/manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().replaceAll(urlDev, urlProd)),
          },
        ],
      }),
    ],
    devServer: {
      port,
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: certificates ? { type: "https", options: certificates } : { type: "http" },
      client: { overlay: false },
      // The URLs are printed by ReadyMessage once the first build is done: a page asked for before
      // then would wait for the build anyway.
      onListening: () => console.log(`\nPartnerFit: building… (the URLs follow when the build is done)`),
    },
    // The server's own start-up lines would say "running" before anything can load.
    infrastructureLogging: { level: "warn" },
    // Under \`npm start\`, only problems: the list of assets would push the URLs off the screen.
    ...(env.WEBPACK_SERVE ? { stats: "errors-warnings" } : {}),
  };
  return argv.mode === "production" ? [pane, cli] : pane;
};
