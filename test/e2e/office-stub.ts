/**
 * What Office provides to taskpane.html, for the browser tests: Office.onReady with a theme, the
 * CustomFunctions registry of the shared runtime, and Excel.run over a small in-page workbook whose
 * writes the test can read back (window.__workbook).
 */
export interface StubTable {
  name: string;
  headers: string[];
  rows: unknown[][];
}

export function officeStub(background: string, tables: StubTable[]): string {
  return `
  window.__workbook = ${JSON.stringify(tables)};
  window.__syncs = 0;
  window.Office = {
    onReady(callback) { setTimeout(() => callback({ host: "Excel", platform: "OfficeOnline" }), 0); return Promise.resolve(); },
    context: { officeTheme: { bodyBackgroundColor: "${background}" } },
  };
  window.CustomFunctions = {
    associated: {},
    associate(id, fn) { this.associated[id] = fn; },
    Error: class { constructor(code, message) { this.code = code; this.message = message; } },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
  };
  (function () {
    const find = (name) => window.__workbook.find((t) => t.name.toLowerCase() === name.toLowerCase());
    const col = (n) => { let s = ""; for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s; return s; };
    const queue = [];
    const table = (name) => {
      const t = find(name);
      const proxy = { load() { return proxy; }, isNullObject: !t, name: t ? t.name : undefined, showTotals: false };
      proxy.getRange = () => ({
        load() {},
        get values() { return [t.headers, ...t.rows]; },
        get address() { return t.name + "!A1:" + col(t.headers.length) + (t.rows.length + 1); },
      });
      proxy.getDataBodyRange = () => ({
        load() {},
        get rowCount() { return t.rows.length; },
        getCell(r, c) {
          const cell = {};
          const typed = (v) => (typeof v === "string" && v.startsWith("'") ? v.slice(1) : v);
          queue.push(() => { t.rows[r][c] = cell.formulas ? { formula: cell.formulas[0][0] } : typed(cell.values[0][0]); });
          return cell;
        },
      });
      proxy.rows = { add(_i, values) { queue.push(() => values.forEach((v) => t.rows.push(v.map((x) => (typeof x === "string" && x.startsWith("'") ? x.slice(1) : x))))); } };
      proxy.worksheet = { load() {}, name: t ? t.name : undefined, protection: { load() {}, protected: false } };
      proxy.columns = { getItemAt: (c) => ({ getDataBodyRange: () => ({ load() {}, get values() { return t.rows.map((r) => [r[c]]); } }) }) };
      return proxy;
    };
    // The workbook's sheets (one per table), none with a formula showing an error.
    const worksheets = {
      load() {},
      get items() {
        return window.__workbook.map((t) => ({ name: t.name, getRange: () => ({ getSpecialCellsOrNullObject: () => ({ load() {}, isNullObject: true }) }) }));
      },
    };
    const context = {
      workbook: { tables: { getItemOrNullObject: table, getItem: table }, worksheets },
      sync: async () => { window.__syncs++; queue.splice(0).forEach((op) => op()); },
    };
    window.Excel = { run: async (batch) => batch(context) };
  })();`;
}
