// Partner names resolved to ids: exact ids, names and aliases always resolve; the rest get suggestions.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchPartner, nameSimilarity, normaliseName } from "../../engine/match";
import { type PartnerName, resolvePartner } from "../../addin/import/partners";

const PARTNERS: PartnerName[] = [
  { id: "P0001", name: "Summit Cloud Inc." },
  { id: "P0002", name: "Cedar Solutions Pvt Ltd" },
  { id: "P0003", name: "Cedar Solutions BV" },
  { id: "P0004", name: "Müller & Söhne GmbH" },
  { id: "P0005", name: "Beacon Integration S.A." },
];

describe("normalised names", () => {
  it("set aside case, accents, punctuation, spacing and trailing legal forms", () => {
    expect(normaliseName("  SUMMIT  cloud, Inc. ")).toBe("summit cloud");
    expect(normaliseName("Beacon Integration S.A.")).toBe("beacon integration");
    expect(normaliseName("Müller & Söhne GmbH")).toBe("muller and sohne");
    expect(normaliseName("AG Solutions AG")).toBe("ag solutions");
    expect(normaliseName("Acme Pty. Ltd.", false)).toBe("acme pty ltd");
  });

  it("score similarity from 0 to 1, 1 for the same name", () => {
    expect(nameSimilarity("Summit Cloud", "SUMMIT CLOUD LLC")).toBe(1);
    expect(nameSimilarity("Sumimt Cloud", "Summit Cloud")).toBeGreaterThan(0.9);
    expect(nameSimilarity("Globex", "Summit Cloud")).toBeLessThan(0.6);
  });
});

describe("resolvePartner", () => {
  it("resolves ids, names with their legal form first, then without, then aliases", () => {
    expect(resolvePartner("p0004", PARTNERS)).toEqual({ id: "P0004", by: "id" });
    expect(resolvePartner("summit cloud", PARTNERS)).toEqual({ id: "P0001", by: "name" });
    expect(resolvePartner("CEDAR SOLUTIONS BV", PARTNERS)).toEqual({ id: "P0003", by: "name" });
    expect(resolvePartner("Summit (US East)", PARTNERS, [{ alias: "summit  (us east)", partnerId: "P0001" }])).toEqual({ id: "P0001", by: "alias" });
  });

  it("never picks one of two partners whose names differ only in legal form", () => {
    const found = resolvePartner("Cedar Solutions", PARTNERS);
    expect(found.id).toBeUndefined();
    expect("suggestions" in found && found.suggestions.map((s) => s.id).sort()).toEqual(["P0002", "P0003"]);
  });

  it("suggests the most similar names for a misspelt one, best first", () => {
    const found = resolvePartner("Sumit Clod Inc", PARTNERS);
    expect(found.id).toBeUndefined();
    expect("suggestions" in found && found.suggestions[0]).toMatchObject({ id: "P0001" });
    expect(resolvePartner("Globex Intergalactic", PARTNERS)).toEqual({ suggestions: [] });
  });

  it("always resolves an exact id, name or alias to its partner (property)", () => {
    const word = fc.stringMatching(/^[A-Za-z][a-z]{1,9}$/);
    const partners = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^P\d{4}$/), name: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(" ")) }), {
      minLength: 1,
      maxLength: 15,
      selector: (p) => p.id,
    });
    fc.assert(
      fc.property(partners, fc.nat(), fc.constantFrom("id", "name", "alias"), fc.constantFrom("", " Inc.", " GmbH", " S.A."), (list, pick, how, suffix) => {
        // Names unique once normalised, as a workbook's partners should be for a name to resolve.
        const unique = list.filter((p, i) => list.findIndex((q) => normaliseName(q.name) === normaliseName(p.name) || normaliseName(q.name, false) === normaliseName(p.name, false)) === i);
        const named = unique.map((p, i) => ({ ...p, name: `${p.name}${i % 2 ? suffix : ""}` }));
        const target = named[pick % named.length];
        const alias = `Alias of ${target.id}`;
        const value = how === "id" ? target.id.toLowerCase() : how === "name" ? ` ${target.name.toUpperCase()} ` : alias;
        expect(resolvePartner(value, named, [{ alias, partnerId: target.id }]).id).toBe(target.id);
      }),
      { numRuns: 300 },
    );
  });
});

describe("matchPartner (PARTNER.MATCH)", () => {
  const names = PARTNERS.map((p) => p.name);
  const ids = PARTNERS.map((p) => p.id);
  it("matches the same name, then the most similar above the threshold, else #N/A", () => {
    expect(matchPartner("summit cloud", names, ids)).toBe("P0001");
    expect(matchPartner("Cedar Solutions BV", names, ids)).toBe("P0003");
    expect(matchPartner("Beacon Integraton", names, ids)).toBe("P0005");
    expect(matchPartner("Beacon Integraton", names, ids, 1)).toMatchObject({ code: "#N/A" });
    expect(matchPartner("Globex", names, ids)).toMatchObject({ code: "#N/A" });
    expect(matchPartner("Globex", names, ids.slice(1))).toMatchObject({ code: "#VALUE!" });
    expect(matchPartner("Globex", names, ids, 2)).toMatchObject({ code: "#VALUE!" });
  });
});
