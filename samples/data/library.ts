/**
 * The sample vendor's plan library: the goals, activities and tactics it recommends to its channel
 * partners (a B2B software vendor selling a cloud platform through resellers, integrators, managed
 * service providers, referral partners, ISV alliances and distributors). Each activity says which
 * KPI it moves, what one run of it typically costs and gives, which life stages and tiers it suits
 * (none listed: any) and whether marketing development funds (MDF) can pay for it.
 */
import type { Stage } from "../../engine/scorecard";
import type { Tier } from "../../engine/tier";

export type GoalCategory = "Sales" | "Marketing" | "Technical" | "Enablement";

export interface LibraryGoal {
  id: string;
  goal: string;
  category: GoalCategory;
  /** Partner types the sample plans this goal for (none listed: every type); not a column of the table. */
  types?: readonly string[];
  activities: readonly LibraryActivity[];
}

export interface LibraryActivity {
  id: string;
  activity: string;
  tactic: string;
  kpi: string;
  unit: string;
  stages: readonly (Stage | "Established")[];
  tiers: readonly Tier[];
  mdf: boolean;
  /** What one run typically costs (0: no outside cost). */
  cost: number;
  /** What one run typically gives, in the KPI's unit (`null`: nothing to count on its own). */
  result: number | null;
}

const LATE = ["Enablement", "Established"] as const;
const GROWING = ["Activation", "Enablement", "Established"] as const;
const EARLY = ["Onboarding", "Activation"] as const;
const TOP = ["MVP", "MGP"] as const;
const ACTIVE_TIERS = ["MVP", "MGP", "STP"] as const;
const DEVELOPING = ["MGP", "STP", "BZ"] as const;

const DELIVERY = ["Reseller", "System integrator", "Managed service provider", "ISV alliance"];

export const LIBRARY: readonly LibraryGoal[] = [
  {
    id: "G01",
    goal: "Win new logos in the partner's territory",
    category: "Sales",
    activities: [
      { id: "A01", activity: "Joint account mapping", tactic: "Match the partner's contacts with our target accounts and agree 20 named accounts", kpi: "Pipeline", unit: "amount", stages: GROWING, tiers: ACTIVE_TIERS, mdf: false, cost: 0, result: 150_000 },
      { id: "A02", activity: "Named-account outbound campaign", tactic: "Six-week call and email sequence to the named accounts with our content", kpi: "Pipeline", unit: "amount", stages: GROWING, tiers: TOP, mdf: true, cost: 12_000, result: 250_000 },
      { id: "A03", activity: "Deal registration drive", tactic: "A quarter's extra discount on registered new-logo deals", kpi: "Deals registered", unit: "deals", stages: ["Activation", "Enablement"], tiers: ["MGP", "STP"], mdf: false, cost: 3_000, result: 8 },
      { id: "A04", activity: "Executive briefing day", tactic: "Half-day event for 15 C-level prospects at the partner's office", kpi: "Pipeline", unit: "amount", stages: LATE, tiers: ["MVP"], mdf: true, cost: 18_000, result: 400_000 },
    ],
  },
  {
    id: "G02",
    goal: "Expand in the installed base",
    category: "Sales",
    types: DELIVERY,
    activities: [
      { id: "A05", activity: "Installed-base upgrade campaign", tactic: "Offer the current release to customers on older versions, by email and phone", kpi: "Revenue", unit: "amount", stages: ["Established"], tiers: TOP, mdf: true, cost: 8_000, result: 120_000 },
      { id: "A06", activity: "Customer health checks", tactic: "Free two-hour review of each customer's use, ending in an expansion proposal", kpi: "Pipeline", unit: "amount", stages: LATE, tiers: ACTIVE_TIERS, mdf: false, cost: 2_000, result: 90_000 },
      { id: "A07", activity: "Add-on bundle promotion", tactic: "Time-limited bundle price on the analytics and integration add-ons", kpi: "Revenue", unit: "amount", stages: ["Established"], tiers: TOP, mdf: true, cost: 5_000, result: 80_000 },
    ],
  },
  {
    id: "G03",
    goal: "Shorten the sales cycle",
    category: "Sales",
    types: DELIVERY,
    activities: [
      { id: "A08", activity: "Proof-of-concept kit", tactic: "Pre-built demo tenant and a two-week trial script for qualified opportunities", kpi: "Deals won", unit: "deals", stages: GROWING, tiers: ACTIVE_TIERS, mdf: false, cost: 4_000, result: 3 },
      { id: "A09", activity: "Joint deal reviews", tactic: "Monthly review of the partner's ten largest opportunities with our sales engineer", kpi: "Pipeline", unit: "amount", stages: LATE, tiers: TOP, mdf: false, cost: 0, result: 200_000 },
      { id: "A10", activity: "Business-case workshop", tactic: "Half-day workshop building the customer's ROI case with our value calculator", kpi: "Deals won", unit: "deals", stages: LATE, tiers: TOP, mdf: false, cost: 1_500, result: 2 },
    ],
  },
  {
    id: "G04",
    goal: "Keep customers and grow renewals",
    category: "Sales",
    types: DELIVERY,
    activities: [
      { id: "A11", activity: "Renewal desk", tactic: "Call every customer 120 days before renewal, with a usage report", kpi: "Renewals", unit: "amount", stages: ["Established"], tiers: ACTIVE_TIERS, mdf: false, cost: 0, result: 150_000 },
      { id: "A12", activity: "Customer success check-ins", tactic: "Quarterly adoption call with each of the 20 largest customers", kpi: "Renewals", unit: "amount", stages: LATE, tiers: TOP, mdf: false, cost: 1_000, result: 100_000 },
      { id: "A13", activity: "Multi-year renewal offer", tactic: "Discount on three-year renewals, shared with the partner", kpi: "Renewals", unit: "amount", stages: ["Established"], tiers: ["MVP"], mdf: true, cost: 6_000, result: 180_000 },
    ],
  },
  {
    id: "G05",
    goal: "Generate pipeline through demand generation",
    category: "Marketing",
    activities: [
      { id: "A14", activity: "Joint webinar", tactic: "One-hour webinar with a customer speaker, promoted to both databases", kpi: "Leads", unit: "leads", stages: GROWING, tiers: ACTIVE_TIERS, mdf: true, cost: 4_000, result: 60 },
      { id: "A15", activity: "Paid social campaign", tactic: "Four-week LinkedIn campaign to finance and IT leaders in the territory", kpi: "Leads", unit: "leads", stages: GROWING, tiers: ACTIVE_TIERS, mdf: true, cost: 10_000, result: 90 },
      { id: "A16", activity: "Content syndication", tactic: "Our industry report syndicated by a B2B publisher, leads passed to the partner", kpi: "Leads", unit: "leads", stages: LATE, tiers: ACTIVE_TIERS, mdf: true, cost: 7_500, result: 120 },
      { id: "A17", activity: "Email nurture programme", tactic: "Six emails to the partner's list with our content, ending in a demo offer", kpi: "Leads", unit: "leads", stages: GROWING, tiers: ACTIVE_TIERS, mdf: true, cost: 2_500, result: 45 },
      { id: "A18", activity: "Trade show booth", tactic: "Shared booth with demo stations at the region's largest industry show", kpi: "Leads", unit: "leads", stages: LATE, tiers: ["MVP"], mdf: true, cost: 25_000, result: 150 },
      { id: "A19", activity: "Lunch-and-learn roadshow", tactic: "Lunches in three cities for 20 prospects each, with a customer story", kpi: "Pipeline", unit: "amount", stages: GROWING, tiers: ACTIVE_TIERS, mdf: true, cost: 9_000, result: 300_000 },
    ],
  },
  {
    id: "G06",
    goal: "Raise the partner's profile in our solution area",
    category: "Marketing",
    activities: [
      { id: "A20", activity: "Co-branded case study", tactic: "A customer story written with our team and published by both", kpi: "Published references", unit: "references", stages: LATE, tiers: ACTIVE_TIERS, mdf: true, cost: 3_500, result: 1 },
      { id: "A21", activity: "Marketplace listing", tactic: "The partner's services on our marketplace with two packaged offers", kpi: "Leads", unit: "leads", stages: EARLY, tiers: DEVELOPING, mdf: false, cost: 0, result: 15 },
      { id: "A22", activity: "Partnership press release", tactic: "Joint announcement with quotes from both executives", kpi: "Media mentions", unit: "mentions", stages: EARLY, tiers: ["MGP", "STP"], mdf: true, cost: 3_000, result: 5 },
      { id: "A23", activity: "Partner locator profile", tactic: "Complete profile with certifications and references in our partner locator", kpi: "Leads", unit: "leads", stages: ["Onboarding"], tiers: [], mdf: false, cost: 0, result: 10 },
    ],
  },
  {
    id: "G07",
    goal: "Grow in a target industry",
    category: "Marketing",
    types: ["Reseller", "System integrator", "Managed service provider", "ISV alliance", "Referral partner"],
    activities: [
      { id: "A24", activity: "Industry event sponsorship", tactic: "Speaking slot and a table at a sector conference", kpi: "Pipeline", unit: "amount", stages: LATE, tiers: TOP, mdf: true, cost: 15_000, result: 350_000 },
      { id: "A25", activity: "Vertical solution brief", tactic: "Two-page co-branded brief on the partner's industry solution", kpi: "Leads", unit: "leads", stages: GROWING, tiers: ACTIVE_TIERS, mdf: true, cost: 2_000, result: 20 },
      { id: "A26", activity: "Customer advisory round table", tactic: "Evening round table for eight customers and prospects of the industry", kpi: "Pipeline", unit: "amount", stages: ["Established"], tiers: ["MVP"], mdf: true, cost: 6_000, result: 200_000 },
    ],
  },
  {
    id: "G08",
    goal: "Certify delivery capacity",
    category: "Technical",
    types: DELIVERY,
    activities: [
      { id: "A27", activity: "Technical certification bootcamp", tactic: "Five-day bootcamp ending in the implementation exam", kpi: "Certified staff", unit: "people", stages: ["Onboarding", "Activation", "Enablement"], tiers: [], mdf: false, cost: 4_500, result: 3 },
      { id: "A28", activity: "Certification vouchers", tactic: "Exam vouchers for engineers who pass the online course", kpi: "Certified staff", unit: "people", stages: GROWING, tiers: ACTIVE_TIERS, mdf: false, cost: 1_200, result: 4 },
      { id: "A29", activity: "Shadowing on a vendor-led project", tactic: "Two engineers join one of our professional services projects", kpi: "Certified staff", unit: "people", stages: EARLY, tiers: ["MGP", "STP"], mdf: false, cost: 0, result: 2 },
    ],
  },
  {
    id: "G09",
    goal: "Build a repeatable solution on the platform",
    category: "Technical",
    types: ["System integrator", "ISV alliance", "Managed service provider"],
    activities: [
      { id: "A30", activity: "Packaged solution build", tactic: "The partner's templates and integrations on the platform, reviewed by our architects", kpi: "New customers", unit: "customers", stages: LATE, tiers: TOP, mdf: true, cost: 20_000, result: 4 },
      { id: "A31", activity: "Demo environment", tactic: "A standing demo tenant loaded with the partner's industry data", kpi: "Deals won", unit: "deals", stages: ["Activation", "Enablement"], tiers: ACTIVE_TIERS, mdf: false, cost: 2_500, result: 2 },
      { id: "A32", activity: "Reference architecture", tactic: "Published architecture for connecting the platform to a common ERP", kpi: "Pipeline", unit: "amount", stages: ["Established"], tiers: ["MVP"], mdf: false, cost: 5_000, result: 150_000 },
    ],
  },
  {
    id: "G10",
    goal: "Deliver successful implementations",
    category: "Technical",
    types: DELIVERY,
    activities: [
      { id: "A33", activity: "Implementation method training", tactic: "Two-day course on our delivery method and quality gates", kpi: "Certified staff", unit: "people", stages: EARLY, tiers: [], mdf: false, cost: 1_500, result: 4 },
      { id: "A34", activity: "First-project quality review", tactic: "Our architect reviews the partner's first three go-lives", kpi: "Go-lives", unit: "projects", stages: ["Activation", "Enablement"], tiers: DEVELOPING, mdf: false, cost: 0, result: 3 },
      { id: "A35", activity: "Customer satisfaction survey", tactic: "Survey every customer 60 days after go-live and act on the answers", kpi: "Survey responses", unit: "responses", stages: LATE, tiers: ACTIVE_TIERS, mdf: false, cost: 500, result: 25 },
    ],
  },
  {
    id: "G11",
    goal: "Launch a managed service on the platform",
    category: "Technical",
    types: ["Managed service provider"],
    activities: [
      { id: "A36", activity: "Managed service launch", tactic: "A monthly service on the platform with a launch campaign to existing clients", kpi: "New customers", unit: "customers", stages: ["Activation", "Enablement"], tiers: TOP, mdf: true, cost: 10_000, result: 6 },
      { id: "A37", activity: "Monitoring and support runbook", tactic: "Runbooks and alerting for the service, checked by our support team", kpi: "Go-lives", unit: "projects", stages: ["Activation", "Enablement"], tiers: ACTIVE_TIERS, mdf: false, cost: 0, result: 2 },
    ],
  },
  {
    id: "G12",
    goal: "Onboard the partner's sales team",
    category: "Enablement",
    activities: [
      { id: "A38", activity: "Sales onboarding course", tactic: "Online course and live pitch practice for every seller", kpi: "Certified staff", unit: "people", stages: EARLY, tiers: [], mdf: false, cost: 0, result: 5 },
      { id: "A39", activity: "Pitch certification", tactic: "Sellers record a ten-minute pitch that our partner manager reviews", kpi: "Certified staff", unit: "people", stages: ["Onboarding", "Activation", "Enablement"], tiers: DEVELOPING, mdf: false, cost: 0, result: 4 },
      { id: "A40", activity: "Sales playbook workshop", tactic: "Half-day workshop fitting our playbook to the partner's segments", kpi: "Pipeline", unit: "amount", stages: EARLY, tiers: ["MGP", "STP"], mdf: false, cost: 1_000, result: 100_000 },
    ],
  },
  {
    id: "G13",
    goal: "Build the partner's marketing capability",
    category: "Enablement",
    activities: [
      { id: "A41", activity: "Campaign-in-a-box training", tactic: "Training on the ready-made campaigns in the partner portal", kpi: "Leads", unit: "leads", stages: EARLY, tiers: DEVELOPING, mdf: false, cost: 0, result: 20 },
      { id: "A42", activity: "Campaign planning workshop", tactic: "Plan a year of joint campaigns with our field marketing team", kpi: "Leads", unit: "leads", stages: ["Activation", "Enablement"], tiers: TOP, mdf: false, cost: 1_500, result: 40 },
      { id: "A43", activity: "Marketing concierge", tactic: "Agency support for the partner's first three campaigns", kpi: "Leads", unit: "leads", stages: ["Activation"], tiers: ["MGP", "STP"], mdf: true, cost: 6_000, result: 60 },
    ],
  },
  {
    id: "G14",
    goal: "Align leadership on the partnership",
    category: "Enablement",
    activities: [
      { id: "A44", activity: "Executive sponsor meeting", tactic: "Twice-yearly meeting of both executive sponsors on the joint plan", kpi: "Revenue", unit: "amount", stages: LATE, tiers: TOP, mdf: false, cost: 0, result: null },
      { id: "A45", activity: "Quarterly business review", tactic: "Review of plan, pipeline and funds against target every quarter", kpi: "Revenue", unit: "amount", stages: [], tiers: [], mdf: false, cost: 0, result: null },
      { id: "A46", activity: "Joint business planning workshop", tactic: "A full day building next year's plan from this library", kpi: "Pipeline", unit: "amount", stages: LATE, tiers: ACTIVE_TIERS, mdf: false, cost: 2_000, result: null },
    ],
  },
  {
    id: "G15",
    goal: "Grow the distributor's reseller network",
    category: "Sales",
    types: ["Distributor"],
    activities: [
      { id: "A47", activity: "Reseller recruitment evening", tactic: "Evening event for 30 potential resellers in the distributor's territory", kpi: "New resellers", unit: "resellers", stages: LATE, tiers: TOP, mdf: true, cost: 12_000, result: 5 },
      { id: "A48", activity: "Reseller enablement days", tactic: "A monthly training day for the distributor's resellers", kpi: "Certified staff", unit: "people", stages: LATE, tiers: ACTIVE_TIERS, mdf: true, cost: 4_000, result: 10 },
    ],
  },
];

/** Every activity of the library with its goal, in the table's order. */
export const LIBRARY_ROWS: readonly { goal: LibraryGoal; activity: LibraryActivity }[] = LIBRARY.flatMap((goal) => goal.activities.map((activity) => ({ goal, activity })));
