/**
 * Which column of an export goes into which column of a partner table: suggested from the
 * headers' names (compared without case, spaces or punctuation, with the names CRM, PRM and ERP
 * exports commonly use), editable by the user, and remembered per source in the ImportMaps table.
 */
import type { Change } from "../workbook/plan";
import { type TableName, type TableSchema, tableSchema } from "../workbook/schema";
import { type WorkbookSnapshot, cell } from "../workbook/snapshot";

/** For each column of the target table, the export's header that fills it (null: not imported). */
export type Mapping = Record<string, string | null>;

/** A header or column name as compared: lower case, letters and digits only ("Opportunity ID" → "opportunityid"). */
export const normaliseHeader = (header: string): string =>
  header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");

/** Other names exports give a column, by column name (any table), most telling first. */
const BY_COLUMN: Record<string, readonly string[]> = {
  PartnerId: ["Partner ID", "Partner", "Partner Account", "Partner Account Name", "Reseller", "Reseller Name", "Partner Name", "Channel Partner", "Distributor", "Partner Company", "Sold-To Name", "Sold To"],
  Name: ["Partner Name", "Account Name", "Company Name", "Company", "Organization", "Organisation", "Name"],
  Region: ["Sales Region", "Geo", "Geography", "Theater", "Theatre"],
  Territory: ["Sales Territory", "Country", "Country/Region"],
  ChannelManager: ["Channel Manager", "Partner Manager", "Partner Account Manager", "Channel Account Manager", "PAM", "CAM", "Account Owner", "Owner"],
  Type: ["Partner Type", "Partner Program", "Program", "Business Model", "Partner Category"],
  Status: ["Partner Status", "Account Status", "Status"],
  SignedDate: ["Signed", "Contract Date", "Agreement Date", "Partner Since", "Join Date", "Joined", "Onboarded"],
  DealId: ["Opportunity ID", "Deal ID", "Opp ID", "Opportunity Number", "Deal Number", "Invoice No", "Invoice Number", "Invoice", "Document Number", "Order Number", "Order ID", "Transaction ID"],
  Stage: ["Opportunity Stage", "Sales Stage", "Deal Stage", "Phase"],
  Amount: ["Opportunity Amount", "Deal Value", "Deal Amount", "Revenue", "Net Amount", "Net Value", "Total Amount", "Sales Amount", "Invoice Amount", "Value", "Total Price"],
  Outcome: ["Won/Lost", "Deal Status", "Opportunity Status", "Result", "Status"],
  Opened: ["Created Date", "Create Date", "Opened Date", "Open Date", "Created"],
  Closed: ["Close Date", "Closed Date", "Invoice Date", "Order Date", "Booking Date", "Posting Date", "Document Date"],
  Period: ["Quarter", "Fiscal Period", "Fiscal Quarter"],
  RequestId: ["Request ID", "Claim ID", "Fund Request ID", "MDF Request ID"],
  ClaimAmount: ["Claim Amount", "Claimed Amount"],
  Opportunities: ["Opportunity Count", "Deal Registrations", "Registered Deals"],
  Date: ["Audit Date", "Score Date"],
};

/** Names that mean something else in a given table (a Funds "Amount" is what was requested). */
const BY_TABLE: Partial<Record<TableName, Record<string, readonly string[]>>> = {
  FundRequests: { Amount: ["Requested Amount", "Request Amount", "Amount"] },
  Funds: { Allocated: ["Allocation", "Allocated Amount", "Budget", "Fund Amount"] },
};

/** The names a column is known by: its own, then the synonyms (normalised, without repeats). */
export function columnNames(table: TableName, column: string): string[] {
  const names = [column, ...(BY_TABLE[table]?.[column] ?? []), ...(BY_COLUMN[column] ?? [])].map(normaliseHeader);
  return [...new Set(names)];
}

/** The order columns pick headers in: the key first (a row needs it), then filled columns, then the rest. */
function pickingOrder(schema: TableSchema): string[] {
  const columns = schema.columns.filter((c) => c.kind !== "result").map((c) => c.name);
  const rank = (name: string) => (schema.key.includes(name) ? 0 : schema.columns.find((c) => c.name === name)?.filled ? 1 : 2);
  return [...columns].sort((a, b) => rank(a) - rank(b));
}

/**
 * The suggested mapping of an export's headers onto `table`: what `remembered` says for headers
 * the export has (a column remembered as not imported stays so), then, for the other columns in
 * key-first order, the header named as the column or as one of its synonyms (the most telling
 * name wins). A header fills at most one column.
 */
export function suggestMapping(headers: readonly string[], table: TableName, remembered?: Mapping): Mapping {
  const schema = tableSchema(table);
  const byName = new Map<string, string>();
  for (const h of headers) {
    const n = normaliseHeader(h);
    if (n && !byName.has(n)) byName.set(n, h);
  }
  const taken = new Set<string>();
  const mapping: Mapping = {};
  const order = pickingOrder(schema);
  for (const column of order) mapping[column] = null;
  const pending: string[] = [];
  for (const column of order) {
    const wanted = remembered && column in remembered ? remembered[column] : undefined;
    if (wanted === null) continue;
    const header = wanted !== undefined ? byName.get(normaliseHeader(wanted)) : undefined;
    if (header !== undefined && !taken.has(header)) {
      mapping[column] = header;
      taken.add(header);
    } else pending.push(column);
  }
  for (const column of pending) {
    for (const name of columnNames(table, column)) {
      const header = byName.get(name);
      if (header !== undefined && !taken.has(header)) {
        mapping[column] = header;
        taken.add(header);
        break;
      }
    }
  }
  return mapping;
}

const sameSource = (a: unknown, b: string) => typeof a === "string" && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The mapping remembered for `source` and `table` in the ImportMaps table, if any (a blank Header: not imported). */
export function rememberedMapping(snapshot: WorkbookSnapshot, source: string, table: TableName): Mapping | undefined {
  const maps = snapshot.tables.get("ImportMaps");
  if (!maps || !source.trim()) return undefined;
  const mapping: Mapping = {};
  let found = false;
  for (let r = 0; r < maps.rows.length; r++) {
    if (!sameSource(cell(maps, r, "Source"), source) || !sameSource(cell(maps, r, "Table"), table)) continue;
    const column = tableSchema(table).columns.find((c) => sameSource(cell(maps, r, "Column"), c.name))?.name;
    if (!column) continue;
    const header = cell(maps, r, "Header");
    mapping[column] = typeof header === "string" && header.trim() ? header.trim() : typeof header === "number" ? String(header) : null;
    found = true;
  }
  return found ? mapping : undefined;
}

/** The ImportMaps rows that remember `mapping` for `source` (only those that change what is remembered). */
export function mappingChanges(snapshot: WorkbookSnapshot, source: string, table: TableName, mapping: Mapping): Change[] {
  const name = source.trim();
  if (!name) return [];
  const before = rememberedMapping(snapshot, name, table) ?? {};
  return Object.entries(mapping)
    .filter(([column, header]) => !(column in before) || (before[column] ?? null) !== (header ?? null))
    .map(([column, header]) => ({ table: "ImportMaps" as const, key: { Source: name, Table: table, Column: column }, set: { Header: header ?? "" } }));
}

/** Words exports use for a choice column's values (lower case), by column: Outcome "Closed Won" is Won. */
const CHOICE_WORDS: Record<string, Record<string, string>> = {
  Outcome: {
    "closed won": "Won", "closed/won": "Won", won: "Won", booked: "Won", invoiced: "Won", shipped: "Won",
    "closed lost": "Lost", "closed/lost": "Lost", lost: "Lost", cancelled: "Lost", canceled: "Lost",
    open: "Open", "in progress": "Open", pipeline: "Open",
  },
};

/** The choice a value names: one of `choices` in any case, or a word exports use for it; undefined if none. */
export function choiceOf(column: string, value: string, choices: readonly string[]): string | undefined {
  const text = value.trim().toLowerCase().replace(/\s+/g, " ");
  return choices.find((c) => c.toLowerCase() === text) ?? CHOICE_WORDS[column]?.[text];
}
