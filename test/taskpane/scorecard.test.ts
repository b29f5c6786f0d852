// The scorecard tab's model: latest assessment per topic, the network's topics, stage scores and
// the batch that saves an assessment whole on its date.
import { describe, expect, it } from "vitest";
import { gapExplanation, gapInputs, latestScorecard, scorecardChanges, scorecardTopics, stageScores } from "../../addin/taskpane/model/scorecard";
import { summarise } from "../../addin/taskpane/model/summary";
import type { ScorecardRecord } from "../../addin/workbook/records";
import { dateSerial } from "../../engine/excel/date";
import { gaps, stage } from "../../engine/scorecard";
import { ok } from "../engine/support";
import { activePartner, applied, dataOf, sampleRaw } from "./support";

const row = (topic: string, score: number | null, date: number | null, category = "Fit"): ScorecardRecord => ({
  partnerId: "P1",
  category,
  topic,
  score,
  target: 70,
  weight: 1,
  date,
});

describe("scorecard model", () => {
  const data = dataOf(sampleRaw());
  const partner = activePartner(data);
  const prospect = data.partners.find((p) => !data.scorecardsOf(p.id).length)!.id;
  const today = dateSerial(2026, 10, 15);

  it("takes the latest row of each topic, by date then table order, in first-seen topic order", () => {
    const rows = [row("A", 10, 100), row("B", 20, 100), row("a ", 30, 120), row("B", 40, null), row("B", 50, 100)];
    expect(latestScorecard(rows).map((r) => [r.topic, r.score])).toEqual([
      ["a ", 30],
      ["B", 50],
    ]);
  });

  it("averages each stage's latest scores, blank when a stage has none", () => {
    const topics = [row("A", 40, 1), row("B", 80, 1), row("C", null, 1, "Onboarding"), row("D", 90, 1, "sales"), row("E", 75, 1, " activation ")];
    expect(stageScores(topics)).toEqual([60, null, 75, null]);
  });

  it("lists every topic of the workbook, stages first, with the partner's latest values", () => {
    const topics = scorecardTopics(data, partner);
    expect(topics.map((t) => t.category)).toEqual(["Fit", "Fit", "Onboarding", "Onboarding", "Activation", "Activation", "Enablement", "Enablement", "Sales", "Sales", "Marketing", "Marketing", "Technical", "Technical"]);
    expect(topics.every((t) => t.own)).toBe(true);
    const own = latestScorecard(data.scorecardsOf(partner));
    expect(topics.map((t) => t.score)).toEqual(own.map((r) => r.score));
    // A partner never scored gets the same topics, unscored, with the targets the workbook uses.
    const fresh = scorecardTopics(data, prospect);
    expect(fresh.map((t) => t.topic)).toEqual(topics.map((t) => t.topic));
    expect(fresh.every((t) => !t.own && t.score === null && t.date === null)).toBe(true);
    expect(fresh.map((t) => t.target)).toEqual(topics.map((t) => t.target));
  });

  it("saves an assessment on its date for every topic the partner has, and the stage follows it", () => {
    const topics = scorecardTopics(data, partner).map((t) => ({ ...t, score: t.category === "Fit" ? 95 : t.score }));
    topics[2] = { ...topics[2], score: 12, target: 80 };
    const changes = scorecardChanges(data, partner, today, topics);
    expect(changes).toHaveLength(14);
    expect(changes[2]).toEqual({
      table: "Scorecard",
      key: { PartnerId: partner, Category: "Onboarding", Topic: "Contract and portal set up", Date: today },
      set: { Score: 12, Target: 80, Weight: topics[2].weight },
    });
    const after = applied(data, changes);
    expect(after.scorecardsOf(partner)).toHaveLength(28);
    const latest = scorecardTopics(after, partner);
    expect(latest.map((t) => [t.score, t.target, t.date])).toEqual(topics.map((t) => [t.score, t.target, today]));
    // Onboarding averages 12 with the other topic's score: below the pass mark, so the partner is onboarding.
    expect(ok(stage(stageScores(latest)))).toBe("Onboarding");
    expect(summarise(after, after.partner(partner)!).stage).toBe("Onboarding");
    // Saving the same date again updates those rows instead of adding more.
    expect(applied(after, scorecardChanges(after, partner, today, latest)).scorecardsOf(partner)).toHaveLength(28);
  });

  it("saves only the topics a new partner was scored on", () => {
    const topics = scorecardTopics(data, prospect);
    topics[0] = { ...topics[0], score: 55 };
    const changes = scorecardChanges(data, prospect, today, topics);
    expect(changes.map((c) => c.key.Topic)).toEqual([topics[0].topic]);
    expect(applied(data, changes).scorecardsOf(prospect).map((r) => [r.topic, r.score, r.target])).toEqual([[topics[0].topic, 55, topics[0].target]]);
  });

  it("rejects a score outside 0–100 with the column named, writing nothing", async () => {
    const topics = scorecardTopics(data, partner);
    topics[0] = { ...topics[0], score: 140 };
    const { planChanges } = await import("../../addin/workbook/plan");
    const result = planChanges(data.snapshot, scorecardChanges(data, partner, today, topics));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message)).toEqual(["Score: a score must be from 0 to 100, got 140"]);
  });

  it("hands the engine the columns PARTNER.GAPS takes", () => {
    const topics = scorecardTopics(data, partner);
    const input = gapInputs(topics);
    const top = ok(gaps(input.topics, input.scores, input.targets, input.weights));
    expect(top.length).toBeLessThanOrEqual(5);
    const unweighted = gapInputs(topics.map((t) => ({ ...t, weight: null })));
    expect(unweighted.weights).toBeNull();
  });
});

describe("explaining a gap", () => {
  it("shows the sum PARTNER.GAPS makes: target less score, times the weight when the table gives weights", () => {
    const input = { topics: ["Demo kit", "Sales training", "Fresh"], scores: [57, 40, null], targets: [75, 80, 60], weights: [2, 1, 1] };
    const ranked = ok(gaps(input.topics, input.scores, input.targets, input.weights));
    const explained = ranked.map((g) => {
      const i = input.topics.indexOf(g.topic);
      return gapExplanation(g, input.weights[i], input.scores[i] !== null);
    });
    expect(explained).toEqual(["Not scored, so 0: gap 60 = (60 − 0) × weight 1", "gap 40 = (80 − 40) × weight 1", "gap 36 = (75 − 57) × weight 2"]);
    const unweighted = ok(gaps(["A"], [57.5], [75]))[0];
    expect(gapExplanation(unweighted, undefined)).toBe("gap 17.5 = 75 − 57.5");
  });
});
