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
  draftValues,
  effective,
  locateError,
  mergedAssumptions,
  yearColumns,
} from "../../addin/taskpane/model/assumptions";
import { inputText } from "../../addin/taskpane/model/drivers";
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
    // Located by the driver in words; the engine's name is the one the table holds twice.
    expect(isEngineError(result) && locateError(result.message, merged.drivers).message).toMatch(/^Marketing funds \(MDF\) per year: mdf is given twice/);
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

  it("reads each driver's boxes in its units: a rate's box in per cent, amounts with thousands grouped", () => {
    const line = (driver: string) => lines.find((l) => l.driver === driver)!;
    expect(draftValues(line("product_margin"), ["27", "27.5%", "", "0.5"])).toEqual({ values: [0.27, 0.275, null, 0.005] });
    expect(draftValues(line("license_revenue"), ["300,000", "300 000", "1e6"])).toEqual({ values: [300000, 300000, 1000000] });
    expect(draftValues(line("years"), ["7"])).toEqual({ values: [7] });
  });

  it("refuses what cannot be read or what the driver does not allow, saying why in the box's terms, and never says blank of text", () => {
    const line = (driver: string) => lines.find((l) => l.driver === driver)!;
    const refused = (driver: string, text: string[]) => {
      const result = draftValues(line(driver), text);
      return "invalid" in result ? [result.invalid, result.message] : result;
    };
    expect(refused("license_revenue", ["abc"])).toEqual([0, "Enter a number, e.g. 300,000."]);
    expect(refused("license_revenue", ["1,5"])).toEqual([0, "Enter a number, e.g. 300,000. Decimals take a point: 1.5."]);
    expect(refused("license_revenue", ["25%"])).toEqual([0, "Enter an amount, not a percentage, e.g. 300,000."]);
    expect(refused("license_revenue", ["-5"])).toEqual([0, "Enter a number of 0 or more: −5 is below 0."]);
    expect(refused("retention", ["90", "120"])).toEqual([1, "Enter a number from 0% to 100%: 120% is above 100%."]);
    expect(refused("years", ["7.5"])).toEqual([0, "Enter a whole number from 1 to 20."]);
    expect(refused("years", ["25"])).toEqual([0, "Enter a whole number from 1 to 20: 25 is above 20."]);
    expect(refused("discount_rate", ["-100"])).toEqual([0, "Enter more than −100%."]);
    expect(refused("mdf", ["", "5000"])).toEqual([0, "Enter a value for year 1 (a blank would count as 0)."]);
    expect(effective(line("mdf"), { kind: "override", text: ["abc"] })).toMatchObject({ invalid: 0, message: "Enter a number, e.g. 300,000." });
  });

  it("gives back the saved value when a box's text is read again, for every driver of every modelled partner", () => {
    for (const partner of modelled) {
      for (const line of assumptionLines(data, partner)) {
        for (const record of [...line.own, ...line.inherited]) {
          const values = record.values.filter((v): v is number => v !== null);
          expect(draftValues(line, values.map((v) => inputText(line.kind, v)))).toEqual({ values });
        }
      }
    }
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
      // The boxes as the pane fills them from the saved row.
      [first.name, { kind: "override", text: first.values.map((v) => inputText(lines.find((l) => l.driver === first.name)!.kind, v)) }],
      ["discount_rate", { kind: "inherit" }],
    ]);
    expect(assumptionChanges(data, id, lines, drafts)).toEqual([]);
  });

  it("saves the boxes left as they were shown with their exact numbers, not the rounded text", () => {
    // A rate of 2/3 shows as 66.6666666667 (%), an amount of 1234.5678912345 as 1,234.567891.
    const exact = [2 / 3, 1234.5678912345];
    const drafts = new Map<string, Draft>([
      ["product_margin", { kind: "override", text: ["25", inputText("rate", exact[0])], from: [0.27, exact[0]] }],
      ["mdf", { kind: "override", text: ["20,000", inputText("amount", exact[1])], from: [15000, exact[1]] }],
    ]);
    expect(inputText("rate", exact[0])).not.toBe(String(exact[0] * 100));
    const changes = assumptionChanges(data, id, lines, drafts);
    const set = (name: string) => changes.find((c) => "set" in c && c.key.Name === name && c.table === "Assumptions") as { set: Record<string, unknown> };
    expect(set("product_margin").set).toMatchObject({ Value: 0.25, Year2: exact[0] });
    expect(set("mdf").set).toMatchObject({ Value: 20000, Year2: exact[1] });
    // A box typed again, even to the same figure's text, is read from its text.
    const typed = assumptionChanges(data, id, lines, new Map<string, Draft>([["mdf", { kind: "override", text: ["20,000", "1,234.5"], from: [15000, exact[1]] }]]));
    expect((typed.find((c) => "set" in c && c.key.Name === "mdf") as { set: Record<string, unknown> }).set).toMatchObject({ Year2: 1234.5 });
  });

  it("adds the partner's PartnerScores row when the workbook has that table", () => {
    const scores = { name: "PartnerScores", sheet: "PartnerScores", origin: { row: 1, column: 1 }, headers: ["PartnerId"], rows: [] };
    const withScores = new PartnerData(snapshotOf([...raw, scores]));
    const drafts = new Map<string, Draft>([["mdf", { kind: "override", text: ["1"] }]]);
    expect(assumptionChanges(data, id, lines, drafts).map((c) => c.table)).toEqual(["Assumptions"]);
    expect(assumptionChanges(withScores, id, assumptionLines(withScores, id), drafts).map((c) => c.table)).toEqual(["Assumptions", "PartnerScores"]);
  });

  it("names the year column a longer series needs, so that saving it reports the column", () => {
    const changes = assumptionChanges(data, id, lines, new Map([["ramp", { kind: "override", text: ["10", "20", "30", "40", "50", "60", "70", "80", "90", "95", "100"] }]]));
    const planned = planChanges(data.snapshot, changes);
    expect(planned.ok).toBe(false);
    if (!planned.ok) expect(planned.problems.map((p) => p.message)).toEqual(["table Assumptions has no Year11 column"]);
  });
});
