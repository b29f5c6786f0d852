/**
 * An in-memory Excel behind office-addin-mock, strict the way Office.js is: properties can only
 * be read after they were loaded and `context.sync()` ran, and writes land in the workbook at the
 * sync, not before. Tests spy on `context.sync` to count round trips.
 */
import { OfficeMockObject } from "office-addin-mock";

export interface FakeTable {
  name: string;
  sheet: string;
  /** 1-based top-left (header) cell. */
  origin: { row: number; column: number };
  headers: string[];
  rows: unknown[][];
  showTotals?: boolean;
  style?: string;
  /** Per column: number format and data validation set up through the API. */
  formats?: Record<number, unknown>;
  validations?: Record<number, { rule: unknown; errorAlert?: unknown }>;
}

/** A value set through `values` as Excel keeps it: a leading apostrophe marks text and is not part of it. */
const asTyped = (value: unknown) => (typeof value === "string" && value.startsWith("'") ? value.slice(1) : value);

const letters = (n: number) => {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

class Loadable {
  private readonly requested = new Set<string>();
  private readonly values = new Map<string, unknown>();
  /** `always` are readable after the next sync without a load (like `isNullObject`). */
  constructor(
    private readonly fake: FakeExcel,
    private readonly read: (property: string) => unknown,
    always: string[] = [],
  ) {
    if (always.length) {
      for (const p of always) this.requested.add(p);
      fake.pending.push(this);
    }
  }
  load(properties: string) {
    for (const p of properties.split(",")) this.requested.add(p.trim());
    this.fake.pending.push(this);
    return this;
  }
  resolve() {
    for (const p of this.requested) this.values.set(p, this.read(p));
  }
  get(property: string): unknown {
    if (!this.values.has(property)) throw new Error(`PropertyNotLoaded: ${property} was read before load() and sync()`);
    return this.values.get(property);
  }
}

/** A sheet written whole through the API (writeSheet): its values, formulas and charts. */
export interface FakeSheet {
  cells: Map<string, unknown>;
  formulas: Map<string, string>;
  charts: { type: string; source: string; title?: string; position?: [string, string] }[];
}

/** A formula cell of a sheet, with the value Excel shows for it (`#NAME?` for a formula it does not recognise). */
export interface FakeFormulaCell {
  formula: string;
  value: unknown;
  /** How many times the formula was assigned through the API. */
  entered: number;
  /** Cells with the same key form one area of getSpecialCells' result (one area per cell by default). */
  area?: string;
  /** Part of a legacy array formula: Excel refuses a change to one cell of it. */
  array?: boolean;
}

export class FakeExcel {
  readonly sheets = new Set<string>();
  /** Sheets protected with Review › Protect Sheet. */
  readonly protectedSheets = new Set<string>();
  /** Formula cells outside the tables, by sheet and address (`B2`), for the #NAME? repair. */
  readonly formulaCells = new Map<string, Map<string, FakeFormulaCell>>();
  readonly sheetContent = new Map<string, FakeSheet>();
  /** Plain cells of sheets (rows from row 1, columns from A), outside any table: what findRanges reads. */
  readonly grids = new Map<string, unknown[][]>();
  /** Tables made of existing cells (Format as Table, `tables.add` on a sheet's range). */
  readonly added: { sheet: string; address: string; name: string; style: string }[] = [];
  readonly pending: Loadable[] = [];
  private queue: (() => void)[] = [];
  readonly context: { sync: () => Promise<void>; workbook: unknown };

  constructor(readonly tables: FakeTable[]) {
    for (const t of tables) this.sheets.add(t.sheet);
    const fake = this;
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          tables: {
            getItemOrNullObject: (name: string) => fake.tableProxy(name, true),
            getItem: (name: string) => fake.tableProxy(name, false),
          },
          worksheets: {},
        },
        sync: async () => fake.flush(),
      },
    }) as unknown as { context: FakeExcel["context"] & { workbook: { worksheets: unknown } } };
    this.context = mock.context;
    (this.context.workbook as { worksheets: unknown }).worksheets = this.worksheetsProxy();
    const holder = this.context.workbook as unknown as { tables: Record<string, unknown> };
    const items = new Loadable(this, () => fake.tables.map((t) => ({ name: t.name, getRange: () => fake.tableProxy(t.name, false).getRange() })));
    holder.tables = {
      ...holder.tables,
      load: (p: string) => items.load(p === "items/name" ? "items" : p),
      get items() {
        return items.get("items");
      },
    };
  }

  /** A sheet of plain cells (no table): `grid` holds its rows from A1. */
  addSheet(name: string, grid: unknown[][]): void {
    this.sheets.add(name);
    this.grids.set(name, grid.map((r) => [...r]));
  }

  /** The used range of a sheet's plain cells (values only), as Excel finds it; undefined when it has none. */
  private usedArea(sheet: string): { top: number; left: number; bottom: number; right: number } | undefined {
    const grid = this.grids.get(sheet) ?? [];
    let area: { top: number; left: number; bottom: number; right: number } | undefined;
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "" || v === null || v === undefined) return;
        area = area
          ? { top: Math.min(area.top, r + 1), left: Math.min(area.left, c + 1), bottom: Math.max(area.bottom, r + 1), right: Math.max(area.right, c + 1) }
          : { top: r + 1, left: c + 1, bottom: r + 1, right: c + 1 };
      }),
    );
    return area;
  }

  /** A range of a sheet's plain cells by 0-based indexes: its `values` (formulas give 0) and `formulas`. */
  private gridRange(sheet: string, row: number, column: number, rows: number, columns: number) {
    const fake = this;
    if (rows < 1 || columns < 1) throw new Error(`InvalidArgument: getRangeByIndexes(${row}, ${column}, ${rows}, ${columns})`);
    const cells = (formulas: boolean) =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) => {
          const v = fake.grids.get(sheet)?.[row + r]?.[column + c];
          if (v === null || v === undefined) return "";
          return !formulas && typeof v === "string" && v.startsWith("=") ? 0 : v;
        }),
      );
    const state = new Loadable(fake, (p) => {
      if (p === "values") return cells(false);
      if (p === "formulas") return cells(true);
      throw new Error(`fake range has no property ${p}`);
    });
    return {
      load: (p: string) => state.load(p),
      get values() {
        return state.get("values");
      },
      get formulas() {
        return state.get("formulas");
      },
    };
  }

  /** `Excel.run` over this workbook. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(this.context as unknown as Excel.RequestContext);

  private flush() {
    const queue = this.queue;
    this.queue = [];
    for (const op of queue) op();
    for (const loadable of this.pending.splice(0)) loadable.resolve();
  }

  private find(name: string) {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  private tableProxy(name: string, orNull: boolean) {
    const fake = this;
    const table = this.find(name);
    if (!table && !orNull) throw new Error(`ItemNotFound: table ${name}`);
    const state = new Loadable(
      this,
      (p) => {
        const t = fake.find(name);
        if (p === "isNullObject") return !t;
        if (p === "name") return t?.name;
        if (p === "showTotals") return t?.showTotals ?? false;
        throw new Error(`fake table has no property ${p}`);
      },
      ["isNullObject"],
    );
    const rangeOf = (part: "all" | "body") => {
      const loadable = new Loadable(this, (p) => {
        const t = fake.find(name);
        if (!t) return p === "values" ? null : null;
        const top = part === "all" ? t.origin.row : t.origin.row + 1;
        const bottom = t.origin.row + t.rows.length + (t.showTotals ? 1 : 0);
        if (p === "address") {
          return `${t.sheet}!${letters(t.origin.column)}${top}:${letters(t.origin.column + t.headers.length - 1)}${bottom}`;
        }
        if (p === "values") return part === "all" ? [t.headers, ...t.rows].map((r) => [...r]) : t.rows.map((r) => [...r]);
        if (p === "rowCount") return part === "all" ? t.rows.length + 1 : t.rows.length;
        throw new Error(`fake range has no property ${p}`);
      });
      return {
        load: (p: string) => loadable.load(p),
        get address() {
          return loadable.get("address");
        },
        get values() {
          return loadable.get("values");
        },
        get rowCount() {
          return loadable.get("rowCount");
        },
        getCell(row: number, column: number) {
          const cell = {} as { values?: unknown[][]; formulas?: unknown[][] };
          fake.queue.push(() => {
            const t = fake.find(name)!;
            if (row >= t.rows.length || column >= t.headers.length) throw new Error(`cell ${row},${column} outside ${name}`);
            if (cell.formulas) t.rows[row][column] = { formula: cell.formulas[0][0] };
            else if (cell.values) t.rows[row][column] = asTyped(cell.values[0][0]);
          });
          return cell;
        },
      };
    };
    return {
      load: (p: string) => state.load(p),
      get isNullObject() {
        return state.get("isNullObject");
      },
      get name() {
        return state.get("name");
      },
      get showTotals() {
        return state.get("showTotals");
      },
      getRange: () => rangeOf("all"),
      getDataBodyRange: () => rangeOf("body"),
      get worksheet() {
        const sheet = new Loadable(fake, (p) => {
          if (p === "name") return fake.find(name)?.sheet;
          if (p === "protected") return fake.protectedSheets.has(fake.find(name)?.sheet ?? "");
          throw new Error(`fake worksheet has no property ${p}`);
        });
        return {
          load: (p: string) => sheet.load(p),
          get name() {
            return sheet.get("name");
          },
          protection: {
            load: (p: string) => sheet.load(p),
            get protected() {
              return sheet.get("protected");
            },
          },
        };
      },
      columns: {
        getItemAt(column: number) {
          return {
            getDataBodyRange() {
              const values = new Loadable(fake, (p) => {
                if (p !== "values") throw new Error(`fake column range has no property ${p}`);
                return fake.find(name)!.rows.map((r) => [r[column]]);
              });
              return {
                load: (p: string) => values.load(p),
                get values() {
                  return values.get("values");
                },
              };
            },
          };
        },
      },
      rows: {
        getItemAt(index: number) {
          return {
            delete() {
              fake.queue.push(() => {
                const t = fake.find(name)!;
                if (index >= t.rows.length) throw new Error(`InvalidArgument: no row ${index} in ${name}`);
                // Excel keeps one (empty) data row in a table whose rows are all deleted.
                if (t.rows.length === 1) t.rows[0] = t.headers.map(() => "");
                else t.rows.splice(index, 1);
              });
            },
          };
        },
        add(_index: unknown, values: unknown[][]) {
          fake.queue.push(() => {
            const t = fake.find(name)!;
            for (const row of values) {
              if (row.length !== t.headers.length) throw new Error(`rows.add: ${row.length} values for ${t.headers.length} columns`);
              t.rows.push(row.map(asTyped));
            }
          });
        },
      },
    };
  }

  /** A whole sheet's range, as far as the #NAME? repair uses it: the formula cells showing an error. */
  private sheetRange(sheet: string) {
    const fake = this;
    return {
      getSpecialCellsOrNullObject(type: string, valueType: string) {
        if (type !== "Formulas" || valueType !== "Errors") throw new Error(`fake getSpecialCells(${type}, ${valueType})`);
        const cells = () => [...(fake.formulaCells.get(sheet) ?? new Map<string, FakeFormulaCell>()).entries()].filter(([, c]) => typeof c.value === "string" && c.value.startsWith("#"));
        const state = new Loadable(fake, (p) => {
          if (p === "isNullObject") return cells().length === 0;
          throw new Error(`fake range areas have no property ${p}`);
        });
        // Cells grouped into areas (by `area`), each laid out as a column of its cells.
        const areas = new Loadable(fake, () => {
          const groups = new Map<string, FakeFormulaCell[]>();
          for (const [address, cell] of cells()) {
            const key = cell.area ?? address;
            groups.set(key, [...(groups.get(key) ?? []), cell]);
          }
          return [...groups.values()].map((group) => ({
            formulas: group.map((c) => [c.formula]),
            values: group.map((c) => [c.value]),
            clear: (what: string) => {
              if (what !== "Contents") throw new Error(`fake clear(${what})`);
              fake.queue.push(() => {
                if (fake.protectedSheets.has(sheet)) throw new Error(`InvalidOperation: the sheet ${sheet} is protected`);
                for (const c of group) Object.assign(c, { formula: "", value: null, array: false });
              });
            },
            getCell: (r: number) => {
              const target = {} as { formulas?: string[][] };
              const cell = group[r];
              fake.queue.push(() => {
                if (!target.formulas) return;
                if (fake.protectedSheets.has(sheet)) throw new Error(`InvalidOperation: the sheet ${sheet} is protected`);
                if (cell.array) throw new Error("InvalidOperation: you can't change part of an array");
                cell.formula = target.formulas[0][0];
                cell.entered++;
                cell.value = 0;
              });
              return target;
            },
          }));
        });
        return {
          load: (p: string) => state.load(p),
          get isNullObject() {
            return state.get("isNullObject");
          },
          areas: {
            load: () => areas.load("items"),
            get items() {
              return areas.get("items");
            },
          },
        };
      },
    };
  }

  private worksheetsProxy() {
    const fake = this;
    const items = new Loadable(this, () =>
      [...fake.sheets].map((name) => ({
        name,
        getRange: () => fake.sheetRange(name),
        getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => fake.gridRange(name, row, column, rows, columns),
        getUsedRangeOrNullObject(valuesOnly?: boolean) {
          if (!valuesOnly) throw new Error("fake getUsedRangeOrNullObject reads values only");
          const state = new Loadable(
            fake,
            (p) => {
              const area = fake.usedArea(name);
              if (p === "isNullObject") return !area;
              if (!area) throw new Error(`PropertyNotLoaded: ${p} of a null object`);
              if (p === "address") return `${name.includes(" ") ? `'${name}'` : name}!${letters(area.left)}${area.top}:${letters(area.right)}${area.bottom}`;
              if (p === "rowCount") return area.bottom - area.top + 1;
              if (p === "columnCount") return area.right - area.left + 1;
              throw new Error(`fake used range has no property ${p}`);
            },
            ["isNullObject"],
          );
          return {
            load: (p: string) => state.load(p),
            get isNullObject() {
              return state.get("isNullObject");
            },
            get address() {
              return state.get("address");
            },
            get rowCount() {
              return state.get("rowCount");
            },
            get columnCount() {
              return state.get("columnCount");
            },
          };
        },
        protection: (() => {
          const state = new Loadable(fake, (p) => {
            if (p === "protected") return fake.protectedSheets.has(name);
            throw new Error(`fake protection has no property ${p}`);
          });
          return {
            load: (p: string) => state.load(p),
            get protected() {
              return state.get("protected");
            },
          };
        })(),
      })),
    );
    return {
      load: (p: string) => items.load(p === "items/name" ? "items" : p),
      get items() {
        return items.get("items");
      },
      getItem(sheetName: string) {
        return {
          tables: {
            add(address: string, hasHeaders: boolean) {
              const table = { name: "", style: "" };
              fake.queue.push(() => {
                if (!fake.sheets.has(sheetName)) throw new Error(`ItemNotFound: sheet ${sheetName}`);
                if (!hasHeaders) throw new Error("tables.add without headers");
                const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(address);
                if (!m) throw new Error(`InvalidArgument: ${address}`);
                const column = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
                const [top, left, bottom, right] = [Number(m[2]), column(m[1]), Number(m[4]), column(m[3])];
                const grid = fake.grids.get(sheetName) ?? [];
                const cells = (r: number) => Array.from({ length: right - left + 1 }, (_, c) => grid[r - 1]?.[left - 1 + c] ?? "");
                const overlap = fake.tables.find((t) => t.sheet === sheetName && t.origin.column <= right && t.origin.column + t.headers.length - 1 >= left && t.origin.row <= bottom && t.origin.row + t.rows.length >= top);
                if (overlap) throw new Error(`InvalidArgument: the range overlaps table ${overlap.name}`);
                fake.tables.push({
                  name: table.name,
                  sheet: sheetName,
                  origin: { row: top, column: left },
                  headers: cells(top).map(String),
                  rows: Array.from({ length: bottom - top }, (_, i) => cells(top + 1 + i)),
                  style: table.style,
                });
                fake.added.push({ sheet: sheetName, address, name: table.name, style: table.style });
              });
              return table;
            },
          },
        };
      },
      getItemOrNullObject(sheetName: string) {
        const state = new Loadable(fake, (p) => (p === "isNullObject" ? !fake.sheets.has(sheetName) : p === "name" ? sheetName : undefined), ["isNullObject"]);
        return {
          load: (p: string) => state.load(p),
          get isNullObject() {
            return state.get("isNullObject");
          },
          delete() {
            fake.queue.push(() => {
              fake.sheets.delete(sheetName);
              fake.sheetContent.delete(sheetName);
            });
          },
        };
      },
      add(sheetName: string) {
        const content: FakeSheet = { cells: new Map(), formulas: new Map(), charts: [] };
        fake.queue.push(() => {
          if (fake.sheets.has(sheetName)) throw new Error(`ItemAlreadyExists: sheet ${sheetName}`);
          fake.sheets.add(sheetName);
          fake.sheetContent.set(sheetName, content);
        });
        let created: FakeTable | undefined;
        let header: string[] = [];
        return {
          getRangeByIndexes(row: number, column: number, rows: number, columns: number) {
            // Setting headers before a table is added, or cells of an owned sheet.
            const range = {} as { values?: unknown[][]; formulas?: string[][]; numberFormat?: unknown; format: { font: object; fill: object; columnWidth?: number }; address: string };
            range.format = { font: {}, fill: {} };
            range.address = `${letters(column + 1)}${row + 1}:${letters(column + columns)}${row + rows}`;
            fake.queue.push(() => {
              if (rows === 1 && columns > 1 && range.values && !fake.tables.some((t) => t.sheet === sheetName)) header = range.values[0] as string[];
              if (rows === 1 && columns === 1) {
                const a = range.address.split(":")[0];
                if (range.formulas) content.formulas.set(a, range.formulas[0][0]);
                else if (range.values) content.cells.set(a, range.values[0][0]);
              }
            });
            return range;
          },
          charts: {
            add(type: string, source: { address: string }, _seriesBy: string) {
              const chart = { type, source: source.address } as FakeSheet["charts"][number];
              const api = {
                title: {} as { text?: string },
                legend: {} as { position?: string },
                setPosition(from: string, to: string) {
                  chart.position = [from, to];
                },
              };
              fake.queue.push(() => {
                chart.title = api.title.text;
                content.charts.push(chart);
              });
              return api;
            },
          },
          activate: () => undefined,
          tables: {
            add(_range: unknown, hasHeaders: boolean) {
              const table = { name: "", style: "" } as { name: string; style: string };
              const columns: { format?: unknown; validation: { rule?: unknown; errorAlert?: unknown } }[] = [];
              fake.queue.push(() => {
                if (!hasHeaders) throw new Error("tables.add without headers");
                created = { name: table.name, sheet: sheetName, origin: { row: 1, column: 1 }, headers: header, rows: [header.map(() => "")], style: table.style, formats: {}, validations: {} };
                columns.forEach((c, i) => {
                  if (c.format) created!.formats![i] = c.format;
                  if (c.validation.rule) created!.validations![i] = { rule: c.validation.rule, errorAlert: c.validation.errorAlert };
                });
                fake.tables.push(created);
              });
              return Object.assign(table, {
                columns: {
                  getItemAt(i: number) {
                    return {
                      getDataBodyRange() {
                        const column = { validation: {} as { rule?: unknown; errorAlert?: unknown } } as (typeof columns)[number];
                        columns[i] = column;
                        return {
                          set numberFormat(value: unknown) {
                            column.format = value;
                          },
                          dataValidation: column.validation,
                        };
                      },
                    };
                  },
                },
              });
            },
          },
          freezePanes: { freezeRows: () => undefined },
          getRange: () => ({ format: { autofitColumns: () => undefined } }),
        };
      },
    };
  }
}

/** Turns raw tables (as the .xlsx adapter reads them) into a fake Excel workbook. */
export function fakeExcelOf(tables: { name: string; sheet: string; origin: { row: number; column: number }; headers: unknown[]; rows: unknown[][] }[]): FakeExcel {
  return new FakeExcel(tables.map((t) => ({ ...t, headers: t.headers.map(String), rows: t.rows.map((r) => [...r]) })));
}
