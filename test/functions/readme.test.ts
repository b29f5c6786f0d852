// The README's examples of the analyst's toolkit give the numbers the README shows.
import { describe, expect, it } from "vitest";
import { dateSerial } from "../../engine/excel/date";
import { excelHost } from "../excel-host";

const excel = excelHost();
const pct = (x: unknown, digits = 1) => Number(((x as number) * 100).toFixed(digits));

describe("the README's examples of rating, scorecards, segmentation, plans and funnels", () => {
  it("rate partners", () => {
    const row = [[true, true, true, true, false, false, false, true]];
    expect(excel.value("TIER", row, 4)).toBe("MGP");
    expect(excel.value("TIER", row, 0)).toBe("BZ");
    expect(excel.value("TIER", [[1, 1, 1, 1, 1, 1, 1, 1]], 12)).toBe("MVP");
    expect(excel.value("TIER", [[1, 1, 1, 1, 1, 1, 1, 1]], 12, null, null, true)).toBe("Target");
    const mix = excel.value("TIER.MIX", ["MVP", "MGP", "MGP", "MGP", "STP", "STP", "BZ", "BZ", "BZ", "Target"].map((t) => [t])) as [string, number][];
    expect(mix.map(([label, share]) => [label, pct(share)])).toEqual([
      ["MVP", 11.1], ["MGP", 33.3], ["STP", 22.2], ["BZ", 33.3], ["Target", 10], ["MVP gap", 8.9],
    ]);
  });

  it("place partners in their stage and rank their gaps", () => {
    expect(excel.value("STAGE", [[85, 72, 64, 40]])).toBe("Activation");
    expect(excel.value("STAGE", [[85, 72, 64, 40]], 60)).toBe("Enablement");
    const topics = [["Sales training"], ["Demo kit"], ["Marketing plan"], ["Certified engineers"]];
    expect(excel.value("GAPS", topics, [[40], [70], [55], [80]], [[80], [80], [80], [80]], [[1], [2], [1], [1]], 3)).toEqual([
      ["Topic", "Score", "Target", "Gap"],
      ["Sales training", 40, 80, 40],
      ["Marketing plan", 55, 80, 25],
      ["Demo kit", 70, 80, 20],
    ]);
  });

  it("segment, cluster and rank", () => {
    expect(excel.value("SEGMENT", 72, 35)).toBe("Develop");
    expect(excel.value("SEGMENT", 72, 35, 80, 30)).toBe("Sustain");
    const potentials = [[72], [30], [55], [90], [12]];
    const performances = [[35], [80], [55], [95], [20]];
    expect((excel.value("SEGMENTS", potentials, performances) as string[][]).flat()).toEqual(["Develop", "Sustain", "Star", "Star", "Review"]);
    expect((excel.value("SEGMENTS", potentials, performances, "nine") as string[][]).flat()).toEqual([
      "High/Low", "Low/High", "Medium/Medium", "High/High", "Low/Low",
    ]);
    expect((excel.value("CLUSTER", [[10, 12], [90, 91], [11, 10], [88, 90], [50, 52], [49, 50]], 3) as number[][]).flat()).toEqual([3, 1, 3, 1, 2, 2]);
    const data = [[13], [12], [11], [8], [4], [3], [2], [1], [1], [1]];
    expect([2, 4, 5].map((x) => excel.cell("RANK.PCT", x, data))).toEqual([0.333, 0.555, 0.583]);
    expect(excel.cell("RANK.PCT", 5, data, 5)).toBe(0.58333);
    expect(excel.value("RANK.PCT", data.slice(0, 3), data)).toEqual([[1], [0.888], [0.777]]);
  });

  it("measure performance to plan, tasks and approvals", () => {
    const actuals = [[2_190_000], [30], [1], [600_000]];
    const targets = [[2_400_000], [20], [4], [750_000]];
    const weights = [[3], [1], [1], [1]];
    const overall = excel.value("PLAN.ATTAINMENT", actuals, targets, weights, null) as number;
    expect(pct(overall, 2)).toBe(79.79);
    expect(excel.value("STATUS", overall, 1, null, null)).toBe("At risk");
    expect(pct(excel.value("ATTAINMENT", 45000, 60000))).toBe(75);
    expect(excel.value("STATUS", 45000, 60000)).toBe("At risk");
    expect(excel.value("STATUS", 54000, 60000)).toBe("On track");
    expect(excel.value("PACE", 60000, 100000, "2026-07-01", "2026-09-30", "2026-08-15")).toBeCloseTo(1.2, 12);
    expect(excel.value("ROLLUP", [["EMEA"], ["APAC"], ["emea"], ["Americas"]], [[10], [5], [20], [8]], [[20], [10], [20], [0]])).toEqual([
      ["Key", "Actual", "Target", "Attainment"],
      ["EMEA", 30, 40, 0.75],
      ["APAC", 5, 10, 0.5],
      ["Americas", 8, 0, ""],
    ]);
    expect(excel.value("TASKSTATUS", "2026-08-15", "2026-08-17", "2026-09-30")).toBe("Done");
    expect(excel.value("TASKSTATUS", "2026-08-15", null, "2026-09-30")).toBe("Past due");
    expect(excel.value("TASKSTATUS", "2026-10-14", null, "2026-09-30")).toBe("Due soon");
    expect(excel.value("TASKSTATUS", "2026-10-15", null, "2026-09-30")).toBe("Pending");
    // Q3: approved after acceptance, approved without, accepted; Q4: a draft.
    expect(excel.value("APPROVALS", [["2026-Q3"], ["2026-Q3"], ["2026-Q3"], ["2026-Q4"]], [["Approved"], ["Approved"], ["Accepted"], ["Draft"]], [["2026-07-02"], [null], ["2026-07-05"], [null]])).toEqual([
      ["Quarter", "Plans", "Accepted", "Approved", "Approved without acceptance", "Open"],
      ["2026-Q3", 3, 2, 2, 1, 0],
      ["2026-Q4", 1, 0, 0, 0, 1],
    ]);
  });

  it("benchmark funnels", () => {
    expect(pct(excel.value("WINRATE", 18, 12))).toBe(60);
    expect(excel.value("VELOCITY", 20, 5000, "25%", 50)).toBe(500);
    expect((excel.value("FUNNEL", [[200, 80, 40, 10]]) as number[][])[0].map((x) => pct(x))).toEqual([40, 50, 25, 5]);
    const network = [[8], [1], [7], [2], [6], [3], [5], [4]];
    expect(excel.cell("BENCHMARK", 7, network)).toBe("Top quartile");
    expect(excel.cell("BENCHMARK", 3, network)).toBe("Third quartile");
    expect(excel.cell("BENCHMARK", 2, network, false)).toBe("Top quartile");
    expect(excel.value("BENCHMARK", network.slice(0, 3), network)).toEqual([["Top quartile"], ["Bottom quartile"], ["Top quartile"]]);
  });
});

describe("the README's examples of funds, plan realism and the joint value proposition", () => {
  it("keep a fund's ledger and measure its return", () => {
    const _ = null;
    const column = (...values: unknown[]) => values.map((v) => [v]);
    expect(
      excel.value(
        "FUNDS",
        50000,
        column(12000, 8000, 3000, 5000, 9000, 4000),
        column(12000, 6000, 3000, _, _, _),
        column(10000, 6000, _, _, _, _),
        column(10000, _, _, _, _, _),
        column("Paid", "Claimed", "Approved", "Submitted", "Rejected", "Draft"),
      ),
    ).toEqual([
      ["Allocated", "Requested", "Pending", "Approved", "Claimed", "Paid", "Available", "Utilisation"],
      [50000, 37000, 5000, 21000, 16000, 10000, 24000, 0.2],
    ]);
    expect(excel.value("MDF.ROI", 400000, 50000)).toBe(7);
    expect(excel.value("MDF.PIPELINE", [[400000], [150000], [60000]], [[20000], [0], [8000]])).toBe(230000);
  });

  it("check a plan's realism", () => {
    const history = [[800000, 25], [1500000, 60], [950000, 30], [1100000, null], [600000, 20]];
    const deals = [[300000], [450000], [200000], [500000]];
    const rates = [["50%"], ["30%"], ["80%"], ["25%"]];
    const check = excel.value("PLAN.CHECK", [[1200000], [40]], history, deals, rates, 400000) as unknown[][];
    // The README shows seed 1's draw; it must be the simulation of the exact 0.2525 (within two standard errors of 10,000 trials).
    expect(check).toEqual([
      ["Target", "Percentile", "Realism", "Probability"],
      [1200000, 0.81, "Stretch — P81", 0.251],
      [40, 0.77, "Stretch — P77", ""],
    ]);
    expect(Math.abs(0.251 - 0.2525)).toBeLessThan(2 * Math.sqrt((0.2525 * 0.7475) / 10_000));
  });

  it("check a joint value proposition", () => {
    expect(excel.cell("JVP.CHECK", "Close the books in 2 days instead of 10 with our joint finance service.")).toBe("OK: 14 words, about 3.5 s to read");
    expect(excel.cell("JVP.CHECK", "World-class synergy for every B2B leader.")).toBe(
      'Lacks a quantified benefit, a differentiator and plain words (drop "world-class", "synergy")',
    );
  });

  it("work out a plan's actuals from the deals", () => {
    const day = (text: string) => dateSerial(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
    const rows: [string, number, string, string, string][] = [
      ["P1", 100, "Won", "2025-11-03", "2026-01-15"],
      ["P1", 50, "Won", "2026-02-01", "2026-03-31"],
      ["P1", 70, "Won", "2026-04-01", "2026-05-02"],
      ["P1", 30, "Lost", "2026-01-10", "2026-02-10"],
      ["P2", 999, "Won", "2026-01-01", "2026-01-02"],
    ];
    const deals = [0, 1, 2, 3, 4].map((c) => rows.map((r) => [c >= 3 ? day(r[c] as string) : r[c]]));
    expect(excel.value("ACTUALS", ...deals, "P1", "2026-Q1", null, null, null)).toEqual([[150]]);
    expect(excel.value("ACTUALS", ...deals, [["P1"], ["P2"]], [["2026-Q1", "2026-Q2"]], null, null, null)).toEqual([
      [150, 70],
      [999, 0],
    ]);
    expect(excel.value("ACTUALS", ...deals, "P1", 2026, "Pipeline", null, null)).toEqual([[150]]);
  });
});

describe("the README's examples of account planning", () => {
  const column = (...values: unknown[]) => values.map((v) => [v]);
  const mine = [
    ["acme.com", "Customer"],
    ["https://www.globex.com/en", "prospect"],
    ["initech.io", "open opportunity"],
    ["sales.initech.io", "Customer"],
    ["eu.umbrella.co.uk", "Prospect"],
  ];
  const theirs = [
    ["jane@acme.com", "Open opportunity"],
    ["GLOBEX.COM", "customer"],
    ["initech.io", "Prospect"],
    ["umbrella.co.uk", "prospect"],
    ["hooli.com", "Customer"],
  ];

  it("map accounts, in the clear and hashed", () => {
    const matrix = [
      ["Mine \\ Theirs", "Customer", "Open opportunity", "Prospect"],
      ["Customer", 0, 1, 1],
      ["Open opportunity", 0, 0, 0],
      ["Prospect", 1, 0, 1],
    ];
    expect(excel.value("OVERLAP", mine, theirs, null)).toEqual(matrix);
    expect(excel.value("OVERLAP", mine, theirs, "list")).toEqual([
      ["Account", "Mine", "Theirs"],
      ["acme.com", "Customer", "Open opportunity"],
      ["globex.com", "Prospect", "Customer"],
      ["initech.io", "Customer", "Prospect"],
      ["umbrella.co.uk", "Prospect", "Prospect"],
    ]);
    const hstack = (list: string[][]) => {
      const digests = excel.value("HASH", list.map((r) => [r[0]])) as string[][];
      return list.map((r, i) => [digests[i][0], r[1]]);
    };
    expect(excel.value("OVERLAP", hstack(mine), hstack(theirs), null)).toEqual(matrix);
    expect(excel.value("HASH", [["https://www.Acme.com/about"]])).toEqual(excel.value("HASH", [["acme.com"]]));
  });

  it("find conflicts, age leads and attribute won revenue", () => {
    expect(
      excel.value(
        "CONFLICT",
        column("ACC-1", "ACC-1", "ACC-2", "ACC-1"),
        column("Northwind", "Contoso", "Contoso", "northwind"),
        column("2026-01-10", "2026-03-01", "2026-01-01", "2026-02-01"),
        column("2026-04-10", "2026-05-31", null, "2026-02-28"),
      ),
    ).toEqual([
      ["Account", "Row", "Partner", "Other row", "Other partner", "From", "To"],
      ["ACC-1", 1, "Northwind", 2, "Contoso", 46082, 46122],
    ]);
    // The README shows the serials as the dates they are.
    expect([46082, 46122]).toEqual([dateSerial(2026, 3, 1), dateSerial(2026, 4, 10)]);
    expect(excel.value("LEADAGE", column("2026-08-01", "2026-08-01", "2026-08-07", "2026-08-08"), column("2026-08-03", "2026-08-04", null, null), 2, "2026-08-10")).toEqual([
      ["On time"], ["Accepted late"], ["Overdue"], ["Open"],
    ]);
    expect(excel.value("ATTRIB", column(50000, 30000, 20000, 99000), column("partner-sourced", "Partner-influenced", "", "partner-sourced"), column("Won", "won", "Won", "Lost"))).toEqual([
      ["Source", "Won revenue", "Share"],
      ["Partner-sourced", 50000, 0.5],
      ["Partner-influenced", 30000, 0.3],
      ["Vendor", 20000, 0.2],
      ["Total", 100000, 1],
    ]);
  });
});

describe("the README's examples of partner names from other systems", () => {
  it("match partner names to their ids", () => {
    const names = [["Acme Corporation"], ["Globex Ltd"]];
    const ids = [["P0001"], ["P0002"]];
    expect(excel.value("MATCH", "ACME corp.", names, ids)).toBe("P0001");
    expect(excel.value("MATCH", "Globx", names, ids, 0.8)).toBe("P0002");
    expect(excel.call("MATCH", "Globx", names, ids, 1)).toMatchObject({ kind: "error", error: { code: "#N/A" } });
    expect(excel.call("MATCH", "Globex", names, [["P0001"]])).toMatchObject({ kind: "error", error: { code: "#VALUE!" } });
  });
});
