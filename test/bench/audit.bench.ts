// Audit scoring of a whole partner network: the engine against plain spreadsheet arithmetic
// written naively in JavaScript (what a hand-built sheet computes cell by cell).
import { auditAreas } from "../../engine/audit";
import { createRandom } from "../../engine/random";
import { measure, report } from "./measure";

export default function auditBench() {
  const partners = 100_000;
  const random = createRandom(5);
  const sizes = [5, 3, 3, 3];
  const ratings = Array.from({ length: partners }, () =>
    sizes.map((n) => Array.from({ length: n }, () => (random.next() < 0.05 ? null : 1 + random.int(5)))),
  );
  const engine = measure(() => {
    for (const [ability, sweetspot, territory, revenue] of ratings) auditAreas({ ability, sweetspot, territory, revenue });
  });
  // The same averages the way a sheet does them: AVERAGE of (r-1)/4*100 per area, then AVERAGE.
  const naive = measure(() => {
    for (const areas of ratings) {
      const scores = areas
        .map((area) => area.filter((r): r is number => r !== null).map((r) => ((r - 1) / 4) * 100))
        .filter((s) => s.length)
        .map((s) => s.reduce((a, b) => a + b, 0) / s.length);
      void (scores.reduce((a, b) => a + b, 0) / scores.length);
    }
  });
  report(
    `PARTNER.AUDIT.AREAS on ${partners.toLocaleString("en-US")} partners × 14 criteria`,
    [
      { name: "engine (validated)", timing: engine },
      { name: "naive JavaScript (no validation)", timing: naive },
    ],
    "engine (validated)",
  );
}
