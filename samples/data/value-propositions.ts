/**
 * Joint value propositions (seed 001) of some sample partners: the customer's problem, the benefit
 * in numbers, what sets the partner apart, and the statement that says it. Most are sound; some
 * lack a number, some a differentiator, and a few run too long to read in about five seconds.
 */
import type { Random } from "../../engine/random";
import { type Partner, pick } from "./partners";
import { happens } from "./shape";

export interface ValuePropositionRow {
  partnerId: string;
  problem: string;
  quantifiedBenefit: string | null;
  differentiator: string | null;
  statement: string;
}

/** What the partner does with us for its customers, by partner type. */
interface Angle {
  audience: string;
  problem: string;
  /** The benefit with its number, as said in the statement. */
  benefit: string;
  /** The same benefit without a number. */
  vague: string;
  differentiator: string;
  /** The differentiator as the statement's closing phrase. */
  edge: string;
}

const ANGLES: Record<string, readonly Angle[]> = {
  Reseller: [
    {
      audience: "mid-size firms",
      problem: "Mid-size firms buy our licences but stall for months before anyone uses them",
      benefit: "go live in 30 days instead of 90",
      vague: "get up and running faster",
      differentiator: "A certified onboarding team and fixed-price starter package",
      edge: "with the territory's only fixed-price starter package",
    },
    {
      audience: "growing retailers",
      problem: "Retailers re-key orders between their shop and their finance system",
      benefit: "cut order processing time by 60%",
      vague: "process orders more efficiently",
      differentiator: "Ready-made connectors for the three leading shop systems",
      edge: "with ready-made connectors for the leading shop systems",
    },
  ],
  "System integrator": [
    {
      audience: "mid-size manufacturers",
      problem: "Manufacturers close their books in ten days or more because finance data sits in spreadsheets",
      benefit: "close the month in 4 days instead of 10",
      vague: "close the month faster",
      differentiator: "Certified manufacturing templates built on 40 projects",
      edge: "on certified manufacturing templates built on 40 projects",
    },
    {
      audience: "multi-entity groups",
      problem: "Groups with many legal entities consolidate by hand every quarter",
      benefit: "consolidate 20 entities in one day",
      vague: "consolidate their entities with less effort",
      differentiator: "The region's largest team of certified consolidation consultants",
      edge: "with the region's largest certified consolidation team",
    },
  ],
  "Managed service provider": [
    {
      audience: "companies of 50 to 500 staff",
      problem: "Small IT teams cannot keep business systems patched, monitored and backed up",
      benefit: "get 99.9% uptime and a 4-hour fix for a fixed monthly fee",
      vague: "keep their systems running smoothly",
      differentiator: "A 24/7 service desk in the local language",
      edge: "backed by a 24/7 service desk in the local language",
    },
  ],
  "Referral partner": [
    {
      audience: "accountancy clients",
      problem: "Clients ask their accountant which business software to choose and get no clear answer",
      benefit: "pick their software in one meeting and save weeks of research",
      vague: "choose the right software",
      differentiator: "Advisers who already know each client's books",
      edge: "from advisers who already know their books",
    },
  ],
  "ISV alliance": [
    {
      audience: "subscription businesses",
      problem: "Subscription businesses reconcile billing and revenue by hand at every month end",
      benefit: "recognise revenue automatically and save 3 days a month",
      vague: "handle revenue recognition more easily",
      differentiator: "The only billing connector certified for both platforms",
      edge: "through the only billing connector certified for both platforms",
    },
  ],
  Distributor: [
    {
      audience: "small resellers",
      problem: "Small resellers cannot afford to stock, quote and support many software vendors",
      benefit: "quote in 24 hours with 60-day credit terms",
      vague: "sell our platform with less effort",
      differentiator: "Pre-sales engineers in every country of the region",
      edge: "with pre-sales engineers in every country of the region",
    },
  ],
};

/** The partner's name as a statement uses it: without its legal form. */
const shortName = (name: string) => name.replace(/\s+(Ltd|GmbH|SAS|BV|AB|S\.L\.|S\.r\.l\.|Inc\.|LLC|S\.A\.|Pty Ltd|KK|Pvt Ltd|Pte Ltd)$/, "");

/** A value proposition for about half the partners that plan with us. */
export function sampleValuePropositions(random: Random, partners: readonly Partner[], planning: ReadonlySet<string>): ValuePropositionRow[] {
  const rows: ValuePropositionRow[] = [];
  for (const partner of partners) {
    if (!planning.has(partner.id) || !happens(random, 0.45)) continue;
    const angle = pick(random, ANGLES[partner.type] ?? ANGLES.Reseller);
    const name = shortName(partner.name);
    const u = random.next();
    const row: ValuePropositionRow = {
      partnerId: partner.id,
      problem: angle.problem,
      quantifiedBenefit: angle.benefit.charAt(0).toUpperCase() + angle.benefit.slice(1),
      differentiator: angle.differentiator,
      statement: `${name} helps ${angle.audience} ${angle.benefit}, ${angle.edge}.`,
    };
    if (u < 0.2) {
      // No number: the benefit is a claim nobody can check.
      row.quantifiedBenefit = null;
      row.statement = `${name} helps ${angle.audience} ${angle.vague}, ${angle.edge}.`;
    } else if (u < 0.38) {
      // No differentiator: any partner could say the same.
      row.differentiator = null;
      row.statement = `${name} helps ${angle.audience} ${angle.benefit}.`;
    } else if (u < 0.48) {
      // Everything in it, at too great a length to take in at a glance.
      row.statement =
        `At ${name} we believe that ${angle.audience} deserve a partner who understands them, and together with our platform ` +
        `and our experienced, dedicated and certified team we help them ${angle.benefit} while staying flexible, secure and ready for growth, ` +
        `${angle.edge}, supported by a comprehensive range of services from consulting to support.`;
    }
    rows.push(row);
  }
  return rows;
}
