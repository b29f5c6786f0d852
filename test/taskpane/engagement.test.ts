// The engagement checklist's batches: one Engagement row per partner and period, and PartnerScores kept live.
import { describe, expect, it } from "vitest";
import { dateSerial } from "../../engine/excel/date";
import { engagementChanges, engagementProblem, engagementStart, quarterOfDay } from "../../addin/taskpane/model/engagement";
import { planChanges } from "../../addin/workbook/plan";
import { applied, dataOf, sampleRaw } from "./support";

const ANSWERS = [true, true, false, true, false, false, true, true];

describe("engagement changes", () => {
  const data = dataOf(sampleRaw());
  const partner = data.partners[0].id;

  it("records a new period as a new row, and the partner's tier reads from it", () => {
    const before = data.engagementOf(partner);
    expect(before.map((e) => e.period)).toEqual(["2026-Q3"]);
    const changes = engagementChanges(data, partner, { period: " 2026-Q4 ", answers: ANSWERS, opportunities: 4, prospect: false });
    expect(changes).toEqual([
      {
        table: "Engagement",
        key: { PartnerId: partner, Period: "2026-Q4" },
        set: { OptIn: true, Meets: true, Access: false, Visible: true, Advises: false, Suggests: false, RefersPartners: true, Online: true, Opportunities: 4, Prospect: false },
      },
    ]);
    const after = applied(data, changes).engagementOf(partner);
    expect(after).toHaveLength(2);
    expect(after.at(-1)).toEqual({ partnerId: partner, answers: ANSWERS, opportunities: 4, period: "2026-Q4", prospect: false });
    expect(after[0]).toEqual(before[0]);
  });

  it("updates the row of a period the partner already has", () => {
    const changes = engagementChanges(data, partner, { period: "2026-q3", answers: ANSWERS, opportunities: 0, prospect: true });
    const after = applied(data, changes).engagementOf(partner);
    expect(after).toEqual([{ partnerId: partner, answers: ANSWERS, opportunities: 0, period: "2026-Q3", prospect: true }]);
  });

  it("keeps the partner's PartnerScores row when the workbook has that table", () => {
    const withScores = dataOf(sampleRaw(24, { scores: true }));
    const changes = engagementChanges(withScores, partner, { period: "2026-Q4", answers: ANSWERS, opportunities: 4, prospect: false });
    expect(changes.map((c) => c.table)).toEqual(["Engagement", "PartnerScores"]);
    expect(String((changes[1].set.Tier as { formula: string }).formula)).toContain("LOOKUP(2,1/(Engagement[PartnerId]=");
    const after = applied(withScores, changes);
    // Once the row is there, a later batch sets only its plan period, which the plan finds unchanged.
    const later = engagementChanges(after, partner, { period: "2026-Q4", answers: ANSWERS, opportunities: 5, prospect: false });
    expect(later[1]).toEqual({ table: "PartnerScores", key: { PartnerId: partner }, set: { PlanPeriod: changes[1].set.PlanPeriod } });
    const planned = planChanges(after.snapshot, later);
    expect(planned.ok && planned.plan.tables.map((t) => [t.table, t.updates.length, t.appends.length])).toEqual([["Engagement", 1, 0]]);
  });

  it("starts the form from the period's row, else the partner's last row", () => {
    const records = data.engagementOf(partner);
    expect(engagementStart(records, "2026-Q3")).toEqual({ record: records[0], samePeriod: true });
    expect(engagementStart(records, "2026-Q4")).toEqual({ record: records[0], samePeriod: false });
    expect(engagementStart([], "2026-Q4")).toEqual({ record: null, samePeriod: false });
  });

  it("names what is wrong with an entry before anything is saved", () => {
    expect(engagementProblem({ period: " ", answers: ANSWERS, opportunities: 1, prospect: false })).toMatch(/^Enter the period/);
    expect(engagementProblem({ period: "2026-Q4", answers: ANSWERS, opportunities: 1.5, prospect: false })).toMatch(/whole number/);
    expect(engagementProblem({ period: "2026-Q4", answers: ANSWERS, opportunities: 2, prospect: false })).toBeUndefined();
  });

  it("records new checklists for the quarter of the day", () => {
    expect(quarterOfDay(dateSerial(2026, 10, 15))).toBe("2026-Q4");
    expect(quarterOfDay(dateSerial(2027, 3, 31))).toBe("2027-Q1");
  });

  it("leaves Prospect out when the table has no such column and the partner is not a prospect", () => {
    const raws = sampleRaw(6);
    const engagement = raws.find((r) => r.name === "Engagement")!;
    const at = engagement.headers.indexOf("Prospect");
    engagement.headers.splice(at, 1);
    engagement.rows.forEach((r) => r.splice(at, 1));
    const small = dataOf(raws);
    const id = small.partners[0].id;
    const changes = engagementChanges(small, id, { period: "2026-Q4", answers: ANSWERS, opportunities: 1, prospect: false });
    expect(changes[0].set.Prospect).toBeNull();
    applied(small, changes);
  });
});
