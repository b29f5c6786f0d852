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
const port = 3000;
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

export default (env, argv) => {
  const dev = argv.mode === "development";
  const certificates = env.WEBPACK_SERVE ? devCertificates() : undefined;
  return {
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
      onListening: (server) => {
        const scheme = certificates ? "https" : "http";
        const lines = [
          "",
          "PartnerFit is running.",
          `  In a browser, on the sample workbook: ${scheme}://localhost:${server.options.port}/app.html`,
          `  Task pane:  ${scheme}://localhost:${server.options.port}/taskpane.html`,
          `  Manifest:   ${scheme}://localhost:${server.options.port}/manifest.xml (manifest/manifest.xml in the repository)`,
          "",
          "Sideload into Excel:",
          "  Excel on the web: Home > Add-ins > More Settings > Upload My Add-in, choose manifest/manifest.xml.",
          "  Excel desktop:    npx office-addin-debugging start manifest/manifest.xml desktop",
          certificates
            ? ""
            : "  Excel loads add-ins over https only: run `npx office-addin-dev-certs install` once, then `npm start` again.",
        ];
        console.log(lines.join("\n"));
      },
    },
  };
};
