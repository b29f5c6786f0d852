/** The sample partner network: realistic resellers, integrators and alliances across three regions. */
import type { Random } from "../../engine/random";

export interface Partner {
  id: string;
  name: string;
  region: string;
  territory: string;
  channelManager: string;
  type: string;
  status: "Active" | "Onboarding" | "Prospect";
  signedDate: Date | null;
  /** Latent strength of the partner (standard normal), which drives every other sample table. */
  quality: number;
}

export const TERRITORIES: Record<string, { territory: string; suffix: string }[]> = {
  EMEA: [
    { territory: "UK & Ireland", suffix: "Ltd" },
    { territory: "DACH", suffix: "GmbH" },
    { territory: "France", suffix: "SAS" },
    { territory: "Benelux", suffix: "BV" },
    { territory: "Nordics", suffix: "AB" },
    { territory: "Iberia", suffix: "S.L." },
    { territory: "Italy", suffix: "S.r.l." },
  ],
  Americas: [
    { territory: "US East", suffix: "Inc." },
    { territory: "US West", suffix: "LLC" },
    { territory: "Canada", suffix: "Inc." },
    { territory: "Latin America", suffix: "S.A." },
  ],
  APAC: [
    { territory: "Australia & NZ", suffix: "Pty Ltd" },
    { territory: "Japan", suffix: "KK" },
    { territory: "India", suffix: "Pvt Ltd" },
    { territory: "Southeast Asia", suffix: "Pte Ltd" },
  ],
};

const MANAGERS: Record<string, string[]> = {
  EMEA: ["Amelia Hart", "Jonas Becker", "Claire Dubois"],
  Americas: ["Marcus Reed", "Sofia Alvarez"],
  APAC: ["Kenji Watanabe", "Priya Nair"],
};

const REGION_SHARE: [string, number][] = [
  ["EMEA", 0.45],
  ["Americas", 0.35],
  ["APAC", 0.2],
];

const TYPES: [string, number][] = [
  ["Reseller", 0.35],
  ["System integrator", 0.2],
  ["Managed service provider", 0.15],
  ["Referral partner", 0.12],
  ["ISV alliance", 0.1],
  ["Distributor", 0.08],
];

const FIRST = [
  "Northwind", "Bluepeak", "Cedar", "Harbor", "Summit", "Ironwood", "Silverline", "Brightpath", "Keystone",
  "Meridian", "Oakridge", "Pioneer", "Redstone", "Sapphire", "Tidewater", "Vantage", "Westbrook", "Aurora",
  "Beacon", "Cobalt", "Evergreen", "Falcon", "Granite", "Horizon", "Juniper", "Lakeside", "Maple", "Nimbus",
  "Orion", "Pinnacle", "Quantum", "Riverbend", "Sterling", "Trident", "Unity", "Vertex", "Willow", "Zenith",
  "Atlas", "Bridgewater", "Clearwater", "Driftwood", "Emberly", "Foxglove", "Greystone", "Highland",
];
const SECOND = [
  "Systems", "Solutions", "Consulting", "Technologies", "IT", "Digital", "Networks", "Partners", "Group",
  "Data", "Cloud", "Integration", "Services", "Analytics", "Infotech",
];

const THIRD = ["Group", "Holdings", "International", "Direct", "Pro", "Plus", "One", "Labs", "Works", "Alliance", "Global", "Connect"];

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[random.int(items.length)];
}

export function weighted<T>(random: Random, items: readonly [T, number][]): T {
  let u = random.next();
  for (const [item, weight] of items) {
    if (u < weight) return item;
    u -= weight;
  }
  return items[items.length - 1][0];
}

/** The sample's reference date: the end of the third quarter of 2026. */
export const AS_OF = new Date(Date.UTC(2026, 8, 30));

export function samplePartners(random: Random, count: number): Partner[] {
  const names = new Set<string>();
  const partners: Partner[] = [];
  for (let i = 1; i <= count; i++) {
    const region = weighted(random, REGION_SHARE);
    const { territory, suffix } = pick(random, TERRITORIES[region]);
    let name = "";
    for (let attempt = 0; !name || names.has(name); attempt++) {
      // Large networks exhaust the two-word names of a legal form: then add a third word.
      const extra = attempt < 20 ? "" : ` ${pick(random, THIRD)}`;
      name = `${pick(random, FIRST)} ${pick(random, SECOND)}${extra} ${suffix}`;
    }
    names.add(name);
    const status = weighted<Partner["status"]>(random, [
      ["Active", 0.8],
      ["Onboarding", 0.12],
      ["Prospect", 0.08],
    ]);
    const yearsAgo = status === "Onboarding" ? random.next() * 0.5 : 0.5 + random.next() * 9;
    const signedDate =
      status === "Prospect" ? null : new Date(AS_OF.getTime() - Math.round(yearsAgo * 365) * 86_400_000);
    partners.push({
      id: `P${String(i).padStart(4, "0")}`,
      name,
      region,
      territory,
      channelManager: pick(random, MANAGERS[region]),
      type: weighted(random, TYPES),
      status,
      signedDate,
      quality: random.normal(),
    });
  }
  return partners;
}
