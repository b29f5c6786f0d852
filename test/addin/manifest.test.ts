// Contract test of the add-in manifest. Microsoft's online validator cannot run offline, so the
// facts Office relies on are checked here: shared runtime, one page for task pane and functions,
// the PARTNER namespace, the ribbon button, resource ids, URLs and element order.
import fs from "node:fs";
import path from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";
import { parseStringPromise } from "xml2js";
import { beforeAll, describe, expect, it } from "vitest";

interface XmlNode {
  "#name": string;
  $?: Record<string, string>;
  $$?: XmlNode[];
  _?: string;
}

const root = path.resolve(__dirname, "../..");
const MANIFEST_ID = "2640e3c7-a8e4-4dd0-a934-493b4c0d5a84";

async function parse(file: string): Promise<XmlNode> {
  const xml = fs.readFileSync(file, "utf8");
  const doc = await parseStringPromise(xml, { explicitChildren: true, preserveChildrenOrder: true, explicitRoot: true });
  const rootName = Object.keys(doc)[0];
  return { ...doc[rootName], "#name": rootName };
}

const kids = (node: XmlNode, name?: string) => (node.$$ ?? []).filter((c) => !name || c["#name"] === name);
function kid(node: XmlNode, ...names: string[]): XmlNode {
  let current = node;
  for (const name of names) {
    const found = kids(current, name);
    if (found.length !== 1) throw new Error(`expected one <${name}> in <${current["#name"]}>, found ${found.length}`);
    current = found[0];
  }
  return current;
}
function all(node: XmlNode, name: string): XmlNode[] {
  return [...(node["#name"] === name ? [node] : []), ...kids(node).flatMap((c) => all(c, name))];
}
const typeOf = (node: XmlNode) => node.$?.["xsi:type"];

describe.each([
  ["manifest/manifest.xml", "https://localhost:3000/", "."],
  ["dist/manifest.xml", "https://partnerfit.example.com/", "dist"],
])("%s", (file, base, served) => {
  let app: XmlNode;
  let resources: XmlNode;
  let host: XmlNode;
  const url = (resid: string) => {
    const found = kids(kid(resources, "bt:Urls"), "bt:Url").filter((u) => u.$?.id === resid);
    expect(found, `bt:Url ${resid}`).toHaveLength(1);
    return found[0].$!.DefaultValue;
  };
  const shortString = (resid: string) => kids(kid(resources, "bt:ShortStrings")).find((s) => s.$?.id === resid)?.$?.DefaultValue;

  beforeAll(async () => {
    app = await parse(path.join(root, file));
    const overrides = kid(app, "VersionOverrides");
    resources = kid(overrides, "Resources");
    host = kid(overrides, "Hosts", "Host");
  });

  it("is a task pane add-in for Excel workbooks with a fixed id", () => {
    expect(app["#name"]).toBe("OfficeApp");
    expect(app.$?.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(typeOf(app)).toBe("TaskPaneApp");
    expect(kid(app, "Id")._).toBe(MANIFEST_ID);
    expect(kids(kid(app, "Hosts"), "Host").map((h) => h.$?.Name)).toEqual(["Workbook"]);
    expect(typeOf(host)).toBe("Workbook");
    expect(kid(app, "Permissions")._).toBe("ReadWriteDocument");
  });

  it("keeps the schema's element order", () => {
    const order = kids(app).map((c) => c["#name"]);
    const schema = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
    expect(order).toEqual(schema);
    expect(kids(host).map((c) => c["#name"])).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
  });

  it("runs task pane and custom functions in one long-lived shared runtime", () => {
    const sets = kids(kid(app, "Requirements", "Sets"), "Set").map((s) => s.$);
    expect(sets).toContainEqual({ Name: "SharedRuntime", MinVersion: "1.1" });
    const runtime = kid(host, "Runtimes", "Runtime");
    expect(runtime.$?.lifetime).toBe("long");
    const page = runtime.$!.resid;
    const functions = kids(kid(host, "AllFormFactors"), "ExtensionPoint").find((e) => typeOf(e) === "CustomFunctions")!;
    expect(kid(functions, "Page", "SourceLocation").$?.resid).toBe(page);
    expect(kid(host, "DesktopFormFactor", "FunctionFile").$?.resid).toBe(page);
    expect(url(page)).toBe(`${base}taskpane.html`);
    expect(url(kid(functions, "Script", "SourceLocation").$!.resid)).toBe(`${base}functions.js`);
    expect(url(kid(functions, "Metadata", "SourceLocation").$!.resid)).toBe(`${base}functions.json`);
    expect(shortString(kid(functions, "Namespace").$!.resid)).toBe("PARTNER");
  });

  it("has a ribbon button that opens the task pane", () => {
    const buttons = all(host, "Control").filter((c) => typeOf(c) === "Button");
    expect(buttons).toHaveLength(1);
    const action = kid(buttons[0], "Action");
    expect(typeOf(action)).toBe("ShowTaskpane");
    expect(kid(action, "SourceLocation").$?.resid).toBe(kid(host, "Runtimes", "Runtime").$?.resid);
    expect(kid(buttons[0], "Label").$?.resid && shortString(kid(buttons[0], "Label").$!.resid)).toBeTruthy();
  });

  it("defines every resource id it uses, and serves everything over https from one origin", () => {
    const defined = new Set(all(resources, "bt:Image").concat(all(resources, "bt:Url"), all(resources, "bt:String")).map((r) => r.$?.id));
    const referenced = new Set<string>();
    const visit = (node: XmlNode) => {
      if (node.$?.resid) referenced.add(node.$.resid);
      kids(node).forEach(visit);
    };
    visit(kid(app, "VersionOverrides", "Hosts"));
    for (const resid of referenced) expect(defined.has(resid), `resid ${resid}`).toBe(true);
    const urls = [...all(resources, "bt:Url"), ...all(resources, "bt:Image")].map((u) => u.$!.DefaultValue);
    urls.push(kid(app, "IconUrl").$!.DefaultValue, kid(app, "DefaultSettings", "SourceLocation").$!.DefaultValue);
    for (const u of urls) expect(u.startsWith(base), u).toBe(true);
  });

  it("points at icons that exist", () => {
    for (const image of all(resources, "bt:Image")) {
      const name = image.$!.DefaultValue.slice(base.length);
      expect(fs.existsSync(path.join(root, served, name)), name).toBe(true);
    }
  });

  it("is read by office-addin-manifest", async () => {
    const info = await OfficeAddinManifest.readManifestFile(path.join(root, file));
    expect(info.id).toBe(MANIFEST_ID);
    expect(info.displayName).toBe("PartnerFit");
    expect(info.hosts).toEqual(["Workbook"]);
  });
});
