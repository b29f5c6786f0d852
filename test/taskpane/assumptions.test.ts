// A partner's P&L assumptions in the task pane: the `*` defaults with the partner's own rows in
// their place must be exactly what the engine reads when given the defaults and the partner's rows
// as overrides; drafts (overrides and reverts) become Assumptions table changes.
import { describe, expect, it } from "vitest";
import { isEngineError } from "../../engine/error";
import { pnl, pnlSummary, readAssumptions, sensitivity } from "../../engine/pnl";
import { planChanges } from "../../addin/workbook/plan";
import { PartnerData } from "../../addin/workbook/records";
import { snapshotOf } from "../../addin/workbook/snapshot";
import {
  type Draft,
  assumptionChanges,
  assumptionLines,
  locateError,
  mergedAssumptions,
  parseValue,
  yearColumns,
} from "../../addin/taskpane/model/assumptions";
import { rawTablesOf, tablesOf } from "../workbook/fixtures";

const raw = rawTablesOf(tablesOf(60, ["Partners", "Assumptions", "Audit"]));
const data = new PartnerData(snapshotOf(raw));
const rowsOf = (records: readonly { name: string; values: readonly (number | null)[] }[]) => records.map((r) => [r.name, ...r.values]);
const modelled = [...new Set(data.assumptions.filter((a) => a.partnerId !== "*").map((a) => a.partnerId))];

function ok<T>(value: T): Exclude<T, Error> {
  if (isEngineError(value)) throw new Error(`unexpected ${value.code}: ${value.message}`);
  return value as Exclude<T, Error>;
}

/** The same workbook with extra rows in the Assumptions table. */
function withRows(rows: unknown[][]): PartnerData {
  return new PartnerData(
    snapshotOf(raw.map((t) => (t.name === "Assumptions" ? { ...t, rows: [...t.rows, ...rows.map((r) => [...r, ...Array(12 - r.length).fill(null)])] } : t))),
  );
}

describe("merging the defaults and a partner's own rows", () => {
  it("gives the engine what it reads from the defaults with the partner's rows as overrides, for every modelled partner", () => {
    expect(modelled.length).toBeGreaterThanOrEqual(5);
    const defaults = rowsOf(data.defaultAssumptions());
    for (const id of modelled) {
      const own = rowsOf(data.assumptionsOf(id));
      const merged = mergedAssumptions(assumptionLines(data, id)).rows;
      expect(readAssumptions(merged)).toEqual(readAssumptions(defaults, own));
      for (const view of ["partner", "vendor"] as const) {
        expect(ok(pnl(merged, view))).toEqual(ok(pnl(defaults, view, own)));
        expect(ok(pnlSummary(merged, view))).toEqual(ok(pnlSummary(defaults, view, own)));
      }
    }
  });

  it("uses the defaults alone for a partner without rows, and the partner's figures where it has them", () => {
    const plain = data.partners.find((p) => !modelled.includes(p.id))!;
    const defaults = rowsOf(data.defaultAssumptions());
    // The same rows, without the empty year cells that end them.
    expect(mergedAssumptions(assumptionLines(data, plain.id)).rows).toEqual(defaults.map((r) => r.filter((v) => v !== null)));
    const id = modelled[0];
    const lines = assumptionLines(data, id);
    const licence = lines.find((l) => l.driver === "license_revenue")!;
    expect(licence.inherited.map((r) => r.values[0])).toEqual([300000]);
    expect(licence.own).toHaveLength(1);
    expect(ok(pnl(mergedAssumptions(lines).rows)).lines[0].values[3]).not.toBe(ok(pnl(defaults)).lines[0].values[3]);
  });

  it("matches a partner's row to the default it replaces whatever its spelling, and keeps unknown names for the engine to report", () => {
    const spelled = withRows([
      [modelled[0], "Services Attach", 0.9],
      [modelled[0], "licence_revnue", 5],
    ]);
    const lines = assumptionLines(spelled, modelled[0]);
    const attach = lines.find((l) => l.driver === "services_attach")!;
    expect(attach.own.map((r) => r.name)).toEqual(["Services Attach"]);
    const merged = mergedAssumptions(lines);
    expect(merged.rows.filter((r) => String(r[0]).toLowerCase().includes("attach"))).toEqual([["Services Attach", 0.9]]);
    expect(lines.at(-1)!).toMatchObject({ driver: "licence_revnue", known: false });
    const result = pnl(merged.rows);
    expect(isEngineError(result)).toBe(true);
    if (!isEngineError(result)) return;
    expect(locateError(result.message, merged.drivers)).toEqual({
      driver: "licence_revnue",
      message: 'licence_revnue: unknown name "licence_revnue" (did you mean license_revenue?); see the README for the list of drivers.',
    });
  });

  it("names the driver a message about the rows as a whole is about", () => {
    const result = pnl([["mdf", 1000]]);
    expect(isEngineError(result) && locateError(result.message, ["mdf"])).toEqual({
      driver: "license_revenue",
      message: "license_revenue is required; add a row license_revenue | annual amount.",
    });
  });

  it("lets the engine report a driver the table gives twice", () => {
    const id = modelled[0];
    const merged = mergedAssumptions(assumptionLines(withRows([[id, "mdf", 1000], [id, "MDF", 2000]]), id));
    const result = pnlSummary(merged.rows);
    expect(isEngineError(result) && locateError(result.message, merged.drivers).message).toMatch(/^mdf: mdf is given twice/);
  });
});

describe("drafts", () => {
  const id = modelled[0];
  const lines = assumptionLines(data, id);
  const draft = (entries: [string, Draft][]) => new Map(entries);

  it("applies overrides and reverts on top of the saved rows, as the engine would read them after saving", () => {
    const drafts = draft([
      ["product_margin", { kind: "override", text: ["25%"] }],
      ["license_revenue", { kind: "inherit" }],
      ["mdf", { kind: "override", text: ["20,000", "15000", "", ""] }],
    ]);
    const merged = mergedAssumptions(lines, drafts);
    expect(merged.invalid).toEqual([]);
    const expected = rowsOf(data.defaultAssumptions()).map((row) => {
      if (row[0] === "product_margin") return ["product_margin", 0.25];
      if (row[0] === "mdf") return ["mdf", 20000, 15000];
      if (row[0] === "license_revenue") return row;
      const own = data.assumptionsOf(id).find((r) => r.name === row[0]);
      return own ? [own.name, ...own.values] : row;
    });
    const summary = ok(pnlSummary(merged.rows));
    expect(summary).toEqual(ok(pnlSummary(expected)));
    // Saving the draft and reading the workbook again gives the same assumptions.
    const planned = planChanges(data.snapshot, assumptionChanges(data, id, lines, drafts));
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    const saved = new PartnerData(planned.snapshot);
    expect(ok(pnlSummary(mergedAssumptions(assumptionLines(saved, id)).rows))).toEqual(summary);
    expect(ok(sensitivity(mergedAssumptions(assumptionLines(saved, id)).rows))).toEqual(ok(sensitivity(merged.rows)));
  });

  it("marks typed values that are not numbers, and a blank Value, as invalid", () => {
    const merged = mergedAssumptions(lines, draft([["retention", { kind: "override", text: ["0.9x"] }], ["mdf", { kind: "override", text: ["", "5000"] }]]));
    expect(merged.invalid).toEqual(["retention", "mdf"]);
    expect(merged.rows.some((r) => r[0] === "retention" || r[0] === "mdf")).toBe(false);
  });

  it("reads typed numbers as a spreadsheet user types them", () => {
    expect([parseValue("0.2"), parseValue("20%"), parseValue(" 300,000 "), parseValue("1e3"), parseValue(""), parseValue("0,25"), parseValue("abc")]).toEqual([
      0.2, 0.2, 300000, 1000, null, undefined, undefined,
    ]);
  });
});

describe("saving a draft", () => {
  const id = modelled[0];
  const lines = assumptionLines(data, id);
  const own = (name: string) => data.assumptionsOf(id).find((r) => r.name === name);

  it("upserts overrides keyed by PartnerId and Name, blanking the year columns beyond the series, and deletes reverted rows", () => {
    const revert = data.assumptionsOf(id)[1];
    const drafts = new Map<string, Draft>([
      ["mdf", { kind: "override", text: ["20000", "15000"] }],
      [revert.name, { kind: "inherit" }],
      ["license_revenue", { kind: "override", text: ["700000"] }],
    ]);
    const changes = assumptionChanges(data, id, lines, drafts);
    const years = yearColumns(data);
    expect(years).toEqual(["Year2", "Year3", "Year4", "Year5", "Year6", "Year7", "Year8", "Year9", "Year10"]);
    const blankFrom = (i: number) => Object.fromEntries(years.slice(i).map((y) => [y, null]));
    expect(changes).toEqual([
      { table: "Assumptions", key: { PartnerId: id, Name: "license_revenue" }, set: { Value: 700000, ...blankFrom(0) } },
      { table: "Assumptions", key: { PartnerId: revert.partnerId, Name: revert.name }, delete: true },
      { table: "Assumptions", key: { PartnerId: id, Name: "mdf" }, set: { Value: 20000, Year2: 15000, ...blankFrom(1) } },
    ]);
    expect(own("license_revenue")).toBeDefined();
    const planned = planChanges(data.snapshot, changes);
    expect(planned.ok && planned.plan.tables[0]).toMatchObject({ deletes: [data.assumptions.indexOf(revert)], appends: [expect.any(Array)] });
  });

  it("saves nothing for a draft equal to the saved row, or a revert of a driver the partner does not override", () => {
    const first = data.assumptionsOf(id)[0];
    const drafts = new Map<string, Draft>([
      [first.name, { kind: "override", text: first.values.map((v) => (v === null ? "" : String(v))) }],
      ["discount_rate", { kind: "inherit" }],
    ]);
    expect(assumptionChanges(data, id, lines, drafts)).toEqual([]);
  });

  it("adds the partner's PartnerScores row when the workbook has that table", () => {
    const scores = { name: "PartnerScores", sheet: "PartnerScores", origin: { row: 1, column: 1 }, headers: ["PartnerId"], rows: [] };
    const withScores = new PartnerData(snapshotOf([...raw, scores]));
    const drafts = new Map<string, Draft>([["mdf", { kind: "override", text: ["1"] }]]);
    expect(assumptionChanges(data, id, lines, drafts).map((c) => c.table)).toEqual(["Assumptions"]);
    expect(assumptionChanges(withScores, id, assumptionLines(withScores, id), drafts).map((c) => c.table)).toEqual(["Assumptions", "PartnerScores"]);
  });

  it("names the year column a longer series needs, so that saving it reports the column", () => {
    const changes = assumptionChanges(data, id, lines, new Map([["ramp", { kind: "override", text: ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "0.95", "1"] }]]));
    const planned = planChanges(data.snapshot, changes);
    expect(planned.ok).toBe(false);
    if (!planned.ok) expect(planned.problems.map((p) => p.message)).toEqual(["table Assumptions has no Year11 column"]);
  });
});
