/**
 * The QBR as a PowerPoint deck, slide by slide with the worksheet's content; charts are native
 * PowerPoint charts (editable, with their data inside the deck). Works in a browser and in Node.
 */
import PptxGenJS from "pptxgenjs";
import { AUDIT_AREAS } from "../../engine/audit";
import type { Qbr } from "../../engine/qbr";
import { deflated } from "../workbook/ooxml/zip-write";
import { CREDIT_RULE, SPEND_RULE, amount, approvalOf, date, noAccountsText, percent, score, signed, tierText, years } from "./format";

const BRAND = "0F6CBD";
const INK = "242424";
const MUTED = "616161";
const GOOD = "107C10";
const BAD = "C50F1F";
const FONT = "Segoe UI";

type Slide = ReturnType<PptxGenJS["addSlide"]>;

function titled(deck: PptxGenJS, title: string, qbr: Qbr): Slide {
  const slide = deck.addSlide();
  slide.addText(title, { x: 0.5, y: 0.3, w: 12.3, h: 0.7, fontFace: FONT, fontSize: 26, bold: true, color: INK });
  slide.addText(`${qbr.partner.name} · ${qbr.quarter}`, { x: 0.5, y: 0.95, w: 12.3, h: 0.4, fontFace: FONT, fontSize: 13, color: MUTED });
  return slide;
}

type Cell = PptxGenJS.TableCell;
const header = (cells: string[]): Cell[] => cells.map((text) => ({ text, options: { bold: true, color: "FFFFFF", fill: { color: BRAND } } }));
const row = (...cells: (string | Cell)[]): Cell[] => cells.map((c) => (typeof c === "string" ? { text: c } : c));
const tableOptions = { x: 0.5, w: 6.2, fontFace: FONT, fontSize: 11, color: INK, border: { type: "solid" as const, pt: 0.5, color: "D1D1D1" } };

/** The slide titles of a QBR deck, in order (the deck test checks them). */
export const SLIDE_TITLES = ["Quarterly business review", "Plan against actual", "Plan activities and funds", "Audit and life stage", "Tier, segment and pipeline", "Account plan", "Actions", "Partner P&L"] as const;

/** Activities listed on the slide; the rest are on the QBR sheet. */
export const SLIDE_ACTIVITIES = 9;
/** Next quarter's targets listed on the slide. */
export const SLIDE_TARGETS = 6;

export function buildDeck(qbr: Qbr): PptxGenJS {
  const deck = new PptxGenJS();
  deck.layout = "LAYOUT_WIDE";
  deck.title = `QBR ${qbr.partner.name} ${qbr.quarter}`;
  deck.company = "PartnerFit";

  // 1. Title.
  const cover = deck.addSlide();
  cover.background = { color: BRAND };
  cover.addText(SLIDE_TITLES[0], { x: 0.6, y: 2.2, w: 12, h: 0.9, fontFace: FONT, fontSize: 36, bold: true, color: "FFFFFF" });
  cover.addText(qbr.partner.name, { x: 0.6, y: 3.1, w: 12, h: 0.7, fontFace: FONT, fontSize: 24, color: "FFFFFF" });
  const where = [qbr.partner.type, qbr.partner.territory, qbr.partner.region].filter(Boolean).join(" · ");
  cover.addText(`${qbr.quarter} (${date(qbr.start)} to ${date(qbr.end)})${where ? `\n${where}` : ""}${qbr.partner.channelManager ? `\nChannel manager: ${qbr.partner.channelManager}` : ""}`, {
    x: 0.6, y: 3.9, w: 12, h: 1.2, fontFace: FONT, fontSize: 14, color: "FFFFFF",
  });

  // 2. Plan against actual.
  const plan = titled(deck, SLIDE_TITLES[1], qbr);
  const kpiRows = [...qbr.kpis, ...(qbr.total && qbr.kpis.length > 1 ? [{ ...qbr.total, kpi: "All KPIs (weighted)" }] : [])];
  if (qbr.planPeriod) {
    plan.addText(`Plan ${qbr.planPeriod}${qbr.approval?.state ? ` · ${qbr.approval.state} (${approvalOf(qbr)})` : " · no approval recorded"}`, { x: 0.5, y: 1.15, w: 6.3, h: 0.4, fontFace: FONT, fontSize: 12, color: MUTED });
  }
  if (kpiRows.length) {
    plan.addTable(
      [
        header(["KPI", "Target", "Actual", "Attainment", "Status"]),
        ...kpiRows.map((k) =>
          row(k.kpi, amount(k.target), amount(k.actual), percent(k.attainment), {
            text: k.status ?? "–",
            options: { color: k.status === "Off track" ? BAD : k.status === "On track" ? GOOD : INK },
          }),
        ),
      ],
      { ...tableOptions, y: 1.6, colW: [1.5, 1.1, 1.1, 1.3, 1.2] },
    );
    plan.addChart(
      deck.ChartType.bar,
      // Attainment rather than target and actual side by side: KPIs in different units (revenue,
      // customers, certified staff) share one axis only as a share of their own target.
      [{ name: "Attainment", labels: qbr.kpis.map((k) => k.kpi), values: qbr.kpis.map((k) => k.attainment ?? 0) }],
      { x: 7.0, y: 1.6, w: 5.8, h: 4.8, barDir: "col", chartColors: [BRAND], showLegend: false, showTitle: true, title: "Attainment by KPI (100% = target)", titleFontSize: 12, catAxisLabelFontSize: 10, valAxisLabelFontSize: 10, valAxisLabelFormatCode: "0%", valAxisMinVal: 0, showValue: true, dataLabelFormatCode: "0%", dataLabelFontSize: 10 },
    );
    plan.addText("All KPIs: the weighted mean of each KPI's attainment, each counted up to its target.", { x: 0.5, y: 6.55, w: 6.3, h: 0.4, fontFace: FONT, fontSize: 10, color: MUTED });
  } else plan.addText("No plan covers this quarter.", { x: 0.5, y: 1.6, w: 12, h: 0.5, fontFace: FONT, fontSize: 14, color: MUTED });

  // 3. The plan's activities, its funds and the realism of next quarter's targets.
  planSlide(deck, qbr);

  // 4. Audit and life stage.
  const audit = titled(deck, SLIDE_TITLES[3], qbr);
  const now = qbr.audit.current;
  const before = qbr.audit.previous;
  audit.addText(
    now
      ? `Audit score ${score(now.overall)} (audit of ${date(now.date)})${qbr.audit.change !== null ? `, ${signed(qbr.audit.change)} since ${qbr.previousQuarter}` : ""}`
      : "No audit yet.",
    { x: 0.5, y: 1.5, w: 6.2, h: 0.5, fontFace: FONT, fontSize: 14, bold: true, color: INK },
  );
  if (now) {
    audit.addChart(
      deck.ChartType.bar,
      [
        ...(before && before.date !== now.date ? [{ name: qbr.previousQuarter, labels: AUDIT_AREAS.map((a) => a.name), values: AUDIT_AREAS.map((a) => before.areas[a.id] ?? 0) }] : []),
        { name: qbr.quarter, labels: AUDIT_AREAS.map((a) => a.name), values: AUDIT_AREAS.map((a) => now.areas[a.id] ?? 0) },
      ],
      { x: 0.5, y: 2.0, w: 6.2, h: 4.6, barDir: "bar", barGrouping: "clustered", chartColors: ["A6A6A6", BRAND], valAxisMaxVal: 100, valAxisMinVal: 0, // Horizontal bars list categories bottom-up; reversed, the areas read top-down as on the form.
        catAxisOrientation: "maxMin" as "minMax", showLegend: true, legendPos: "b", catAxisLabelFontSize: 10, valAxisLabelFontSize: 10 },
    );
  }
  audit.addText(
    `Life stage: ${qbr.scorecard.current ?? "no scorecard"}${qbr.scorecard.previous && qbr.scorecard.previous !== qbr.scorecard.current ? ` (was ${qbr.scorecard.previous})` : ""}`,
    { x: 7.0, y: 1.5, w: 5.8, h: 0.5, fontFace: FONT, fontSize: 14, bold: true, color: INK },
  );
  if (qbr.scorecard.gaps.length) {
    audit.addTable(
      [header(["Improvement plan: largest gaps", "Score", "Target"]), ...qbr.scorecard.gaps.map((g) => row(g.topic, score(g.score), score(g.target)))],
      { ...tableOptions, x: 7.0, y: 2.1, w: 5.8, colW: [3.8, 1.0, 1.0] },
    );
  }

  // 5. Tier, segment and pipeline.
  const standing = titled(deck, SLIDE_TITLES[4], qbr);
  const p = qbr.pipeline;
  standing.addTable(
    [
      header(["", qbr.quarter]),
      row("Tier", tierText(qbr)),
      row("Segment (potential × performance)", qbr.segment ?? "no metrics"),
      row("Open pipeline", `${amount(p.openAmount)} in ${p.openCount} deals`),
      row("Won this quarter", `${amount(p.wonAmount)} in ${p.won} deals`),
      row("Win rate", `${percent(p.winRate)} (${p.won} won, ${p.lost} lost)`),
      row("Against the network", p.networkQuartile ?? "–"),
    ],
    { ...tableOptions, y: 1.6, w: 8, colW: [3.5, 4.5] },
  );
  if (qbr.tier.next && qbr.tier.missing.length) {
    standing.addText(
      [
        { text: `Missing for ${qbr.tier.next}`, options: { bold: true, breakLine: true } },
        ...qbr.tier.missing.map((c) => ({ text: c.label, options: { bullet: true, breakLine: true } })),
      ],
      { x: 8.8, y: 1.6, w: 4.0, h: 3.0, valign: "top", fontFace: FONT, fontSize: 12, color: INK },
    );
  }

  // 6. The account plan: top accounts, next steps, deals registered and won with the partner's credit.
  accountSlide(deck, qbr);

  // 7. Actions: tasks and the plan's approval.
  const actions = titled(deck, SLIDE_TITLES[6], qbr);
  const t = qbr.tasks.counts;
  actions.addText(`${t.Done} done · ${t["Past due"]} overdue · ${t["Due soon"]} due soon · ${t.Pending} pending (of ${qbr.tasks.total}), as of ${date(qbr.tasks.asOf)}`, {
    x: 0.5, y: 1.5, w: 12, h: 0.5, fontFace: FONT, fontSize: 14, bold: true, color: t["Past due"] ? BAD : INK,
  });
  if (qbr.tasks.overdue.length) {
    actions.addTable([header(["Overdue task", "Due", "Owner"]), ...qbr.tasks.overdue.map((o) => row(o.task, date(o.due), o.owner ?? "–"))], { ...tableOptions, y: 2.1, w: 8, colW: [4.5, 1.5, 2.0] });
  }
  const a = qbr.approval;
  actions.addText(
    a
      ? `${approvalOf(qbr)}: ${a.state ?? "–"}${a.acceptedBy ? `; accepted by ${a.acceptedBy} on ${date(a.acceptedOn)}` : ""}${a.approvedBy ? `; approved by ${a.approvedBy} on ${date(a.approvedOn)}` : ""}${a.withoutAcceptance ? " (approved without the partner's acceptance)" : ""}`
      : qbr.planPeriod ? `No approval recorded for the ${qbr.planPeriod} plan.` : "No plan approval recorded for this quarter.",
    { x: 0.5, y: 6.4, w: 12.3, h: 0.6, fontFace: FONT, fontSize: 12, color: MUTED },
  );

  // 8. Partner P&L.
  const money = titled(deck, SLIDE_TITLES[7], qbr);
  if (qbr.pnl) {
    const s = qbr.pnl.summary;
    money.addTable(
      [
        header(["Partner P&L", ""]),
        row("NPV", amount(s.npv)),
        row("IRR", percent(s.irr)),
        row("Break-even (payback)", years(s.payback)),
        row("First profitable year", s.firstProfitableYear ? `Year ${s.firstProfitableYear}` : "–"),
        row("ROI", percent(s.roi)),
        row("Total profit", amount(s.total)),
      ],
      { ...tableOptions, y: 1.6, w: 4.2, colW: [2.4, 1.8] },
    );
    const labels = qbr.pnl.cumulative.map((_, i) => `Year ${i + 1}`);
    money.addChart(
      deck.ChartType.line,
      [
        { name: "Cumulative profit", labels, values: qbr.pnl.cumulative },
        { name: "Profit", labels, values: qbr.pnl.profit },
      ],
      { x: 5.0, y: 1.6, w: 7.8, h: 4.8, chartColors: [BRAND, "A6A6A6"], lineDataSymbol: "circle", showLegend: true, legendPos: "b", showTitle: true, title: `Cumulative profit; break-even ${years(s.payback)}`, titleFontSize: 12, catAxisLabelFontSize: 10, valAxisLabelFontSize: 10, valAxisLabelFormatCode: "#,##0" },
    );
  } else money.addText("No P&L assumptions for this partner.", { x: 0.5, y: 1.6, w: 12, h: 0.5, fontFace: FONT, fontSize: 14, color: MUTED });

  return deck;
}

function planSlide(deck: PptxGenJS, qbr: Qbr): void {
  const slide = titled(deck, SLIDE_TITLES[2], qbr);
  const plan = qbr.activities;
  const note = { fontFace: FONT, fontSize: 12, color: MUTED };
  // What a part of the slide says when there is nothing to show: as the other slides say it.
  const empty = { fontFace: FONT, fontSize: 14, color: MUTED, valign: "top" as const };
  if (plan.lines.length) {
    const statuses = plan.statuses.map((x) => `${x.count} ${x.status.toLowerCase()}`).join(", ");
    slide.addText(`Plan ${plan.period} · ${plan.lines.length} ${plan.lines.length === 1 ? "activity" : "activities"} (${statuses}) · budget ${amount(plan.budget)} · spend ${amount(plan.spend)}`, { x: 0.5, y: 1.15, w: 7.9, h: 0.4, ...note });
    const shown = plan.lines.slice(0, SLIDE_ACTIVITIES);
    slide.addTable(
      [
        header(["Activity", "Status", "Budget", "Spend", "Fund request"]),
        ...shown.map((l) =>
          row(l.activity, l.status ?? "–", amount(l.budget), l.basis ? `${amount(l.spend)} (${l.basis})` : "–", l.request ? `${l.request.requestId} ${l.request.state ?? ""}: ${amount(l.request.amount)}` : "none"),
        ),
      ],
      { ...tableOptions, y: 1.6, w: 7.9, fontSize: 10, colW: [2.7, 1.0, 1.0, 1.4, 1.8] },
    );
    const more = plan.lines.length - shown.length;
    slide.addText(`${more > 0 ? `And ${more} more ${more === 1 ? "activity" : "activities"} on the QBR sheet. ` : ""}${SPEND_RULE}`, { x: 0.5, y: 6.45, w: 7.9, h: 0.6, fontFace: FONT, fontSize: 10, color: MUTED });
  } else slide.addText("No plan activities cover this quarter.", { x: 0.5, y: 1.6, w: 7.9, h: 0.5, ...empty });

  const right = { ...tableOptions, x: 8.7, w: 4.1, fontSize: 10 };
  const mdf = plan.mdf;
  const funds = plan.period ? `MDF of ${plan.period}` : "MDF";
  if (mdf.balances) {
    const b = mdf.balances;
    slide.addTable(
      [
        header([funds, ""]),
        row("Allocated", amount(b.allocated)),
        row("Approved", amount(b.approved)),
        row("Pending a decision", amount(b.pending)),
        row("Paid (used)", amount(b.paid)),
        row({ text: "Available", options: { bold: true } }, { text: amount(b.available), options: { bold: true } }),
        row("Utilisation (paid ÷ allocated)", percent(b.utilisation)),
      ],
      { ...right, y: 1.6, colW: [2.6, 1.5] },
    );
  } else {
    slide.addText(mdf.error ? `${funds}: the ledger does not add up. ${mdf.error}` : plan.period ? `No funds allocated for ${plan.period}.` : "No funds allocated.", { x: 8.7, y: 1.6, w: 4.1, h: 1.2, ...empty });
  }

  const next = qbr.next;
  const y = 3.9;
  if (next.lines.length) {
    slide.addText(`Targets for ${next.quarter}`, { x: 8.7, y, w: 4.1, h: 0.4, fontFace: FONT, fontSize: 14, bold: true, color: INK });
    slide.addTable(
      [
        header(["KPI", "Target", "Realism"]),
        ...next.lines.slice(0, SLIDE_TARGETS).map((t) =>
          row(t.kpi, amount(t.target), { text: t.label, options: { color: t.level === "Beyond the network" ? BAD : t.level === "Stretch" ? "8A3707" : INK } }),
        ),
      ],
      { ...right, y: y + 0.45, colW: [1.3, 1.0, 1.8] },
    );
  } else slide.addText(`No plan sets targets for ${next.quarter} yet.`, { x: 8.7, y, w: 4.1, h: 0.8, ...empty });
  if (next.lines.length) {
    const peers = next.lines.find((t) => t.peers > 0);
    const more = next.lines.length - SLIDE_TARGETS;
    slide.addText(`${more > 0 ? `And ${more} more on the QBR sheet. ` : ""}Plan ${next.period}; each target's percentile among ${peers ? `what ${peers.who} reached` : "other partners' results"}, as the Plan builder shows it.`, { x: 8.7, y: 6.45, w: 4.1, h: 0.6, fontFace: FONT, fontSize: 10, color: MUTED });
  }
}

function accountSlide(deck: PptxGenJS, qbr: Qbr): void {
  const slide = titled(deck, SLIDE_TITLES[5], qbr);
  const a = qbr.accounts;
  const note = { fontFace: FONT, fontSize: 12, color: MUTED };
  const empty = { fontFace: FONT, fontSize: 14, color: MUTED, valign: "top" as const };
  if (a.top.length) {
    slide.addText(`${a.period ? `Account plan ${a.period}: ${a.planned} ${a.planned === 1 ? "account" : "accounts"}` : "No account plan covers the quarter"} · open pipeline on ${a.withPipeline} ${a.withPipeline === 1 ? "account" : "accounts"}`, { x: 0.5, y: 1.15, w: 8.2, h: 0.4, ...note });
    slide.addTable(
      [
        header(["Top account", "Open pipeline", "Next step", "Owner", "Due"]),
        ...a.top.map((l) => row(l.name, l.openDeals ? `${amount(l.openAmount)} (${l.openDeals})` : "none", l.nextStep ?? (l.objective ? "–" : "not in the plan"), l.owner ?? "–", date(l.due))),
      ],
      { ...tableOptions, y: 1.6, w: 8.2, fontSize: 10, colW: [2.4, 1.3, 2.2, 1.1, 1.2] },
    );
    const more = a.count - a.top.length;
    if (more > 0) slide.addText(`And ${more} more ${more === 1 ? "account" : "accounts"} on the QBR sheet.`, { x: 0.5, y: 6.1, w: 8.2, h: 0.35, fontFace: FONT, fontSize: 10, color: MUTED });
  } else slide.addText(noAccountsText(a), { x: 0.5, y: 1.6, w: 8.2, h: 0.8, ...empty });

  const right = { ...tableOptions, x: 9.0, w: 3.8, fontSize: 10 };
  slide.addTable(
    [
      header([qbr.quarter, "Deals", "Amount"]),
      row("Registered", String(a.registered.count), amount(a.registered.amount)),
      row("Won", String(a.won.count), amount(a.won.amount)),
    ],
    { ...right, y: 1.6, colW: [1.6, 0.8, 1.4] },
  );
  if (a.won.count && a.won.credit && !a.won.error) {
    slide.addText("The partner's credit for the wins", { x: 9.0, y: 2.85, w: 3.8, h: 0.4, fontFace: FONT, fontSize: 14, bold: true, color: INK });
    slide.addTable(
      [header(["Source", "Won", "Share"]), ...a.won.credit.map((l) => row(l.source === "Total" ? { text: "Total", options: { bold: true } } : l.source, amount(l.amount), percent(l.share)))],
      { ...right, y: 3.3, colW: [1.8, 1.1, 0.9] },
    );
  } else slide.addText(a.won.error ? `The won deals do not read: ${a.won.error}` : "No deal won in the quarter: no credit to share.", { x: 9.0, y: 2.85, w: 3.8, h: 0.8, ...empty });
  slide.addText(CREDIT_RULE, { x: 0.5, y: 6.45, w: 12.3, h: 0.6, fontFace: FONT, fontSize: 10, color: MUTED });
}

/**
 * The deck as .pptx bytes, its parts deflated: pptxgenjs stores them uncompressed (its compression
 * option does not apply to `write`), which makes a deck about eight times the size PowerPoint
 * would save (the sample's P0025: 443 KB stored, 57 KB deflated).
 */
export async function deckBytes(qbr: Qbr): Promise<Uint8Array> {
  return deflated((await buildDeck(qbr).write({ outputType: "uint8array" })) as Uint8Array);
}
