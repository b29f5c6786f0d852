/**
 * Lead follow-up against a service-level agreement: a partner accepts (or rejects) a lead the
 * vendor passed within so many days of its being sent.
 */
import { fail, guard } from "../error";
import { type Clock, MAX_DATE_SERIAL, serialText, systemClock, todaySerial } from "../excel/date";
import { accountMessages, messages, where } from "../messages";

/** A lead's state against its SLA. */
export const LEAD_STATES = ["On time", "Accepted late", "Overdue", "Open"] as const;
export type LeadState = (typeof LEAD_STATES)[number];

export interface Lead {
  /** Day the lead was sent (an Excel date serial); `null`: not sent, no state. */
  readonly sent: number | null;
  /** Day it was accepted; `null`: not yet. */
  readonly accepted: number | null;
  /** Days allowed to accept it; `null` is 0 (the same day). */
  readonly slaDays: number | null;
}

export type LeadCellName = (arg: "sent" | "accepted" | "sla_days", index: number) => string;
const itemName: LeadCellName = (arg, index) => where(arg, { item: index + 1 });

function day(value: number, at: string): number {
  if (!Number.isFinite(value) || value < 1 || value >= MAX_DATE_SERIAL + 1) fail("#VALUE!", messages.notDate(at, value));
  return Math.floor(value);
}

/**
 * `PARTNER.LEADAGE`: each lead's state, counting whole days (a time of day is ignored): accepted
 * at most `slaDays` days after it was sent is On time, later Accepted late; not accepted, it is
 * Overdue once more than `slaDays` days have passed on `asOf` (default today), Open before. A lead
 * without a sent day has no state (`null`). An acceptance before the sending, or a negative SLA,
 * is a #VALUE! naming its cell.
 */
export const leadStates = guard(
  (leads: readonly Lead[], asOf?: number | null, options: { at?: LeadCellName; clock?: Clock } = {}): (LeadState | null)[] => {
    const { at = itemName, clock = systemClock } = options;
    const today = asOf === null || asOf === undefined ? todaySerial(clock) : day(asOf, "as_of");
    return leads.map((lead, i) => {
      const sla = lead.slaDays ?? 0;
      if (!Number.isFinite(sla)) fail("#VALUE!", messages.notNumber(at("sla_days", i), sla));
      if (sla < 0) fail("#VALUE!", messages.negative(at("sla_days", i), sla));
      const accepted = lead.accepted === null ? null : day(lead.accepted, at("accepted", i));
      if (lead.sent === null) return null;
      const sent = day(lead.sent, at("sent", i));
      if (accepted !== null) {
        if (accepted < sent) fail("#VALUE!", accountMessages.acceptedBeforeSent(at("accepted", i), serialText(accepted), serialText(sent)));
        return accepted - sent <= sla ? "On time" : "Accepted late";
      }
      return today - sent > sla ? "Overdue" : "Open";
    });
  },
);
