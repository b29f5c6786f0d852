// PARTNER.TIER, PARTNER.TIER.MIX, PARTNER.STAGE and PARTNER.GAPS called through the built bundle.
import { describe, expect, it } from "vitest";
import { BLANKS, excelHost, withBlanks } from "../excel-host";

const excel = excelHost();
const _ = undefined; // a blank cell, replaced by each of Excel's blank forms in turn

describe("PARTNER.TIER", () => {
  const all = [[true, true, true, true, true, true, true, true]];

  it("rates partners from a row or a column of engagement answers", () => {
    expect(excel.value("TIER", all, 10)).toBe("MVP");
    expect(excel.value("TIER", all.map((r) => r.map((v) => [v])).flat(), 9)).toBe("MGP");
    expect(excel.value("TIER", [["yes", "y", "Y", "TRUE", "no", "n", "FALSE", 1]], 4)).toBe("MGP");
    expect(excel.value("TIER", [[1, 0, 0, 0, 0, 0, 0, 1]], "2")).toBe("STP");
    expect(excel.value("TIER", all, 30, null, null, true)).toBe("Target");
    expect(excel.value("TIER", all, 5, 1, 5)).toBe("MVP");
  });

  it("treats every form of blank alike: FALSE answers, 0 opportunities, default thresholds, not a prospect", () => {
    for (const blank of BLANKS) {
      expect(excel.value("TIER", ...withBlanks([[[true, true, true, true, _, _, _, _]], 3], blank))).toBe("MGP");
      expect(excel.value("TIER", [[true, _, _, _, _, _, _, true].map((v) => v ?? blank)], blank)).toBe("BZ");
      expect(excel.value("TIER", all, 10, blank, blank, blank)).toBe("MVP");
      expect(excel.value("TIER", all, 9, blank, blank, blank)).toBe("MGP");
    }
  });

  it("names the argument at fault", () => {
    expect(excel.error("TIER", [[true, true]], 3)).toEqual({ code: "#VALUE!", message: "engagement: expected 8 TRUE/FALSE values, got 2." });
    expect(excel.error("TIER", [[true, true, "maybe", true, true, true, true, true]], 3).message).toBe(
      'engagement (column 3): expected TRUE/FALSE (or 1/0, yes/no, y/n), got "maybe".',
    );
    expect(excel.error("TIER", all, "many").message).toBe('opportunities: expected a number, got "many".');
    expect(excel.error("TIER", all, 3, 5, 4).message).toBe("high_opportunities: must be at least min_opportunities (5), got 4.");
    expect(excel.error("TIER", all, 3, null, null, "perhaps").message).toMatch(/^prospect: expected TRUE\/FALSE/);
  });
});

describe("PARTNER.TIER.MIX", () => {
  it("spills each tier's share and the MVP gap, Targets out of the partner denominator", () => {
    for (const blank of BLANKS) {
      const mix = excel.value("TIER.MIX", [["MVP"], ["MGP"], [blank], ["mgp"], ["STP"], ["BZ"], ["Target"]]) as unknown[][];
      expect(mix.map((r) => r[0])).toEqual(["MVP", "MGP", "STP", "BZ", "Target", "MVP gap"]);
      expect(mix.map((r) => r[1])).toEqual([0.2, 0.4, 0.2, 0.2, 1 / 6, expect.closeTo(0, 12)]);
    }
  });

  it("leaves partner shares blank when every label is a Target, and answers #N/A for no label", () => {
    expect((excel.value("TIER.MIX", [["Target"], ["target"]]) as unknown[][]).map((r) => r[1])).toEqual(["", "", "", "", 1, ""]);
    expect(excel.error("TIER.MIX", [[null, ""]]).code).toBe("#N/A");
    expect(excel.error("TIER.MIX", [["MVP"], ["Platinum"]]).message).toMatch(/^tiers \(item 2\): expected one of "MVP"/);
  });
});

describe("PARTNER.STAGE", () => {
  it("finds the current stage, a blank stage not passed", () => {
    expect(excel.value("STAGE", [[80, 75, 60, 90]])).toBe("Activation");
    expect(excel.value("STAGE", [[80], [75], [70], [90]])).toBe("Established");
    expect(excel.value("STAGE", [[80, 75, 60, 90]], 55)).toBe("Established");
    for (const blank of BLANKS) {
      expect(excel.value("STAGE", ...withBlanks([[[80, _, 90, 90]]], blank))).toBe("Onboarding");
      expect(excel.value("STAGE", [[80, 75, 60, 90]], blank)).toBe("Activation");
    }
  });

  it("names the argument at fault", () => {
    expect(excel.error("STAGE", [[80, 75, 60]]).message).toBe("stage_scores: expected 4 stage scores, got 3.");
    expect(excel.error("STAGE", [[80, 75, "high", 1]]).message).toBe('stage_scores (column 3): expected a number, got "high".');
    expect(excel.error("STAGE", [[80, 75, 60, 1]], 150).message).toMatch(/^pass_mark:/);
  });
});

describe("PARTNER.GAPS", () => {
  const topics = [["Sales training"], ["Demo kit"], ["Marketing plan"], ["Certified engineers"]];

  it("spills a header and the largest weighted gaps, largest first", () => {
    expect(excel.value("GAPS", topics, [[40], [70], [55], [80]], [[80], [80], [80], [80]], [[1], [2], [1], [1]], 3)).toEqual([
      ["Topic", "Score", "Target", "Gap"],
      ["Sales training", 40, 80, 40],
      ["Marketing plan", 55, 80, 25],
      ["Demo kit", 70, 80, 20],
    ]);
  });

  it("takes one target for every topic and treats every form of blank alike", () => {
    for (const blank of BLANKS) {
      const result = excel.value("GAPS", ...withBlanks([[["A"], [_], ["B"], ["C"]], [[90], [_], [_], [75]], 80, [[1], [_], [1], [_]], blank], blank));
      expect(result).toEqual([
        ["Topic", "Score", "Target", "Gap"],
        ["B", 0, 80, 80],
        ["A", 90, 80, 0],
        ["C", 75, 80, 0],
      ]);
    }
  });

  it("names the argument at fault", () => {
    expect(excel.error("GAPS", topics, [[1], [2]], 80).message).toBe("scores: expected as many cells as topics (4), got 2.");
    expect(excel.error("GAPS", topics, [[1], [2], [3], [4]], 80, null, 2.5).message).toMatch(/^top_n: expected a whole number/);
    expect(excel.error("GAPS", [[null]], [[1]], 80).code).toBe("#N/A");
  });
});
