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
};

/** Words the models understand, so that random text sometimes means something to them. */
export const VOCABULARY = [
  "yes", "no", "y", "n", "TRUE", "false", "*", "n/a", "-", "1e3", "15%", "  7 ", "0x10", "1,000",
  "Ability to deliver", "ability", "sweetspot", "territory", "revenue",
  "partner", "vendor", "NPV", "IRR", "Payback", "ROI", "Total profit", "normal", "uniform", "triangular",
  "years", "license_revenue", "License Revenue", "ramp", "product_margin", "retention", "mdf", "cost_growth",
  "discount_rate", "onboarding_cost", "headcount", "licence_revnue",
];
