/** A new partner as the task pane adds it: its Partners row, and its PartnerScores row when the workbook has that table. */
import type { Change } from "../../workbook/plan";
import type { PartnerData } from "../../workbook/records";
import { scoresRow } from "./changes";

/** The Partners columns the Add partner form fills, by column name. */
export const NEW_PARTNER_FIELDS = [
  { column: "PartnerId", label: "Partner id", required: true },
  { column: "Name", label: "Name", required: true },
  { column: "Region", label: "Region" },
  { column: "Territory", label: "Territory" },
  { column: "ChannelManager", label: "Channel manager" },
  { column: "Type", label: "Type" },
  { column: "Status", label: "Status" },
  { column: "SignedDate", label: "Signed" },
] as const;

export type NewPartnerColumn = (typeof NEW_PARTNER_FIELDS)[number]["column"];
export type NewPartner = Record<NewPartnerColumn, string>;

/** The kinds of partner the sample network has, offered beside those the workbook already uses. */
export const PARTNER_TYPES = ["Reseller", "System integrator", "Managed service provider", "Referral partner", "ISV alliance", "Distributor"];
export const PARTNER_STATUSES = ["Active", "Onboarding", "Prospect"];

/**
 * The batch that adds `partner`: a Partners row that must be new (an id already there is refused,
 * not updated), with the id and the name always (a blank one is refused by the save's validation,
 * naming the column) and the other columns when filled in.
 */
export function newPartnerChanges(data: PartnerData, partner: NewPartner): Change[] {
  const id = partner.PartnerId.trim();
  const set: Record<string, string> = { Name: partner.Name.trim() };
  for (const { column } of NEW_PARTNER_FIELDS) {
    if (column === "PartnerId" || column === "Name") continue;
    const value = partner[column].trim();
    if (value) set[column] = value;
  }
  return [{ table: "Partners", key: { PartnerId: id }, set, add: true }, ...(id ? scoresRow(data, id) : [])];
}
