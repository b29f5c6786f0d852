/* Partner names from other systems: PARTNER.MATCH. */
import { matchPartner } from "../../engine/match";
import { excelFunction, read } from "./excel";

const MATCH = excelFunction(
  { name: read.text(), names: read.labels(), ids: read.labels(), threshold: read.optionalNumber() },
  (a) => matchPartner(a.name, a.names.map((n) => n ?? ""), a.ids.map((id) => id ?? ""), a.threshold ?? undefined),
);

/**
 * The PartnerId of a partner named as another system names it: the same name ignoring case, spaces, punctuation and legal forms (Inc, Ltd, LLC, GmbH, AG, S.A., SAS, BV…), else the most similar name (Jaro–Winkler) at or above threshold; #N/A when none is.
 * @customfunction MATCH
 * @param name The partner's name as the export gives it.
 * @param names The partner list's names (such as Partners[Name]).
 * @param ids The partner list's ids, the same size as names (such as Partners[PartnerId]).
 * @param [threshold] Least similarity from 0 to 1 for a name that is not the same. Default 0.88; 1 accepts only the same name.
 * @returns The matched PartnerId, or #N/A.
 */
export function match(name: any, names: any[][], ids: any[][], threshold?: any): string {
  return MATCH({ name, names, ids, threshold });
}
