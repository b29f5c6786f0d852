/**
 * Partner names as other systems write them, resolved to PartnerIds: an exact id, an alias the
 * user confirmed before (the PartnerAliases table), or the one partner whose name is the same once
 * case, spacing and punctuation are set aside — or, failing that, once legal-form suffixes are set
 * aside too. Anything else (several partners of that name included) gets suggestions — the partners
 * whose names are most alike by Jaro–Winkler similarity (engine/match), at or above a threshold —
 * for the user to confirm, and a confirmation becomes a PartnerAliases row.
 */
import { MATCH_THRESHOLD, normaliseName, similarNames } from "../../engine/match";
import type { Upsert } from "../workbook/plan";
import { type WorkbookSnapshot, cell } from "../workbook/snapshot";

export interface PartnerName {
  id: string;
  name: string;
}

export interface PartnerAlias {
  alias: string;
  partnerId: string;
}

export interface PartnerSuggestion extends PartnerName {
  /** Jaro–Winkler similarity of the normalised names, 0–1. */
  similarity: number;
}

export type Resolution =
  | { id: string; by: "id" | "name" | "alias" }
  | { id?: undefined; suggestions: PartnerSuggestion[] };

const idKey = (text: string) => text.trim().toLowerCase();
const aliasKey = (text: string) => normaliseName(text) || idKey(text);

/**
 * A resolver over one partner list and its aliases, for many values (the distinct names of an
 * export are few; each is looked at once).
 */
export function partnerResolver(partners: readonly PartnerName[], aliases: readonly PartnerAlias[] = [], threshold = MATCH_THRESHOLD): (value: string) => Resolution {
  const byId = new Map<string, string>();
  /** Partners by normalised name with its legal form, and without (several when names differ only in it). */
  const byFullName = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const byAlias = new Map<string, string>();
  partners.forEach((p, i) => {
    if (!byId.has(idKey(p.id))) byId.set(idKey(p.id), p.id);
    const full = normaliseName(p.name, false);
    if (full) byFullName.set(full, [...(byFullName.get(full) ?? []), i]);
    const name = normaliseName(p.name);
    if (name) byName.set(name, [...(byName.get(name) ?? []), i]);
  });
  for (const a of aliases) {
    const id = byId.get(idKey(a.partnerId));
    const key = aliasKey(a.alias);
    if (id && key && !byAlias.has(key)) byAlias.set(key, id);
  }
  const names = partners.map((p) => p.name);
  const seen = new Map<string, Resolution>();
  return (value) => {
    const text = value.trim();
    let found = seen.get(text);
    if (found) return found;
    const id = byId.get(idKey(text));
    const fullNamed = byFullName.get(normaliseName(text, false)) ?? [];
    const named = fullNamed.length === 1 ? fullNamed : byName.get(normaliseName(text)) ?? [];
    const alias = byAlias.get(aliasKey(text));
    found =
      id !== undefined ? { id, by: "id" }
      : alias !== undefined ? { id: alias, by: "alias" }
      : named.length === 1 ? { id: partners[named[0]].id, by: "name" }
      // Two partners of that name: the user says which (never the first silently).
      : named.length > 1 ? { suggestions: named.map((i) => ({ id: partners[i].id, name: partners[i].name, similarity: 1 })) }
      : { suggestions: text ? similarNames(text, names, threshold).map(({ index, similarity }) => ({ id: partners[index].id, name: partners[index].name, similarity })) : [] };
    seen.set(text, found);
    return found;
  };
}

/** Resolves one partner name or id (see partnerResolver). */
export function resolvePartner(value: string, partners: readonly PartnerName[], aliases: readonly PartnerAlias[] = [], threshold = MATCH_THRESHOLD): Resolution {
  return partnerResolver(partners, aliases, threshold)(value);
}

/** The PartnerAliases table's rows. */
export function aliasesOf(snapshot: WorkbookSnapshot): PartnerAlias[] {
  const table = snapshot.tables.get("PartnerAliases");
  if (!table) return [];
  const out: PartnerAlias[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    const alias = cell(table, r, "Alias");
    const partnerId = cell(table, r, "PartnerId");
    if ((typeof alias === "string" || typeof alias === "number") && (typeof partnerId === "string" || typeof partnerId === "number") && String(alias).trim()) {
      out.push({ alias: String(alias).trim(), partnerId: String(partnerId).trim() });
    }
  }
  return out;
}

/** The PartnerAliases row a confirmed match adds: from now on `alias` is that partner. */
export const aliasChange = (alias: string, partnerId: string): Upsert => ({ table: "PartnerAliases", key: { Alias: alias.trim() }, set: { PartnerId: partnerId } });
