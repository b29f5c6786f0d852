/**
 * An .xlsx file as a package of parts (ECMA-376 part 2, Open Packaging Conventions): parts by
 * name, their content types and the relationships between them. A part is read when asked for
 * and kept as text once read; a save writes the parts that changed or are new and copies every
 * other part as the file stored it, byte for byte, under the same name and in the same order.
 */
import { attributesOf, elements, escapeAttribute } from "./xml";
import { type Archive, ArchiveError, openArchive } from "./zip";
import { type ZipPart, storedEntry, writeZip } from "./zip-write";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRelationships: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;

const OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Relationship types, by what they point at. */
export const REL = {
  officeDocument: `${OFFICE_REL}/officeDocument`,
  worksheet: `${OFFICE_REL}/worksheet`,
  table: `${OFFICE_REL}/table`,
  styles: `${OFFICE_REL}/styles`,
  sharedStrings: `${OFFICE_REL}/sharedStrings`,
  drawing: `${OFFICE_REL}/drawing`,
  chart: `${OFFICE_REL}/chart`,
  comments: `${OFFICE_REL}/comments`,
  vmlDrawing: `${OFFICE_REL}/vmlDrawing`,
  hyperlink: `${OFFICE_REL}/hyperlink`,
  calcChain: `${OFFICE_REL}/calcChain`,
  pivotCacheDefinition: `${OFFICE_REL}/pivotCacheDefinition`,
  sheetMetadata: `${OFFICE_REL}/sheetMetadata`,
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
  webExtensionTaskPanes: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
  webExtension: "http://schemas.microsoft.com/office/2011/relationships/webextension",
} as const;

const SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml";
export const CONTENT_TYPE = {
  worksheet: `${SPREADSHEET}.worksheet+xml`,
  table: `${SPREADSHEET}.table+xml`,
  sheetMetadata: `${SPREADSHEET}.sheetMetadata+xml`,
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
  webExtensionTaskPanes: "application/vnd.ms-office.webextensiontaskpanes+xml",
  webExtension: "application/vnd.ms-office.webextension+xml",
} as const;

export const XML_DECLARATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

export interface Relationship {
  id: string;
  type: string;
  /** The target as a part name (resolved against the source part), or as written when external. */
  target: string;
  external: boolean;
}

/** The relationships part of `part` (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; `""` → `_rels/.rels`). */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship's target against the folder of the part that names it. */
export function resolveTarget(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

/** The target to write in `from`'s relationships for part `to` (relative, as Excel writes them). */
export function relativeTarget(from: string, to: string): string {
  const base = from.split("/").slice(0, -1);
  const target = to.split("/");
  let common = 0;
  while (common < base.length && common < target.length - 1 && base[common] === target[common]) common++;
  return [...Array<string>(base.length - common).fill(".."), ...target.slice(common)].join("/");
}

const utf8 = new TextDecoder("utf-8");
const encoder = new TextEncoder();

/** A changed part: its text, its bytes, or a function that puts its text together when it is needed. */
type Content = { text: string } | { bytes: Uint8Array } | { produce: () => string };

const contentText = (content: Content): string => ("text" in content ? content.text : "produce" in content ? content.produce() : utf8.decode(content.bytes));
const contentBytes = (content: Content): Uint8Array => ("bytes" in content ? content.bytes : encoder.encode(contentText(content)));

export class OoxmlPackage {
  /** Part names in the order they will be written. */
  private readonly order: string[];
  /** Parts changed or added, by name. */
  private readonly changes = new Map<string, Content>();
  /** Parts read as text and not changed, by name (so a part is inflated and decoded once). */
  private readonly read = new Map<string, string>();
  private readonly removed = new Set<string>();
  /** Changed parts already deflated for the next save, by the content they were made from. */
  private readonly deflated = new Map<string, { from: Content; entry: Promise<import("./zip").StoredEntry> }>();

  private constructor(private readonly archive: Archive | undefined) {
    this.order = archive ? [...archive.names] : [];
  }

  /** Opens the package of an .xlsx file; an ArchiveError when it is not a zip archive. */
  static async open(bytes: Uint8Array): Promise<OoxmlPackage> {
    return new OoxmlPackage(await openArchive(bytes));
  }

  /** The package of an archive already opened. */
  static of(archive: Archive): OoxmlPackage {
    return new OoxmlPackage(archive);
  }

  /** The package as it is now (changes included), read as an archive. */
  asArchive(): Archive {
    return {
      names: this.order,
      has: (name) => this.has(name),
      bytes: (name) => this.bytes(name),
      text: (name) => this.text(name),
    };
  }

  /** A package with no parts, to build a workbook in. */
  static empty(): OoxmlPackage {
    return new OoxmlPackage(undefined);
  }

  get names(): readonly string[] {
    return this.order;
  }

  has(name: string): boolean {
    return this.order.includes(name);
  }

  /** Whether the part was changed, added or removed since the file was opened. */
  isChanged(name: string): boolean {
    return this.changes.has(name) || this.removed.has(name);
  }

  /** Names of the parts changed or added, and of those removed. */
  get changed(): { written: string[]; removed: string[] } {
    return { written: [...this.changes.keys()], removed: [...this.removed] };
  }

  async text(name: string): Promise<string | undefined> {
    const changed = this.changes.get(name);
    if (changed) return contentText(changed);
    if (!this.has(name)) return undefined;
    let text = this.read.get(name);
    if (text === undefined) {
      const bytes = await this.archive?.bytes(name);
      if (bytes === undefined) return undefined;
      text = utf8.decode(bytes);
      this.read.set(name, text);
    }
    return text;
  }

  /** A part's text; an ArchiveError naming it when the package lacks it. */
  async require(name: string): Promise<string> {
    const text = await this.text(name);
    if (text === undefined) throw new ArchiveError(`its part ${name} is missing`);
    return text;
  }

  async bytes(name: string): Promise<Uint8Array | undefined> {
    const changed = this.changes.get(name);
    if (changed) return contentBytes(changed);
    return this.has(name) ? this.archive?.bytes(name) : undefined;
  }

  /** Sets a part's text, adding the part (at the end) when it is new. */
  setText(name: string, text: string): void {
    if (this.read.get(name) === text && !this.changes.has(name)) return;
    this.add(name);
    this.changes.set(name, { text });
    this.read.delete(name);
  }

  /**
   * Sets a part whose text `produce` puts together when it is read or saved (a large worksheet kept
   * as rows while a session edits it, rather than joined again after every change).
   */
  setProduced(name: string, produce: () => string): void {
    this.add(name);
    this.changes.set(name, { produce });
    this.read.delete(name);
  }

  setBytes(name: string, bytes: Uint8Array): void {
    this.add(name);
    this.changes.set(name, { bytes });
    this.read.delete(name);
  }

  private add(name: string): void {
    if (!this.order.includes(name)) this.order.push(name);
    this.removed.delete(name);
  }

  remove(name: string): void {
    const at = this.order.indexOf(name);
    if (at < 0) return;
    this.order.splice(at, 1);
    this.changes.delete(name);
    this.read.delete(name);
    if (this.archive?.has(name)) this.removed.add(name);
  }

  /**
   * The package's state now; calling the function returned puts it back (a save that fails part
   * way leaves the package as it was).
   */
  checkpoint(): () => void {
    const order = [...this.order];
    const changes = new Map(this.changes);
    const read = new Map(this.read);
    const removed = new Set(this.removed);
    return () => {
      this.order.splice(0, this.order.length, ...order);
      this.changes.clear();
      for (const [k, v] of changes) this.changes.set(k, v);
      this.read.clear();
      for (const [k, v] of read) this.read.set(k, v);
      this.removed.clear();
      for (const k of removed) this.removed.add(k);
    };
  }

  /** A name for a new part, `${stem}${n}${extension}` with the first free number from 1. */
  freeName(stem: string, extension: string): string {
    for (let n = 1; ; n++) {
      const name = `${stem}${n}${extension}`;
      if (!this.has(name)) return name;
    }
  }

  /** The file: changed and new parts written, every other part copied as it was stored. */
  /**
   * Deflates the changed parts now, for the next save (a page calls it when idle after a change,
   * so that Save as finds the work done). A part changed again is deflated again.
   */
  prepareSave(): Promise<unknown> {
    const work: Promise<unknown>[] = [];
    for (const [name, content] of this.changes) {
      const done = this.deflated.get(name);
      if (done?.from === content) {
        work.push(done.entry);
        continue;
      }
      const entry = storedEntry(contentBytes(content));
      entry.catch(() => this.deflated.delete(name));
      this.deflated.set(name, { from: content, entry });
      work.push(entry);
    }
    return Promise.all(work);
  }

  async save(): Promise<Uint8Array> {
    const parts: ZipPart[] = [];
    for (const name of this.order) {
      const changed = this.changes.get(name);
      if (changed) {
        // Deflated ahead (or now, and kept for the next save while the part stays as it is).
        let done = this.deflated.get(name);
        if (done?.from !== changed) {
          done = { from: changed, entry: storedEntry(contentBytes(changed)) };
          this.deflated.set(name, done);
        }
        parts.push({ name, stored: await done.entry });
        continue;
      }
      const stored = this.archive?.stored?.(name);
      if (stored) parts.push({ name, stored });
      else {
        const bytes = await this.archive?.bytes(name);
        if (!bytes) throw new ArchiveError(`its part ${name} cannot be read`);
        parts.push({ name, bytes });
      }
    }
    return writeZip(parts);
  }

  // -------------------------------------------------------------------------------------------
  // Relationships

  async relationships(part: string): Promise<Relationship[]> {
    const xml = await this.text(relsPathOf(part));
    if (!xml) return [];
    return elements(xml, "Relationship").flatMap(({ attributes }) => {
      const id = attributes.get("Id");
      const target = attributes.get("Target");
      if (!id || target === undefined) return [];
      const external = attributes.get("TargetMode") === "External";
      return [{ id, type: attributes.get("Type") ?? "", target: external ? target : resolveTarget(part, target), external }];
    });
  }

  /** Adds a relationship from `part` to the part `target` (or an external address); returns its id. */
  async relate(part: string, type: string, target: string, external = false): Promise<string> {
    const path = relsPathOf(part);
    let xml = await this.text(path);
    if (xml === undefined) {
      xml = `${XML_DECLARATION}<Relationships xmlns="${NS.packageRelationships}"></Relationships>`;
      await this.ensureDefault("rels", CONTENT_TYPE.relationships);
    }
    const taken = new Set(elements(xml, "Relationship").map((r) => r.attributes.get("Id")));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const written = external ? target : relativeTarget(part, target);
    const element = `<Relationship Id="${id}" Type="${type}" Target="${escapeAttribute(written)}"${external ? ` TargetMode="External"` : ""}/>`;
    this.setText(path, insertBeforeEnd(xml, "Relationships", element));
    return id;
  }

  /** Removes the relationship `id` of `part` (the relationships part goes when it is left empty). */
  async unrelate(part: string, id: string): Promise<void> {
    const path = relsPathOf(part);
    const xml = await this.text(path);
    if (!xml) return;
    const found = elements(xml, "Relationship").find((r) => r.attributes.get("Id") === id);
    if (!found) return;
    const left = xml.slice(0, found.start) + xml.slice(found.end);
    if (elements(left, "Relationship").length === 0) this.remove(path);
    else this.setText(path, left);
  }

  // -------------------------------------------------------------------------------------------
  // Content types

  /** The content type of a part, from its Override or its extension's Default. */
  async contentType(part: string): Promise<string | undefined> {
    const xml = await this.require("[Content_Types].xml");
    const override = elements(xml, "Override").find((o) => o.attributes.get("PartName")?.toLowerCase() === `/${part}`.toLowerCase());
    if (override) return override.attributes.get("ContentType");
    const extension = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    return elements(xml, "Default").find((d) => d.attributes.get("Extension")?.toLowerCase() === extension)?.attributes.get("ContentType");
  }

  async override(part: string, type: string): Promise<void> {
    const xml = await this.require("[Content_Types].xml");
    const existing = elements(xml, "Override").find((o) => o.attributes.get("PartName")?.toLowerCase() === `/${part}`.toLowerCase());
    if (existing?.attributes.get("ContentType") === type) return;
    const element = `<Override PartName="/${escapeAttribute(part)}" ContentType="${type}"/>`;
    this.setText("[Content_Types].xml", existing ? xml.slice(0, existing.start) + element + xml.slice(existing.end) : insertBeforeEnd(xml, "Types", element));
  }

  async removeOverride(part: string): Promise<void> {
    const xml = await this.require("[Content_Types].xml");
    const existing = elements(xml, "Override").find((o) => o.attributes.get("PartName")?.toLowerCase() === `/${part}`.toLowerCase());
    if (existing) this.setText("[Content_Types].xml", xml.slice(0, existing.start) + xml.slice(existing.end));
  }

  async ensureDefault(extension: string, type: string): Promise<void> {
    const xml = await this.require("[Content_Types].xml");
    if (elements(xml, "Default").some((d) => d.attributes.get("Extension")?.toLowerCase() === extension)) return;
    this.setText("[Content_Types].xml", insertBeforeEnd(xml, "Types", `<Default Extension="${extension}" ContentType="${type}"/>`));
  }

  /**
   * Removes a part with everything only it leads to: its relationships part, its content-type
   * override, and (recursively) the internal parts its relationships name that no other part names.
   */
  async removeTree(part: string, keep: (name: string) => boolean = () => false): Promise<void> {
    const targets = (await this.relationships(part)).filter((r) => !r.external).map((r) => r.target);
    this.remove(relsPathOf(part));
    this.remove(part);
    await this.removeOverride(part);
    for (const target of targets) {
      if (keep(target) || !this.has(target) || (await this.isTargeted(target))) continue;
      await this.removeTree(target, keep);
    }
  }

  /** Whether any relationships part still names `part`. */
  async isTargeted(part: string): Promise<boolean> {
    for (const name of this.order) {
      const source = sourceOfRels(name);
      if (source === undefined) continue;
      for (const r of await this.relationships(source)) if (!r.external && r.target === part) return true;
    }
    return false;
  }
}

/** The part whose relationships `path` holds (`xl/_rels/workbook.xml.rels` → `xl/workbook.xml`), or undefined. */
export function sourceOfRels(path: string): string | undefined {
  const m = /^(.*?)_rels\/(.*)\.rels$/.exec(path);
  return m ? m[1] + m[2] : undefined;
}

/** `xml` with `element` added as the last child of the first `parent` element (expanding `<parent/>`). */
export function insertBeforeEnd(xml: string, parent: string, element: string): string {
  const close = new RegExp(`</([\\w.-]+:)?${parent}>`).exec(xml);
  if (close) return xml.slice(0, close.index) + element + xml.slice(close.index);
  const empty = new RegExp(`<([\\w.-]+:)?${parent}(\\s[^>]*)?/>`).exec(xml);
  if (!empty) throw new Error(`no ${parent} element to add to`);
  const open = empty[0].slice(0, -2) + ">";
  return xml.slice(0, empty.index) + open + element + `</${empty[1] ?? ""}${parent}>` + xml.slice(empty.index + empty[0].length);
}

/** The attributes of the first `name` element's start tag. */
export const attributesOfFirst = (xml: string, name: string): Map<string, string> | undefined => {
  const m = new RegExp(`<([\\w.-]+:)?${name}(?=[\\s/>])([^>]*)>`).exec(xml);
  return m ? attributesOf(m[2].replace(/\/$/, "")) : undefined;
};
