/**
 * The shared strings part of workbooks written by hand for tests and fixtures, as Excel writes it:
 * each distinct text once, in order of first use, with the count of uses.
 */
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Text for XML content and attribute values. */
export const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private uses = 0;

  /** How many distinct texts. */
  get size(): number {
    return this.index.size;
  }

  /** The index of `text`, added on first use. */
  id(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) this.index.set(text, (i = this.index.size));
    return i;
  }

  /** The `<sst>` element (without an XML declaration). */
  xml(): string {
    const items = [...this.index.keys()].map((t) => (t === "" ? "<si><t/></si>" : `<si><t${/^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : ""}>${esc(t)}</t></si>`));
    return `<sst xmlns="${MAIN}" count="${this.uses}" uniqueCount="${this.index.size}">${items.join("")}</sst>`;
  }
}
