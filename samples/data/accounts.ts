/**
 * End-customer accounts of the sample's software vendor, and what the channel does on them: the
 * deals tied to accounts (registered, protected for a while, sourced by the partner, influenced by
 * it or the vendor's own, qualified or not) with a handful of channel conflicts — two partners'
 * protection windows overlapping on one account —, the leads the vendor passed to partners in every
 * state of their follow-up, and account plans of some partners' sales teams.
 */
import type { Random } from "../../engine/random";
import type { DealRow, DealSource } from "./deals";
import { AS_OF, type Partner, TERRITORIES, pick, weighted } from "./partners";
import { PLAN_PERIOD } from "./plan";
import { DAY_MS, addDays, chance, happens, strength } from "./shape";

export type AccountStatus = "Customer" | "Prospect" | "Open opportunity";
export type LeadOutcome = "Open" | "Accepted" | "Rejected" | "Converted" | "Lost";

export interface AccountRow {
  accountId: string;
  name: string;
  /** As the vendor's list has it: mostly plain, some with `www.`, a subdomain, capitals or a path. */
  domain: string;
  /** The domain as a plain registrable name (`hartwell.co.uk`), unique in the list. */
  plainDomain: string;
  industry: string;
  region: string;
  territory: string;
  owner: string;
  status: AccountStatus;
}

export interface LeadRow {
  leadId: string;
  accountId: string;
  partnerId: string;
  sent: Date;
  accepted: Date | null;
  followUpBy: Date;
  outcome: LeadOutcome;
}

export interface AccountPlanRow {
  partnerId: string;
  accountId: string;
  period: string;
  objective: string;
  nextStep: string;
  due: Date;
  owner: string;
}

/** Days a partner has to accept a lead (the sample's FollowUpBy is Sent plus these). */
export const LEAD_SLA_DAYS = 5;
/** How long a registration protects a deal, most often. */
export const PROTECTION_DAYS = 90;

/** The vendor's account executives, by region. */
export const ACCOUNT_OWNERS: Record<string, string[]> = {
  EMEA: ["Oliver Grant", "Hannah Schulz", "Lucas Moreau", "Elena Rossi"],
  Americas: ["Ethan Cole", "Maya Patel", "Diego Ramos"],
  APAC: ["Hiro Tanaka", "Chloe Tan"],
};

const REGION_SHARE: [string, number][] = [
  ["EMEA", 0.45],
  ["Americas", 0.35],
  ["APAC", 0.2],
];

/** Each industry with the words its companies' names end in. */
const INDUSTRIES: [string, string[]][] = [
  ["Manufacturing", ["Manufacturing", "Industries", "Engineering", "Precision", "Components"]],
  ["Financial services", ["Bank", "Capital", "Insurance", "Financial", "Wealth"]],
  ["Healthcare", ["Health", "Medical", "Clinics", "Pharma", "Care"]],
  ["Retail", ["Retail", "Stores", "Outfitters", "Markets", "Home"]],
  ["Logistics", ["Logistics", "Freight", "Shipping", "Transport"]],
  ["Professional services", ["Advisory", "Legal", "Accountants", "Partners"]],
  ["Energy & utilities", ["Energy", "Power", "Utilities", "Renewables"]],
  ["Telecommunications", ["Telecom", "Communications", "Mobile", "Fibre"]],
  ["Media", ["Media", "Publishing", "Studios"]],
  ["Education", ["University", "College", "Academy"]],
];

const STEMS = [
  "Hartwell", "Brenner", "Alder", "Castell", "Dunmore", "Elmstead", "Fairbanks", "Galloway", "Hollis", "Kestrel",
  "Larchmont", "Marlow", "Norcross", "Ostrander", "Pembroke", "Rothbury", "Stanwick", "Thornbury", "Varden",
  "Whitcombe", "Yardley", "Ashgrove", "Blackmoor", "Copperfield", "Deerfield", "Eastgate", "Fenwick", "Glenmore",
  "Halvorsen", "Ingram", "Kingsley", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Ravel", "Sandoval",
  "Takeda", "Valmont", "Wexford", "Brightwater", "Coldharbour", "Fernhill", "Goldcrest", "Hawthorne", "Ivybridge",
  "Kingfisher", "Longbow", "Millbrook", "Newhaven", "Oakhurst", "Pelham", "Redwood", "Stonebridge", "Tamarind",
  "Westmere", "Amberley", "Bellamy", "Calloway",
];
const QUALIFIERS = ["North", "Central", "United", "First", "Atlantic", "Pacific", "Royal", "Metro", "National", "Global"];

/** Legal forms and country domains by territory (names without a legal form for education). */
const TERRITORY_DOMAIN: Record<string, string> = {
  "UK & Ireland": "co.uk",
  DACH: "de",
  France: "fr",
  Benelux: "nl",
  Nordics: "se",
  Iberia: "es",
  Italy: "it",
  "US East": "com",
  "US West": "com",
  Canada: "ca",
  "Latin America": "com.br",
  "Australia & NZ": "com.au",
  Japan: "co.jp",
  India: "in",
  "Southeast Asia": "sg",
};

/** Items grouped by a key, in their order. */
function groupOf<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

const slug = (words: string) => words.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "");

/**
 * The vendor's accounts: about five for every four partners (at least 150), in the partners' regions and
 * territories, each with a unique plain domain written as people do (some with `www.`, a
 * subdomain, capitals or a trailing path). Statuses are set by `accountStatuses` once deals are known.
 */
export function sampleAccounts(random: Random, partners: readonly Partner[]): AccountRow[] {
  const count = Math.max(150, Math.round(partners.length * 1.25));
  const names = new Set<string>();
  const domains = new Set<string>();
  const rows: AccountRow[] = [];
  for (let i = 1; i <= count; i++) {
    const region = weighted(random, REGION_SHARE);
    const { territory, suffix } = pick(random, TERRITORIES[region]);
    const [industry, words] = pick(random, INDUSTRIES);
    let stem = "";
    let word = "";
    let name = "";
    for (let attempt = 0; !name || names.has(name); attempt++) {
      stem = pick(random, STEMS);
      word = pick(random, words);
      // Large lists exhaust the two-word names: then a qualifier first.
      if (attempt >= 8) stem = `${pick(random, QUALIFIERS)} ${stem}`;
      name = industry === "Education" ? `${stem} ${word}` : `${stem} ${word} ${suffix}`;
    }
    names.add(name);
    const tld = industry !== "Education" && happens(random, 0.3) ? "com" : TERRITORY_DOMAIN[territory];
    const candidates = [`${slug(stem)}.${tld}`, `${slug(stem + word)}.${tld}`, `${slug(stem)}-${slug(word)}.${tld}`, `${slug(stem + word)}${i}.${tld}`];
    const plainDomain = candidates.find((d) => !domains.has(d))!;
    domains.add(plainDomain);
    rows.push({
      accountId: `A${String(i).padStart(5, "0")}`,
      name,
      domain: written(random, plainDomain, stem),
      plainDomain,
      industry,
      region,
      territory,
      owner: pick(random, ACCOUNT_OWNERS[region]),
      status: "Prospect",
    });
  }
  return rows;
}

/** A domain as someone typed it into the list: mostly plain, sometimes not. */
function written(random: Random, domain: string, stem: string): string {
  const u = random.next();
  if (u < 0.72) return domain;
  if (u < 0.82) return `www.${domain}`;
  if (u < 0.88) return `${pick(random, ["shop", "portal", "my", "eu", "corp"])}.${domain}`;
  if (u < 0.94) {
    // Capitals where the name has them.
    const first = domain.indexOf(slug(stem));
    return first === 0 ? stem.replace(/[^A-Za-z0-9]/g, "") + domain.slice(slug(stem).length) : domain.toUpperCase();
  }
  return `https://www.${domain}/${pick(random, ["", "en/", "about", "contact-us"])}`;
}

interface Window {
  partnerId: string;
  from: number;
  to: number;
}

const overlaps = (a: Pick<Window, "from" | "to">, b: Pick<Window, "from" | "to">) => a.from <= b.to && b.from <= a.to;

/**
 * Ties the sample's deals to accounts of their partner's territory (most, not all), registers the
 * partner-sourced ones and some influenced ones with a protection window (90 days mostly), says
 * who sourced each and whether it is qualified. Partners keep to accounts where no other partner's
 * protection is running, but for `conflicts` deals registered on an account another partner has
 * under protection: the channel conflicts to resolve. Sets each account's status from its deals.
 */
export function sampleDealAccounts(random: Random, partners: readonly Partner[], deals: readonly DealRow[], accounts: AccountRow[]): void {
  const partnerById = new Map(partners.map((p) => [p.id, p]));
  // Partners sell to some accounts; the others are the vendor's own customers or nobody's yet.
  const served = accounts.filter(() => happens(random, 0.6));
  // Of those, some have bought through partners; on the others partners have not won yet.
  const bought = new Set(served.filter(() => happens(random, 0.55)).map((a) => a.accountId));
  const inTerritory = groupOf(served, (a) => a.territory);
  const inRegion = groupOf(served, (a) => a.region);
  const windows = new Map<string, Window[]>();
  const own = new Map<string, AccountRow[]>();
  const wins = new Set<string>();
  const free = (account: AccountRow, window: Window | undefined) =>
    !window || !(windows.get(account.accountId) ?? []).some((w) => w.partnerId !== window.partnerId && overlaps(w, window));

  const tries: AccountRow[] = [];
  for (const deal of deals) {
    const partner = partnerById.get(deal.partnerId)!;
    const source = weighted<DealSource>(random, [
      ["Partner-sourced", 0.55],
      ["Partner-influenced", 0.3],
      ["Vendor", 0.15],
    ]);
    const lead = deal.stage === "Lead";
    const qualified = !lead ? true : deal.outcome === "Open" && happens(random, 0.5) ? null : false;
    const registers = source === "Partner-sourced" ? happens(random, 0.9) : source === "Partner-influenced" && happens(random, 0.3);
    let registered: Date | null = null;
    let protectedUntil: Date | null = null;
    if (registers) {
      registered = new Date(Math.min(addDays(deal.opened, random.int(8)).getTime(), AS_OF.getTime()));
      const u = random.next();
      protectedUntil = addDays(registered, u < 0.8 ? PROTECTION_DAYS : u < 0.9 ? 60 : 120);
    }
    const window = registered && protectedUntil ? { partnerId: partner.id, from: registered.getTime(), to: protectedUntil.getTime() } : undefined;
    let account: AccountRow | undefined;
    if (happens(random, 0.88)) {
      const mine = own.get(partner.id) ?? [];
      const nearby = inTerritory.get(partner.territory) ?? [];
      const region = inRegion.get(partner.region) ?? [];
      // Repeat business: a win goes mostly to an account the partner has won before, an open deal
      // to one where it is still working on the first win; then other accounts nearby, then in the region.
      const reuse =
        deal.outcome === "Won"
          ? happens(random, 0.85)
            ? mine.filter((a) => wins.has(a.accountId))
            : []
          : deal.outcome === "Open"
            ? mine.filter((a) => !wins.has(a.accountId))
            : mine;
      tries.length = 0;
      if (reuse.length && happens(random, 0.6)) tries.push(pick(random, reuse));
      for (let k = 0; k < 6 && nearby.length; k++) tries.push(pick(random, nearby));
      for (let k = 0; k < 4 && region.length; k++) tries.push(pick(random, region));
      // A new open deal goes to an account nobody has won yet, where there is one among those tried.
      account =
        deal.outcome === "Won"
          ? tries.find((a) => bought.has(a.accountId) && free(a, window))
          : (deal.outcome === "Open" && tries.find((a) => !wins.has(a.accountId) && free(a, window))) || tries.find((a) => free(a, window));
    }
    if (account) {
      const held = window && windows.get(account.accountId);
      if (held) held.push(window!);
      else if (window) windows.set(account.accountId, [window]);
      if (deal.outcome === "Won") wins.add(account.accountId);
      const mine = own.get(partner.id);
      if (!mine) own.set(partner.id, [account]);
      else if (!mine.includes(account)) mine.push(account);
    }
    deal.accountId = account?.accountId ?? null;
    deal.registered = registered;
    deal.protectedUntil = protectedUntil;
    deal.source = source;
    deal.qualified = qualified;
  }

  // A handful of conflicts: a registration, while its protection runs, on an account another
  // partner of the same territory has already registered a deal on — recent ones first.
  const wanted = Math.max(4, Math.round(partners.length / 40));
  const byAccount = new Map(accounts.map((a) => [a.accountId, a]));
  const registeredDeals = deals.flatMap((d, i) => (d.registered && d.accountId ? [{ d, i }] : []));
  const recent = registeredDeals.filter(({ d }) => d.protectedUntil!.getTime() >= AS_OF.getTime() - 60 * DAY_MS);
  const recentIn = groupOf(recent, ({ i }) => partnerById.get(deals[i].partnerId)!.territory);
  const moved = new Set<number>();
  for (let attempt = 0, made = 0; made < wanted && attempt < 20 * wanted && recent.length; attempt++) {
    const first = pick(random, recent);
    if (moved.has(first.i)) continue;
    const target = byAccount.get(first.d.accountId!)!;
    const firstDeal = deals[first.i];
    const second = (recentIn.get(target.territory) ?? []).find(
      ({ d, i }) =>
        i !== first.i &&
        !moved.has(i) &&
        deals[i].partnerId !== firstDeal.partnerId &&
        d.accountId !== target.accountId &&
        d.registered!.getTime() > first.d.registered!.getTime() &&
        d.registered!.getTime() <= first.d.protectedUntil!.getTime(),
    );
    if (!second) continue;
    second.d.accountId = target.accountId;
    moved.add(first.i).add(second.i);
    made++;
  }

  accountStatuses(random, accounts, deals);
}

/**
 * Customer when the account has a won deal, Open opportunity when it has an open one, otherwise a
 * Prospect — but for a few bought straight from the vendor (customers without a partner deal).
 */
function accountStatuses(random: Random, accounts: AccountRow[], deals: readonly DealRow[]): void {
  const outcomes = new Map<string, Set<string>>();
  for (const d of deals) {
    if (!d.accountId) continue;
    const set = outcomes.get(d.accountId) ?? new Set<string>();
    set.add(d.outcome);
    outcomes.set(d.accountId, set);
  }
  for (const a of accounts) {
    const seen = outcomes.get(a.accountId);
    a.status = seen?.has("Won") ? "Customer" : seen?.has("Open") ? "Open opportunity" : happens(random, 0.15) ? "Customer" : "Prospect";
  }
}

/**
 * Leads the vendor passed to active partners over the last four months, on accounts of their
 * territory (mostly not yet customers), each due for acceptance LEAD_SLA_DAYS after it was sent:
 * accepted on time, accepted late, rejected, never answered (overdue) or still within their time
 * (open). Accepted leads are still worked, lost, or converted into a deal the partner opened on the
 * account since.
 */
export function sampleLeads(random: Random, partners: readonly Partner[], accounts: readonly AccountRow[], deals: readonly DealRow[]): LeadRow[] {
  const inTerritory = groupOf(accounts, (a) => a.territory);
  const notCustomers = new Map([...inTerritory].map(([t, list]) => [t, list.filter((a) => a.status !== "Customer")]));
  const dealsOf = groupOf(
    deals.flatMap((d) => (d.accountId ? [{ partnerId: d.partnerId, opened: d.opened.getTime(), accountId: d.accountId }] : [])),
    (d) => d.partnerId,
  );
  const rows: LeadRow[] = [];
  const asOf = AS_OF.getTime();
  for (const partner of partners) {
    if (partner.status !== "Active") continue;
    const nearby = inTerritory.get(partner.territory) ?? [];
    if (!nearby.length) continue;
    const s = strength(partner);
    const count = random.int(4) + (s > 0 ? 1 : 0);
    for (let l = 0; l < count; l++) {
      const pool = notCustomers.get(partner.territory)!;
      const account = pool.length && happens(random, 0.85) ? pick(random, pool) : pick(random, nearby);
      const sent = addDays(AS_OF, -random.int(120));
      const followUpBy = addDays(sent, LEAD_SLA_DAYS);
      let accepted: Date | null = null;
      let outcome: LeadOutcome = "Open";
      let accountId = account.accountId;
      const within = followUpBy.getTime() >= asOf;
      const u = random.next();
      // Stronger partners answer sooner.
      const onTime = chance(0.5 + 0.8 * s) * 0.8;
      if (within) {
        if (u < 0.4) accepted = addDays(sent, Math.min(random.int(LEAD_SLA_DAYS + 1), Math.round((asOf - sent.getTime()) / DAY_MS)));
      } else if (u < onTime) accepted = addDays(sent, random.int(LEAD_SLA_DAYS + 1));
      else if (u < onTime + 0.15) accepted = new Date(Math.min(addDays(followUpBy, 1 + random.int(20)).getTime(), asOf));
      else if (u < onTime + 0.25) outcome = "Rejected";
      if (accepted) {
        outcome = "Accepted";
        const worked = (asOf - accepted.getTime()) / DAY_MS;
        const v = random.next();
        if (worked > 30 && v < 0.3) {
          // Converted: a deal the partner opened on an account since the lead came in.
          const deal = (dealsOf.get(partner.id) ?? []).find((d) => d.opened >= accepted!.getTime());
          if (deal) {
            outcome = "Converted";
            accountId = deal.accountId;
          }
        } else if (worked > 30 && v < 0.5) outcome = "Lost";
      }
      rows.push({ leadId: "", accountId, partnerId: partner.id, sent, accepted, followUpBy, outcome });
    }
  }
  // Numbered in the order they were sent, as a lead system would.
  rows.sort((a, b) => a.sent.getTime() - b.sent.getTime() || (a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : 0));
  rows.forEach((r, i) => (r.leadId = `L${String(i + 1).padStart(5, "0")}`));
  return rows;
}

const OBJECTIVES: Record<AccountStatus, string[]> = {
  Customer: ["Expand to a second business unit", "Renew and add the analytics module", "Move the customer to the cloud edition", "Roll out to the regional offices"],
  "Open opportunity": ["Close the open opportunity this year", "Win the competitive evaluation", "Get the proposal approved by the CFO", "Shorten the decision with a pilot"],
  Prospect: ["Open a first opportunity", "Book a discovery meeting with IT leadership", "Run a proof of concept", "Get on the shortlist of the ERP tender"],
};
const NEXT_STEPS = [
  "Joint discovery call with the CIO",
  "Send the reference case study",
  "Executive sponsor meeting",
  "Proof of concept kick-off",
  "Pricing workshop with procurement",
  "Account mapping session with the partner's sales team",
  "Demo for the finance team",
  "Security questionnaire back to the customer",
];

/**
 * Account plans of about two in five partners with a business plan: two to four target accounts
 * each — accounts they already have deals on first, then prospects of their territory — with an
 * objective suited to the account's status, a next step, its due date and an owner.
 */
export function sampleAccountPlans(
  random: Random,
  partners: readonly Partner[],
  planning: ReadonlySet<string>,
  accounts: readonly AccountRow[],
  deals: readonly DealRow[],
): AccountPlanRow[] {
  const byId = new Map(accounts.map((a) => [a.accountId, a]));
  const inTerritory = groupOf(accounts, (a) => a.territory);
  const ownOf = new Map<string, Set<string>>();
  for (const d of deals) if (d.accountId) ownOf.set(d.partnerId, (ownOf.get(d.partnerId) ?? new Set()).add(d.accountId));
  const rows: AccountPlanRow[] = [];
  for (const partner of partners) {
    if (partner.status !== "Active" || !planning.has(partner.id) || !happens(random, 0.4)) continue;
    const chosen: AccountRow[] = [];
    const own = [...(ownOf.get(partner.id) ?? [])].map((id) => byId.get(id)!);
    const prospects = (inTerritory.get(partner.territory) ?? []).filter((a) => a.status === "Prospect");
    const count = 2 + random.int(3);
    for (let t = 0; t < 12 && chosen.length < count; t++) {
      const from = own.length && (t < 2 || !prospects.length) ? own : prospects;
      if (!from.length) break;
      const account = pick(random, from);
      if (!chosen.includes(account)) chosen.push(account);
    }
    for (const account of chosen) {
      const u = random.next();
      rows.push({
        partnerId: partner.id,
        accountId: account.accountId,
        period: PLAN_PERIOD,
        objective: pick(random, OBJECTIVES[account.status]),
        nextStep: pick(random, NEXT_STEPS),
        due: addDays(AS_OF, -20 + random.int(96)),
        owner: u < 0.5 ? partner.channelManager : u < 0.8 ? account.owner : "Partner",
      });
    }
  }
  return rows;
}
