/**
 * Valid calls of every custom function, as Excel would make them. The fuzz test mutates these
 * (besides calling with fully random arguments) so that it reaches deep into each model, not just
 * its argument checks. Add examples here with every new function.
 */
const _ = null;

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
};

/** Words the models understand, so that random text sometimes means something to them. */
export const VOCABULARY = [
  "yes", "no", "y", "n", "TRUE", "false", "*", "n/a", "-", "1e3", "15%", "  7 ", "0x10", "1,000",
  "Ability to deliver", "ability", "sweetspot", "territory", "revenue",
];
