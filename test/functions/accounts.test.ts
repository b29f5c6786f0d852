// PARTNER.OVERLAP, HASH, CONFLICT, LEADAGE and ATTRIB through the built bundle, called as Excel calls them.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BLANKS, excelHost, withBlanks } from "../excel-host";

const excel = excelHost();
const _ = undefined;
const column = (...values: unknown[]) => values.map((v) => [v]);
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

const MINE = [
  ["acme.com", "Customer"],
  ["https://www.globex.com/en", "prospect"],
  ["initech.io", "open opportunity"],
  ["sales.initech.io", "Customer"],
  [_, _],
  ["eu.umbrella.co.uk", "Prospect"],
];
const THEIRS = [
  ["jane@acme.com", "Open opportunity"],
  ["GLOBEX.COM", "customer"],
  ["initech.io", "Prospect"],
  ["umbrella.co.uk", "prospect"],
  ["hooli.com", "Customer"],
];

describe("PARTNER.OVERLAP", () => {
  it("spills the matrix of accounts on both lists by status, with blanks as Excel passes them", () => {
    for (const blank of BLANKS) {
      const [mine, theirs] = withBlanks([MINE, THEIRS], blank);
      expect(excel.value("OVERLAP", mine, theirs, null)).toEqual([
        ["Mine \\ Theirs", "Customer", "Open opportunity", "Prospect"],
        ["Customer", 0, 1, 1],
        ["Open opportunity", 0, 0, 0],
        ["Prospect", 1, 0, 1],
      ]);
      expect(excel.value("OVERLAP", mine, theirs, "List")).toEqual([
        ["Account", "Mine", "Theirs"],
        ["acme.com", "Customer", "Open opportunity"],
        ["globex.com", "Prospect", "Customer"],
        ["initech.io", "Customer", "Prospect"],
        ["umbrella.co.uk", "Prospect", "Prospect"],
      ]);
    }
  });

  it("gives the same counts on lists hashed with PARTNER.HASH", () => {
    const hashed = (list: unknown[][]) => {
      const digests = excel.value("HASH", withBlanks([list.map((r) => [r[0]])], null)[0]) as string[][];
      return list.map((r, i) => [digests[i][0], r[1] ?? null]);
    };
    const plain = excel.value("OVERLAP", withBlanks([MINE], null)[0], THEIRS, null);
    expect(excel.value("OVERLAP", hashed(MINE), hashed(THEIRS), null)).toEqual(plain);
    expect(excel.value("OVERLAP", withBlanks([MINE], null)[0], hashed(THEIRS), null)).toEqual(plain);
  });

  it("names the cell of an unknown status, and a list that is not 2 columns wide", () => {
    const e = excel.error("OVERLAP", [["acme.com", "Customer"], ["globex.com", "partner"]], THEIRS, null);
    expect(e).toEqual({ code: "#VALUE!", message: 'mine (row 2, column 2): expected one of "customer", "prospect", "open opportunity", got "partner".' });
    expect(excel.error("OVERLAP", MINE, column("acme.com"), null).message).toBe(
      "theirs: expected 2 columns (domain or name, status), got 1 column; with a wider table, give HSTACK(domains, statuses).",
    );
    expect(excel.error("OVERLAP", THEIRS, THEIRS, "venn").message).toBe('mode: expected one of "matrix", "list", got "venn".');
  });
});

describe("PARTNER.HASH", () => {
  it("gives the SHA-256 of the normalised domain, one per cell, blanks blank", () => {
    expect(excel.value("HASH", [["https://WWW.Acme.com/about"]])).toEqual([[sha("acme.com")]]);
    expect(excel.value("HASH", "bob@eu.acme.co.uk")).toEqual([[sha("acme.co.uk")]]);
    for (const blank of BLANKS) {
      expect(excel.value("HASH", [["acme.com", blank], ["Acme, Inc.", "sales.acme.com"]])).toEqual([
        [sha("acme.com"), ""],
        [sha("acme inc"), sha("acme.com")],
      ]);
    }
    const digest = sha("acme.com");
    expect(excel.value("HASH", [[digest.toUpperCase()]])).toEqual([[digest]]);
  });
});

describe("PARTNER.CONFLICT", () => {
  const accounts = column("ACC-1", "ACC-1", "ACC-2", "ACC-1", "ACC-2");
  const partners = column("Northwind", "Contoso", "Contoso", "northwind", "Fabrikam");
  const registered = column("2026-01-10", 46082, "2026-01-01", "2026-02-01", _);
  const until = column("2026-04-10", "2026-05-31", _, "2026-02-28", _);

  it("spills the pairs of deals of different partners protected on the same account at once", () => {
    for (const blank of BLANKS) {
      const args = withBlanks([accounts, partners, registered, until], blank);
      expect(excel.value("CONFLICT", ...args)).toEqual([
        ["Account", "Row", "Partner", "Other row", "Other partner", "From", "To"],
        // 46082 is 2026-03-01; Northwind's second deal ends before Contoso's starts; Fabrikam's is not registered.
        ["ACC-1", 1, "Northwind", 2, "Contoso", 46082, 46122],
      ]);
    }
  });

  it("shows only the header without conflicts, and names a protection that ends before it starts", () => {
    expect(excel.value("CONFLICT", column("A", "B"), column("P", "Q"), column(46000, 46000), column(_, _).map(() => [null]))).toEqual([
      ["Account", "Row", "Partner", "Other row", "Other partner", "From", "To"],
    ]);
    expect(excel.error("CONFLICT", column("A", "A"), column("P", "Q"), column(46000, "2026-03-01"), column(46100, "2026-02-01")).message).toBe(
      "protected_until (row 2): the period ends (2026-02-01) before it starts (2026-03-01).",
    );
    expect(excel.error("CONFLICT", column("A", "A"), column("P"), column(1, 2), column(3, 4)).message).toBe("partners: expected as many cells as accounts (2), got 1.");
  });
});

describe("PARTNER.LEADAGE", () => {
  it("spills each lead's state against its SLA", () => {
    for (const blank of BLANKS) {
      const [sent, accepted] = withBlanks([column("2026-08-01", "2026-08-01", "2026-08-07", "2026-08-08", _), column("2026-08-03", "2026-08-04", _, _, _)], blank);
      expect(excel.value("LEADAGE", sent, accepted, [[2]], "2026-08-10")).toEqual([["On time"], ["Accepted late"], ["Overdue"], ["Open"], [""]]);
    }
    // One SLA per lead, leads in a row: the states spill in a row.
    expect(excel.value("LEADAGE", [[46235, 46235]], [[46240, 46240]], [[5, 3]], 46300)).toEqual([["On time", "Accepted late"]]);
  });

  it("names the cell of an acceptance before the sending and of a date it cannot read", () => {
    expect(excel.error("LEADAGE", column("2026-08-05"), column("2026-08-01"), 2, null).message).toBe(
      "accepted: accepted on 2026-08-01, before the lead was sent (2026-08-05).",
    );
    expect(excel.error("LEADAGE", column(46235, "soon"), column(_, _), 2, null).message).toBe(
      'sent (row 2): expected a date (a serial from 1 to 2958465 or yyyy-mm-dd text), got "soon".',
    );
    expect(excel.error("LEADAGE", column(46235, 46236), column(_, _), [[1, 2, 3]], null).message).toBe(
      "sla_days: expected one value or as many cells as sent (2), got 3.",
    );
  });
});

describe("PARTNER.ATTRIB", () => {
  it("spills won revenue by source and its shares", () => {
    for (const blank of BLANKS) {
      const args = withBlanks(
        [column(50000, 30000, 20000, 99000, _), column("partner-sourced", "Partner-Influenced", _, "partner-sourced", "vendor"), column("Won", "won", "Won", "Lost", "Won")],
        blank,
      );
      expect(excel.value("ATTRIB", ...args)).toEqual([
        ["Source", "Won revenue", "Share"],
        ["Partner-sourced", 50000, 0.5],
        ["Partner-influenced", 30000, 0.3],
        ["Vendor", 20000, 0.2],
        ["Total", 100000, 1],
      ]);
    }
    expect(excel.value("ATTRIB", column(0), column("vendor"), null)).toEqual([
      ["Source", "Won revenue", "Share"],
      ["Partner-sourced", 0, ""],
      ["Partner-influenced", 0, ""],
      ["Vendor", 0, ""],
      ["Total", 0, ""],
    ]);
  });

  it("names the cell of an unknown source or outcome", () => {
    expect(excel.error("ATTRIB", column(1, 2), column("vendor", "reseller"), null).message).toBe(
      'sources (row 2): expected one of "partner-sourced", "partner-influenced", "vendor", got "reseller".',
    );
    expect(excel.error("ATTRIB", column(1), column("vendor"), column("pending")).message).toBe('outcomes: expected one of "Won", "Lost", "Open", got "pending".');
  });
});
