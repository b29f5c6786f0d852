/**
 * The shared strings of a workbook the add-in creates (the sample, a new workbook): each distinct
 * text once in `xl/sharedStrings.xml`, cells holding its index — what Excel writes, and a much
 * smaller sheet than text in every cell. Workbooks the add-in only edits keep their shared strings
 * part untouched: text written into them is inline.
 */
import { XML_DECLARATION } from "./package";
import { encodeText } from "./xml";

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  /** Cells that refer to a string (the part's `count`). */
  private references = 0;

  /** The index of `text`, added when new. */
  add(text: string): number {
    this.references++;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.items.length;
      this.index.set(text, at);
      this.items.push(text);
    }
    return at;
  }

  get size(): number {
    return this.items.length;
  }

  toXml(): string {
    const items = this.items.map((text) => `<si><t${/^\s|\s$|\n/.test(text) ? ` xml:space="preserve"` : ""}>${encodeText(text)}</t></si>`);
    return `${XML_DECLARATION}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.references}" uniqueCount="${this.items.length}">${items.join("")}</sst>`;
  }
}
