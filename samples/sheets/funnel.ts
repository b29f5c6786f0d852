/**
 * The "Funnel" sheet: each active partner's deals by stage (from the Deals table), its win rate,
 * stage conversions and pipeline velocity, benchmarked against the network.
 */
import { benchmark, funnel, velocity, winRate } from "../../engine/funnel";
import { rankPct } from "../../engine/segment";
import type { SheetSpec } from "../../addin/workbook/sheet";
import type { SampleData } from "../generate";
import { DEAL_STAGES } from "../data/deals";
import { SheetBuilder, columnLetter, serialOf, unwrap } from "./tables";

export function funnelSheet(data: SampleData): SheetSpec {
  const sheet = new SheetBuilder("Funnel");
  const n = DEAL_STAGES.length;
  const at = 3; // deals now at each stage: C..G
  const reached = at + n; // deals that reached each stage: H..L
  const outcome = reached + n; // Won, Lost, Open: M..O
  const rate = outcome + 3; // P
  const conversions = rate + 1; // Q..U
  const size = conversions + n; // V
  const [cycle, speed, bench, rank] = [size + 1, size + 2, size + 3, size + 4];
  const groups: [number, string][] = [
    [at, "Deals now at stage"], [reached, "Deals that reached stage"], [outcome, "Outcome"], [rate, "=PARTNER.WINRATE"],
    [conversions, "=PARTNER.FUNNEL (stage to stage, then overall)"], [size, "Average deal"], [cycle, "Average cycle"],
    [speed, "=PARTNER.VELOCITY"], [bench, "=PARTNER.BENCHMARK"], [rank, "=PARTNER.RANK.PCT"],
  ];
  for (const [c, label] of groups) sheet.set(1, c, label);
  const headers: [number, string][] = [
    [1, "PartnerId"], [2, "Name"],
    ...DEAL_STAGES.map((s, i): [number, string] => [at + i, s]),
    ...DEAL_STAGES.map((s, i): [number, string] => [reached + i, s]),
    [outcome, "Won"], [outcome + 1, "Lost"], [outcome + 2, "Open"], [rate, "Win rate"],
    ...DEAL_STAGES.slice(1).map((s, i): [number, string] => [conversions + i, `${DEAL_STAGES[i]} → ${s}`]),
    [conversions + n - 1, "Overall"], [size, "Amount"], [cycle, "Days (decided deals)"], [speed, "Revenue per day"],
    [bench, "Win rate vs network"], [rank, "Win rate rank"],
  ];
  for (const [c, label] of headers) sheet.set(2, c, label);

  const names = new Map(data.partners.map((p) => [p.id, p.name]));
  const ids = [...new Set(data.deals.map((d) => d.partnerId))];
  const first = 3;
  const last = first + ids.length - 1;
  const rates = ids.map((id) => {
    const deals = data.deals.filter((d) => d.partnerId === id);
    return unwrap(winRate(deals.filter((d) => d.outcome === "Won").length, deals.filter((d) => d.outcome === "Lost").length));
  });
  ids.forEach((id, i) => {
    const r = first + i;
    const deals = data.deals.filter((d) => d.partnerId === id);
    sheet.set(r, 1, id);
    sheet.formula(r, 2, `=INDEX(Partners[Name],MATCH($A${r},Partners[PartnerId],0))`, names.get(id)!);
    const atStage = DEAL_STAGES.map((s) => deals.filter((d) => d.stage === s).length);
    atStage.forEach((count, s) =>
      sheet.formula(r, at + s, `=COUNTIFS(Deals[PartnerId],$A${r},Deals[Stage],${columnLetter(at + s)}$2)`, count),
    );
    const reachedCounts = atStage.map((_, s) => atStage.slice(s).reduce((a, b) => a + b, 0));
    reachedCounts.forEach((count, s) => sheet.formula(r, reached + s, `=SUM(${columnLetter(at + s)}${r}:${columnLetter(at + n - 1)}${r})`, count));
    const counts = (["Won", "Lost", "Open"] as const).map((o) => deals.filter((d) => d.outcome === o).length);
    counts.forEach((count, o) =>
      sheet.formula(r, outcome + o, `=COUNTIFS(Deals[PartnerId],$A${r},Deals[Outcome],"${["Won", "Lost", "Open"][o]}")`, count),
    );
    const [won, lost, open] = counts;
    const L = (c: number) => `${columnLetter(c)}${r}`;
    sheet.formula(r, rate, `=PARTNER.WINRATE(${L(outcome)},${L(outcome + 1)})`, rates[i]);
    const rates5 = unwrap(funnel(reachedCounts));
    sheet.spill(r, conversions, `=PARTNER.FUNNEL(${L(reached)}:${L(reached + n - 1)})`, [[...rates5.conversions, rates5.overall].map((v) => v ?? "")]);
    const average = deals.reduce((s, d) => s + d.amount, 0) / deals.length;
    sheet.formula(r, size, `=AVERAGEIFS(Deals[Amount],Deals[PartnerId],$A${r})`, average);
    const decided = deals.filter((d) => d.outcome !== "Open");
    const days =
      (decided.reduce((s, d) => s + serialOf(d.closed!), 0) - decided.reduce((s, d) => s + serialOf(d.opened), 0)) / (won + lost);
    sheet.formula(
      r, cycle,
      `=(SUMIFS(Deals[Closed],Deals[PartnerId],$A${r},Deals[Outcome],"<>Open")-SUMIFS(Deals[Opened],Deals[PartnerId],$A${r},Deals[Outcome],"<>Open"))/(${L(outcome)}+${L(outcome + 1)})`,
      days,
    );
    sheet.formula(r, speed, `=PARTNER.VELOCITY(${L(outcome + 2)},${L(size)},${L(rate)},${L(cycle)})`, velocity(open, average, rates[i], days));
    const population = `${columnLetter(rate)}$${first}:${columnLetter(rate)}$${last}`;
    sheet.formula(r, bench, `=PARTNER.BENCHMARK(${L(rate)},${population})`, benchmark(rates[i], rates));
    sheet.formula(r, rank, `=PARTNER.RANK.PCT(${L(rate)},${population})`, rankPct(rates[i], rates));
  });
  Object.assign(sheet.widths, { 1: 10, 2: 34 });
  for (let c = at; c < rate; c++) sheet.widths[c] = 9;
  for (const c of [rate, ...Array.from({ length: n }, (_, i) => conversions + i), rank]) {
    sheet.widths[c] = 12;
    sheet.columnFormats[c] = "0.0%";
  }
  for (const c of [size, cycle, speed]) {
    sheet.widths[c] = 14;
    sheet.columnFormats[c] = "#,##0";
  }
  sheet.widths[bench] = 18;
  for (const row of [1, 2]) sheet.row(row, { bold: true });
  return sheet.spec({ freeze: { rows: 2, columns: 2 } });
}
