/**
 * Valid calls of every custom function, as Excel would make them. The fuzz test mutates these
 * (besides calling with fully random arguments) so that it reaches deep into each model, not just
 * its argument checks. Add examples here with every new function.
 */
const _ = null;

/** A realistic assumptions block: scalars, series (with trailing blanks) and costs. */
const PNL_ASSUMPTIONS = [
  ["years", 5, _, _],
  ["license_revenue", 200000, _, _],
  ["ramp", 0.3, 0.7, 1],
  ["license_growth", 0.05, _, _],
  ["services_attach", 0.4, _, _],
  ["maintenance_rate", 0.18, _, _],
  ["onboarding_cost", 40000, _, _],
  ["headcount", 1, _, _],
  ["cost_per_head", 60000, _, _],
  ["mdf", 10000, 5000, _],
];

export const EXAMPLES: Record<string, unknown[][]> = {
  SCORE: [
    [[[4, 5, 3, 2]]],
    [[[4], [5], [_], [2]], [[1], [2], [1], [3]]],
    [[[7, 10, 3]], _, 10],
  ],
  AUDIT: [
    [[[4], [5], [3], [4], [2]], [[3], [3], [4]], [[5], [4], [4]], [[2], [3], [3]]],
    [[[4, 5, 3, 4, 2]], [[_, _, _]], [[5, 4, 4]], [[2, 3, 3]], [[2, 1, 1, 1]]],
  ],
  "AUDIT.AREAS": [
    [[[4], [5], [3], [4], [2]], [[3], [3], [4]], [[5], [4], [4]], [[2], [3], [_]]],
    [[[4, 5, 3, 4, 2]], [[_, _, _]], [[5, 4, 4]], [[2, 3, 3]], [[0, 1, 1, 3]]],
  ],
  NPV: [
    [0.1, [[-10000, 3000, 4200, 6800]]],
    [0.08, [[8000], [9200], [_], [10000], ["n/a"], [12000], [14500]]],
  ],
  IRR: [
    [[[-70000, 12000, 15000, 18000, 21000, 26000]]],
    [[[-70000], [12000], [15000]], -0.1],
  ],
  PAYBACK: [
    [[[-10000, 4000, 4000, 3000]]],
    [[[-500], [_], [200], [200], [200]]],
  ],
  PNL: [
    [PNL_ASSUMPTIONS],
    [PNL_ASSUMPTIONS, "vendor", [["product_margin", 0.25, _, _], ["years", 6, _, _]]],
  ],
  "PNL.SUMMARY": [
    [PNL_ASSUMPTIONS],
    [PNL_ASSUMPTIONS, "vendor"],
    [[["license_revenue", 80000], ["onboarding_cost", 50000]], _, [["mdf", 5000]]],
  ],
  SENSITIVITY: [
    [PNL_ASSUMPTIONS],
    [PNL_ASSUMPTIONS, "IRR", 0.2],
  ],
  SIMULATE: [
    [PNL_ASSUMPTIONS, [["license_revenue", "normal", 200000, 40000, _], ["product_margin", "triangular", 0.15, 0.2, 0.3]], 500, 7],
    [PNL_ASSUMPTIONS, [["ramp", "uniform", 0.5, 1]], 200],
  ],
  RAMP: [
    [[[20, 60, 100, _], [10, 50, 80, 100], [30, 90, _, _]]],
    [[[5, 10], [8, 8]], 0.25],
  ],
  TIER: [
    [[[true, true, true, true, true, true, true, true]], 12],
    [[["yes"], ["yes"], ["y"], [1], [_], [_], [_], ["no"]], 4, 3, 10, _],
    [[[1, 0, 0, 0, 0, 0, 0, 1]], 2, 2, 5, false],
    [[[true, true, true, true, true, true, true, true]], 20, _, _, true],
  ],
  "TIER.MIX": [
    [[["MVP"], ["MGP"], ["MGP"], ["STP"], ["BZ"], [_], ["Target"]]],
    [[["mvp", "Target", "bz", "stp"]]],
  ],
  STAGE: [
    [[[80, 75, 60, 90]]],
    [[[90], [_], [72], [40]], 65],
  ],
  GAPS: [
    [[["Sales training"], ["Demo kit"], ["Marketing plan"], ["Certified engineers"]], [[40], [70], [55], [80]], [[80], [80], [80], [80]], [[1], [2], [1], [1]], 3],
    [[["Fit", "Onboarding", "Activation"]], [[90, _, 40]], 75],
  ],
  SEGMENT: [
    [72, 35],
    [40, 90, 30, 80],
  ],
  SEGMENTS: [
    [[[72], [30], [55], [90], [12], [_]], [[35], [80], [55], [95], [20], [40]]],
    [[[72], [30], [55], [90], [12], [64], [23]], [[35], [80], [55], [95], [20], [48], [77]], "median"],
    [[[72, 30, 55, 90, 12, 64, 23, 81, 47]], [[35, 80, 55, 95, 20, 48, 77, 66, 12]], "nine"],
  ],
  CLUSTER: [
    [[[10, 12, 30], [90, 91, 85], [11, 10, 25], [88, 90, 95], [50, 52, 49], [49, 50, 60], [_, 40, 40]], 3],
    [[[10], [90], [11], [88], [50], [49]], 2, 42],
  ],
  "RANK.PCT": [
    [4, [[13], [12], [11], [8], [4], [3], [2], [1], [1], [1]]],
    [55.5, [[10, 20, 30, 40, 50, 60, 70, 80]], 5],
  ],
  ATTAINMENT: [
    [45000, 60000],
    [_, 1],
  ],
  "PLAN.ATTAINMENT": [
    [[[45000], [12], [0.3]], [[60000], [10], [0.5]]],
    [[[45000, 12, _]], [[60000, 10, 4]], [[2, 1, 1]], 1.2],
    [[[80], [_], [3]], [[100], [50], [4]], [[_], [_], [_]]],
  ],
  PACE: [
    [60, 100, 46204, 46295, 46249],
    [60, 100, "2026-07-01", "2026-09-30", "2026-08-15"],
  ],
  STATUS: [
    [45000, 60000],
    [85, 100, 0.15, 0.3],
  ],
  ROLLUP: [
    [[["EMEA"], ["APAC"], ["emea"], ["Americas"], [_]], [[10], [5], [20], [8], [_]], [[20], [10], [20], [0], [_]]],
    [[["Amelia Hart", "Marcus Reed"]], [[120, 80]], [[100, 100]]],
  ],
  TASKSTATUS: [
    [46249, 46251, 46295],
    [46300, _, 46295],
    ["2026-10-15", "no", "2026-09-30"],
  ],
  APPROVALS: [
    [[["2026-Q3"], ["2026-Q3"], ["Q3 2026"], ["2026-Q4"]], [["Approved"], ["Approved"], ["Accepted"], ["Draft"]], [[46206], [_], ["2026-07-09"], [_]]],
  ],
  WINRATE: [
    [18, 12],
    [0, 4],
  ],
  FUNNEL: [
    [[[200, 80, 40, 10]]],
    [[[120], [60], [_], [10]]],
  ],
  VELOCITY: [
    [20, 5000, 0.25, 50],
    [12, 8000, "30%", 90],
  ],
  FUNDS: [
    [50000, [[12000], [8000], [5000], [9000], [4000]], [[12000], [6000], [_], [_], [_]], [[10000], [6000], [_], [_], [_]], [[10000], [_], [_], [_], [_]]],
    [
      [[30000], [20000]],
      [[12000], [8000], [5000], [9000], [4000]],
      [[12000], [6000], [_], [_], [_]],
      [[10000], [6000], [_], [_], [_]],
      [[10000], [_], [_], [_], [_]],
      [["Paid"], ["Claimed"], ["Submitted"], ["Rejected"], ["Draft"]],
    ],
  ],
  "MDF.ROI": [
    [[[250000], [90000], [_]], [[20000], [10000], [5000]]],
    [400000, 50000],
  ],
  "MDF.PIPELINE": [
    [[[400000], [150000], [60000]], [[20000], [_], [8000]]],
    [[[90000, 30000]], [[5000, 2500]]],
  ],
  "PLAN.CHECK": [
    [[[1_200_000], [40]], [[800_000, 25], [1_500_000, 60], [950_000, 30], [1_100_000, _], [600_000, 20]], [[300_000], [450_000], [200_000], [500_000]], [[0.5], [0.3], [0.8], [0.25]], 400_000, _, 500, 7],
    [[[90]], [[40], [55], [70], [85], [100]]],
    [[[15, 2_000_000]], [[12, 1_000_000], [20, 3_000_000]], [[900_000, 1_500_000]], 0.4, _, 2, 300],
  ],
  ACTUALS: [
    [[["P1"], ["p1"], ["P2"], [_]], [[120_000], [80_000], [_], [5_000]], [["Won"], ["Open"], ["won"], ["Lost"]], [[46023], [46100], ["2026-02-01"], [_]], [[46050], [_], [46120], [46180]], [["P1"], ["P2"]], [["2026-Q1", "2026-Q2", 2026]]],
    [[["P1"], ["P1"]], [[10], [20]], [["Won"], ["Won"]], [[46023], [46030]], [[46050], [46060]], "P1", "2026", "New customers", [["ACC-1"], ["acc-1"]]],
    [[["P1"]], [[10]], [["Open"]], [[46023]], [[_]], "P1", "2026-01", "Deals registered", _, [[46025]]],
  ],
  "JVP.CHECK": [
    ["Cut month-end close from 10 days to 2 with our joint finance service, faster than any in-house team."],
    ["World-class synergy for every B2B leader.", true],
  ],
  OVERLAP: [
    [[["acme.com", "Customer"], ["https://www.globex.com", "prospect"], ["initech.io", "open opportunity"], [_, _], ["Stark Industries", "client"]], [["jane@acme.com", "Open opportunity"], ["globex.com", "customer"], ["stark industries", "opp"]]],
    [[["acme.com", "Customer"], ["globex.com", "Prospect"]], [["eu.acme.com", "prospect"]], "list"],
  ],
  HASH: [
    [[["acme.com"], ["https://www.globex.com/about"], [_], ["Acme, Inc."]]],
    ["bob@eu.umbrella.co.uk"],
  ],
  CONFLICT: [
    [[["ACC-1"], ["ACC-1"], ["ACC-2"], ["ACC-1"]], [["Northwind"], ["Contoso"], ["Contoso"], ["Fabrikam"]], [[46032], ["2026-03-01"], [46023], [_]], [[46122], [46173], [_], [_]]],
    [[["acme.com", "www.acme.com", "globex.com"]], [["P1", "P2", "P1"]], [[46000, 46010, 46020]], [[_, 46050, 46030]]],
  ],
  LEADAGE: [
    [[[46235], [46235], [46241], [46242], [_]], [[46237], [46238], [_], [_], [_]], 2, 46244],
    [[["2026-08-01", "2026-08-03"]], [[_, "2026-08-04"]], [[3, 1]]],
  ],
  ATTRIB: [
    [[[50000], [30000], [20000], [99000], [_]], [["partner-sourced"], ["Partner-influenced"], [_], ["sourced"], ["vendor"]], [["Won"], ["won"], ["Won"], ["Lost"], ["Open"]]],
    [[[1200, 800, 500]], [["influenced", "direct", "partner"]]],
  ],
  BENCHMARK: [
    [7, [[8], [1], [7], [2], [6], [3], [5], [4]]],
    [45, [[30, 60, 45, 90, 12]], false],
  ],
  MATCH: [
    ["ACME corp.", [["Acme Corporation"], ["Globex Ltd"], [_]], [["P0001"], ["P0002"], [_]]],
    ["Globx", [["Acme Corporation", "Globex Ltd"]], [["P0001", "P0002"]], 0.8],
    ["acme  corporation", [["Acme Corporation"], ["Globex Ltd"]], [["P0001"], ["P0002"]], 1],
  ],
};

/** Words the models understand, so that random text sometimes means something to them. */
export const VOCABULARY = [
  "yes", "no", "y", "n", "TRUE", "false", "*", "n/a", "-", "1e3", "15%", "  7 ", "0x10", "1,000",
  "Ability to deliver", "ability", "sweetspot", "territory", "revenue",
  "partner", "vendor", "NPV", "IRR", "Payback", "ROI", "Total profit", "normal", "uniform", "triangular",
  "years", "license_revenue", "License Revenue", "ramp", "product_margin", "retention", "mdf", "cost_growth",
  "discount_rate", "onboarding_cost", "headcount", "licence_revnue",
  "MVP", "MGP", "STP", "BZ", "Target", "mvp", "Fit", "Onboarding", "Activation", "Enablement",
  "fixed", "median", "nine", "Star", "Develop", "Draft", "Submitted", "Accepted", "Approved", "approved",
  "Acme Corporation", "ACME Inc.", "Globex", "P0001",
  "2026-Q3", "Q4 2026", "2026-09-30", "2026-02-30", "EMEA", "emea", "Americas",
  "customer", "Prospect", "open opportunity", "acme.com", "https://www.acme.co.uk/x", "bob@acme.com", "Won", "Lost", "Open",
  "partner-sourced", "partner-influenced", "vendor", "matrix", "list",
];
