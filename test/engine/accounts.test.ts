import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACCOUNT_STATUSES,
  type AccountRow,
  type AccountStatus,
  type RegisteredDeal,
  accountHash,
  accountKey,
  accountOverlap,
  attribution,
  dealConflicts,
  hostOf,
  leadStates,
  normaliseDomain,
  overlapListTable,
  overlapMatrixTable,
  sha256,
  sha256Bytes,
  sharedDays,
  utf8,
} from "../../engine/accounts";
import { dateSerial } from "../../engine/excel/date";
import { failure, ok } from "./support";

const nodeSha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

describe("SHA-256", () => {
  it("gives the digests of FIPS 180-4's and RFC 6234's test vectors", () => {
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    expect(sha256("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")).toBe(
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
    );
    expect(sha256("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // RFC 6234's TEST4: "01234567" × 80 (640 bytes, ten blocks).
    expect(sha256("0123456701234567012345670123456701234567012345670123456701234567".repeat(10))).toBe(
      "594847328451bdfa85056225462cc1d867d877fb388df0ce35f25ab5562bfbb5",
    );
  });

  it("agrees with node:crypto on random bytes of every length around the block boundaries", () => {
    for (let n = 0; n <= 200; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n * 7) & 255);
      expect(sha256Bytes(bytes), `${n} bytes`).toBe(nodeSha256(bytes));
    }
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => sha256Bytes(bytes) === nodeSha256(bytes)), { numRuns: 500 });
  });

  it("hashes a text's UTF-8 bytes as node:crypto and TextEncoder do, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.array(fc.integer({ min: 0, max: 0xffff })).map((units) => String.fromCharCode(...units))), (text) => {
        expect(Buffer.from(utf8(text))).toEqual(Buffer.from(new TextEncoder().encode(text)));
        expect(sha256(text)).toBe(nodeSha256(Buffer.from(new TextEncoder().encode(text))));
      }),
      { numRuns: 500 },
    );
  });
});

describe("account keys", () => {
  it("reduce web and e-mail addresses to the registrable domain", () => {
    const cases: [string, string][] = [
      ["acme.com", "acme.com"],
      ["  ACME.com ", "acme.com"],
      ["https://www.acme.com/about?x=1#top", "acme.com"],
      ["http://user:secret@Sales.Acme.com:8443/", "acme.com"],
      ["www.acme.com.", "acme.com"],
      ["eu.shop.acme.co.uk", "acme.co.uk"],
      ["sales.acme.com", "acme.com"],
      ["bob.smith@mail.acme.com.au", "acme.com.au"],
      ["mailto:jo@acme.co.jp", "acme.co.jp"],
      ["//cdn.acme.de/x", "acme.de"],
      ["acme.co.de", "co.de"],
      ["co.uk", "co.uk"],
      ["bücher.de", "bücher.de"],
      ["xn--bcher-kva.de", "xn--bcher-kva.de"],
    ];
    for (const [text, domain] of cases) expect(normaliseDomain(text), text).toBe(domain);
  });

  it("read names, numbers and IP addresses as no domain, and blanks as no key", () => {
    for (const text of ["Acme Corp", "192.168.0.1", "3.14", "localhost", "acme", "acme co.uk ltd", "-acme.com", "a..com", ""]) {
      expect(hostOf(text), text).toBeNull();
    }
    expect(accountKey("Acme, Inc.")).toBe("acme inc");
    expect(accountKey("  ACME   inc ")).toBe("acme inc");
    expect(accountKey("   ")).toBeNull();
    expect(accountKey("--")).toBeNull();
    // A digest is a key as it is, in lower case.
    const digest = "AB".repeat(32);
    expect(accountKey(digest)).toBe(digest.toLowerCase());
  });

  it("never give a name key that could be a domain key (names hold no dots)", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const key = accountKey(text);
        if (key !== null && normaliseDomain(text) === null && !/^[0-9a-f]{64}$/.test(key)) expect(key).not.toContain(".");
      }),
    );
  });

  it("are stable: the key of a key is itself", () => {
    const texts = fc.oneof(
      fc.string(),
      fc.constantFrom("https://www.Acme.co.uk/x", "bob@sales.acme.com", "Acme, Inc.", "eu.shop.acme.co.uk", "Globex GmbH"),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const key = accountKey(text);
        if (key !== null) expect(accountKey(key)).toBe(key);
      }),
    );
  });

  it("hash to the SHA-256 of the key, and a digest hashes to itself", () => {
    expect(accountHash("https://www.acme.com/about")).toBe(nodeSha256("acme.com"));
    expect(accountHash("Acme, Inc.")).toBe(nodeSha256("acme inc"));
    expect(accountHash("")).toBeNull();
    const digest = accountHash("acme.com")!;
    expect(accountHash(digest.toUpperCase())).toBe(digest);
  });
});

const row = (account: string | null, status: string | null): AccountRow => ({ account, status });

describe("account overlap", () => {
  const mine = [
    row("acme.com", "Customer"),
    row("https://www.globex.com", "prospect"),
    row("initech.io", "Open opportunity"),
    row("sales.initech.io", "customer"), // the same account again, more advanced: counts once, as a customer
    row("umbrella.co.uk", "PROSPECT"),
    row(null, "gibberish"), // a blank account: skipped, its status unread
    row("Stark Industries", "open-opportunity"),
  ];
  const theirs = [
    row("bob@acme.com", "open opportunity"),
    row("globex.com", "Customer"),
    row("INITECH.IO", "prospect"),
    row("eu.umbrella.co.uk", "Prospect"),
    row("stark industries", "Customer"),
    row("hooli.com", "customer"),
  ];

  it("counts the accounts on both lists by each side's most advanced status", () => {
    const result = ok(accountOverlap(mine, theirs));
    expect(overlapMatrixTable(result)).toEqual([
      ["Mine \\ Theirs", "Customer", "Open opportunity", "Prospect"],
      ["Customer", 0, 1, 1], // acme (theirs: open opportunity), initech (theirs: prospect)
      ["Open opportunity", 1, 0, 0], // stark industries
      ["Prospect", 1, 0, 1], // globex (theirs: customer), umbrella
    ]);
    expect(overlapListTable(result)).toEqual([
      ["Account", "Mine", "Theirs"],
      ["acme.com", "Customer", "Open opportunity"],
      ["globex.com", "Prospect", "Customer"],
      ["initech.io", "Customer", "Prospect"],
      ["stark industries", "Open opportunity", "Customer"],
      ["umbrella.co.uk", "Prospect", "Prospect"],
    ]);
  });

  it("names the cell of a status that is none of the three", () => {
    const e = failure(accountOverlap(mine, [...theirs, row("acme.com", "partner")]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('theirs (row 7, column 2): expected one of "customer", "prospect", "open opportunity", got "partner".');
    expect(failure(accountOverlap([row("acme.com", null)], [])).message).toContain("mine (row 1, column 2)");
  });

  const statusWords = fc.constantFrom("customer", "Customer", "client", "prospect", "PROSPECT", "open opportunity", "Open-Opportunity", "opportunity", "opp");
  const domains = fc.constantFrom("acme.com", "globex.com", "initech.io", "umbrella.co.uk", "hooli.com", "stark.de", "wayne.com.au", "Acme Corp", "Wonka GmbH");
  const variant = (domain: string) =>
    fc.constantFrom(domain, domain.toUpperCase(), `https://www.${domain}/x`, `sales.${domain}`, `info@${domain}`, ` ${domain}. `).filter((v) => accountKey(v) === accountKey(domain));
  const list = fc.array(domains.chain((d) => fc.tuple(variant(d), statusWords)).map(([a, s]) => row(a, s)), { maxLength: 30 });

  /** The overlap counted the slow way: per list, each key's most advanced status; then every key on both. */
  function slowCounts(a: AccountRow[], b: AccountRow[]): number[][] {
    const best = (rows: AccountRow[]) => {
      const out = new Map<string, number>();
      for (const r of rows) {
        const key = accountKey(r.account!)!;
        const word = r.status!.toLowerCase().replace(/[\s_-]+/g, " ");
        const rank = word === "customer" || word === "client" ? 0 : word === "prospect" ? 2 : 1;
        out.set(key, Math.min(out.get(key) ?? 3, rank));
      }
      return out;
    };
    const [x, y] = [best(a), best(b)];
    const counts = [0, 1, 2].map(() => [0, 0, 0]);
    for (const [key, m] of x) if (y.has(key)) counts[m][y.get(key)!]++;
    return counts;
  }

  it("matches a slow count on random lists, and swapping the lists transposes the matrix", () => {
    fc.assert(
      fc.property(list, list, (a, b) => {
        const forward = ok(accountOverlap(a, b));
        expect(forward.counts).toEqual(slowCounts(a, b));
        const backward = ok(accountOverlap(b, a));
        expect(backward.counts).toEqual(forward.counts[0].map((_, t) => forward.counts.map((r) => r[t])));
        expect(forward.matches.length).toBe(forward.counts.flat().reduce((s, n) => s + n, 0));
      }),
    );
  });

  it("gives the same overlap on hashed lists as on the plain ones, hashed on one side or both", () => {
    const hashed = (rows: AccountRow[]) => rows.map((r) => row(accountHash(r.account!), r.status));
    fc.assert(
      fc.property(list, list, (a, b) => {
        const plain = ok(accountOverlap(a, b));
        const digestOf = new Map(plain.matches.map((m) => [accountHash(m.account), m]));
        for (const [x, y] of [
          [hashed(a), hashed(b)],
          [hashed(a), b],
          [a, hashed(b)],
        ]) {
          const result = ok(accountOverlap(x, y));
          expect(result.counts).toEqual(plain.counts);
          // The same matches with the same statuses, named by digest where neither side showed the account.
          expect(result.matches.length).toBe(plain.matches.length);
          for (const m of result.matches) {
            const match = /^[0-9a-f]{64}$/.test(m.account) ? digestOf.get(m.account) : plain.matches.find((p) => p.account === m.account);
            expect(match && [match.mine, match.theirs]).toEqual([m.mine, m.theirs]);
          }
        }
      }),
    );
  });

  it("lists statuses most advanced first", () => {
    expect(ACCOUNT_STATUSES).toEqual<AccountStatus[]>(["Customer", "Open opportunity", "Prospect"]);
  });
});

const deal = (account: string | null, partner: string | null, registered: number | null, protectedUntil: number | null): RegisteredDeal => ({
  account,
  partner,
  registered,
  protectedUntil,
});
const d = (month: number, day: number) => dateSerial(2026, month, day);

describe("deal registration conflicts", () => {
  it("finds deals of different partners protected on the same account on the same days", () => {
    const deals = [
      deal("ACC-1", "Northwind", d(1, 10), d(4, 10)),
      deal("ACC-1", "Contoso", d(3, 1), d(5, 31)), // overlaps Northwind from 1 March to 10 April
      deal("ACC-1", "northwind ", d(2, 1), d(2, 28)), // the same partner again: no conflict with its own deal; with Contoso none (ends before)
      deal("ACC-2", "Contoso", d(1, 1), d(1, 31)),
      deal("acc-2", "Fabrikam", d(1, 31), null), // shares one day; open-ended
      deal("ACC-3", "Fabrikam", d(1, 1), null),
      deal("ACC-3", "Contoso", d(6, 1), null), // both open: shared from June on, no end
      deal("ACC-4", "Contoso", null, null), // not registered
      deal("ACC-4", "Fabrikam", d(1, 1), null),
      deal(null, "Contoso", d(1, 1), null),
    ];
    expect(ok(dealConflicts(deals))).toEqual([
      { account: "ACC-1", row: 0, partner: "Northwind", otherRow: 1, otherPartner: "Contoso", from: d(3, 1), to: d(4, 10) },
      { account: "ACC-2", row: 3, partner: "Contoso", otherRow: 4, otherPartner: "Fabrikam", from: d(1, 31), to: d(1, 31) },
      { account: "ACC-3", row: 5, partner: "Fabrikam", otherRow: 6, otherPartner: "Contoso", from: d(6, 1), to: null },
    ]);
  });

  it("names the cell of a protection that ends before its registration", () => {
    const e = failure(dealConflicts([deal("A", "P", d(3, 1), d(2, 1))]));
    expect(e.message).toBe("protected_until (item 1): the period ends (2026-02-01) before it starts (2026-03-01).");
    expect(failure(dealConflicts([deal("A", "P", -5, null)])).message).toContain("registered (item 1)");
  });

  const accountsArb = fc.constantFrom("A", "B", "C", "a", "acme.com", "www.acme.com");
  const partnersArb = fc.constantFrom("P1", "P2", "P3", "p1");
  const dealArb = fc
    .record({ account: fc.option(accountsArb, { freq: 8 }), partner: fc.option(partnersArb, { freq: 8 }), start: fc.option(fc.integer({ min: 46000, max: 46100 }), { freq: 8 }), length: fc.option(fc.integer({ min: 0, max: 60 }), { freq: 4 }) })
    .map((r) => deal(r.account, r.partner, r.start, r.start === null || r.length === null ? null : r.start + r.length));
  const dealsArb = fc.array(dealArb, { maxLength: 40 });

  /** Every pair checked one by one. */
  function slowConflicts(deals: RegisteredDeal[]): [number, number][] {
    const pairs: [number, number][] = [];
    const window = (x: RegisteredDeal) => ({ start: x.registered!, end: x.protectedUntil ?? Infinity });
    for (let i = 0; i < deals.length; i++)
      for (let j = i + 1; j < deals.length; j++) {
        const [x, y] = [deals[i], deals[j]];
        if (x.registered === null || y.registered === null || !x.account || !y.account || !x.partner || !y.partner) continue;
        if (accountKey(x.account) !== accountKey(y.account) || x.partner.toLowerCase() === y.partner.toLowerCase()) continue;
        if (sharedDays(window(x), window(y))) pairs.push([i, j]);
      }
    return pairs;
  }
  const pairsOf = (deals: RegisteredDeal[]) => ok(dealConflicts(deals)).map((c) => [c.row, c.otherRow] as [number, number]);

  it("finds exactly the pairs a check of every pair finds", () => {
    fc.assert(fc.property(dealsArb, (deals) => {
      expect(pairsOf(deals)).toEqual(slowConflicts(deals));
    }));
  });

  it("is symmetric: the shared days and the pairs do not depend on the deals' order", () => {
    fc.assert(
      fc.property(dealsArb, (deals) => {
        const n = deals.length;
        const reversed = [...deals].reverse();
        const back = pairsOf(reversed).map(([i, j]) => [n - 1 - j, n - 1 - i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(back).toEqual(pairsOf(deals));
      }),
    );
    const windows = fc.record({ start: fc.integer({ min: 0, max: 50 }), end: fc.integer({ min: 50, max: 100 }) });
    fc.assert(fc.property(windows, windows, (a, b) => {
      expect(sharedDays(a, b)).toEqual(sharedDays(b, a));
    }));
  });

  it("finds none when every account is distinct, or when one partner registered them all", () => {
    fc.assert(
      fc.property(dealsArb, (deals) => {
        expect(pairsOf(deals.map((x, i) => ({ ...x, account: `account ${i}` })))).toEqual([]);
        expect(pairsOf(deals.map((x) => ({ ...x, partner: "P1" })))).toEqual([]);
      }),
    );
  });

  it("stops past the largest number of pairs it may report, without checking every pair", () => {
    // 4,000 open-ended deals of two partners on one account: 4 million pairs.
    const many = Array.from({ length: 4000 }, (_, i) => deal("A", i % 2 ? "P1" : "P2", 46000 + i, null));
    const started = performance.now();
    expect(failure(dealConflicts(many, { maxPairs: 1000 })).message).toBe(
      "accounts: more than 1,000 conflicting pairs of deals; check fewer deals at a time (one region or quarter).",
    );
    // 100,000 deals of one partner on one account overlap everywhere yet give no pair, quickly.
    const one = Array.from({ length: 100_000 }, (_, i) => deal("A", "P1", 46000 + (i % 300), null));
    expect(ok(dealConflicts(one))).toEqual([]);
    // A check of every pair would take minutes here.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe("lead SLA states", () => {
  const lead = (sent: number | null, accepted: number | null, slaDays: number | null = 2) => ({ sent, accepted, slaDays });
  it("tells on time, accepted late, overdue and open leads, in whole days", () => {
    const asOf = d(8, 10);
    const states = ok(
      leadStates(
        [
          lead(d(8, 1), d(8, 3)), // 2 days: on time
          lead(d(8, 1) + 0.9, d(8, 3) + 0.1), // times of day are ignored: still 2 days
          lead(d(8, 1), d(8, 4)), // 3 days: late
          lead(d(8, 7), null), // 3 days without acceptance: overdue
          lead(d(8, 8), null), // 2 days: still open
          lead(d(8, 12), null), // sent after as_of: open
          lead(null, null), // not sent
          lead(d(8, 10), d(8, 10), null), // blank SLA: the same day, on time
        ],
        asOf,
      ),
    );
    expect(states).toEqual(["On time", "On time", "Accepted late", "Overdue", "Open", "Open", null, "On time"]);
  });

  it("judges open leads on today by default", () => {
    const clock = () => Date.UTC(2026, 7, 10, 12);
    expect(ok(leadStates([lead(d(8, 7), null), lead(d(8, 8), null)], null, { clock }))).toEqual(["Overdue", "Open"]);
  });

  it("names the cell of an acceptance before the sending, and of a negative SLA", () => {
    expect(failure(leadStates([lead(d(8, 1), d(8, 2)), lead(d(8, 5), d(8, 3))], d(9, 1))).message).toBe(
      "accepted (item 2): accepted on 2026-08-03, before the lead was sent (2026-08-05).",
    );
    expect(failure(leadStates([lead(d(8, 1), null, -1)], d(9, 1))).message).toBe("sla_days (item 1): must not be negative, got -1.");
  });

  it("never calls a lead on time that took longer than its SLA, nor overdue within it", () => {
    const arb = fc.record({ sent: fc.integer({ min: 46000, max: 46100 }), wait: fc.option(fc.integer({ min: 0, max: 30 })), sla: fc.integer({ min: 0, max: 15 }), asOf: fc.integer({ min: 46000, max: 46200 }) });
    fc.assert(
      fc.property(arb, ({ sent, wait, sla, asOf }) => {
        const [state] = ok(leadStates([lead(sent, wait === null ? null : sent + wait, sla)], asOf));
        if (wait !== null) expect(state).toBe(wait <= sla ? "On time" : "Accepted late");
        else expect(state).toBe(asOf - sent > sla ? "Overdue" : "Open");
      }),
    );
  });
});

describe("attribution of won revenue", () => {
  const deal = (amount: number | null, source: string | null, outcome?: string | null) => ({ amount, source, outcome });
  it("splits won revenue by source", () => {
    const lines = ok(
      attribution([
        deal(50000, "Partner-sourced", "Won"),
        deal(30000, "partner influenced", "closed won"),
        deal(20000, "Vendor", "won"),
        deal(99000, "partner-sourced", "Lost"),
        deal(45000, "partner-sourced", "Open"),
        deal(25000, null, "Won"), // no source: the vendor's
        deal(12345, "influenced", null), // no outcome: not won
      ]),
    );
    expect(lines).toEqual([
      { source: "Partner-sourced", amount: 50000, share: 0.4 },
      { source: "Partner-influenced", amount: 30000, share: 0.24 },
      { source: "Vendor", amount: 45000, share: 0.36 },
      { source: "Total", amount: 125000, share: 1 },
    ]);
  });

  it("counts every amount without outcomes, and shows no share when nothing was won", () => {
    expect(ok(attribution([deal(10, "sourced"), deal(30, "direct")])).map((l) => l.share)).toEqual([0.25, 0, 0.75, 1]);
    expect(ok(attribution([deal(10, "sourced", "Lost")])).map((l) => l.share)).toEqual([null, null, null, null]);
  });

  it("names the cell of an unknown source or outcome, or a negative amount", () => {
    expect(failure(attribution([deal(1, "reseller")])).message).toBe('sources (item 1): expected one of "partner-sourced", "partner-influenced", "vendor", got "reseller".');
    expect(failure(attribution([deal(1, "vendor", "Wonn")])).message).toBe('outcomes (item 1): expected one of "Won", "Lost", "Open", got "Wonn".');
    expect(failure(attribution([deal(-1, "vendor")])).message).toBe("amounts (item 1): must not be negative, got -1.");
  });

  it("has shares that add up to 1 and amounts that add up to the total", () => {
    const arb = fc.array(fc.record({ amount: fc.integer({ min: 0, max: 1e6 }), source: fc.constantFrom("sourced", "influenced", "vendor", null), won: fc.boolean() }), { maxLength: 30 });
    fc.assert(
      fc.property(arb, (rows) => {
        const lines = ok(attribution(rows.map((r) => deal(r.amount, r.source, r.won ? "Won" : "Lost"))));
        const total = rows.filter((r) => r.won).reduce((s, r) => s + r.amount, 0);
        expect(lines[3].amount).toBe(total);
        expect(lines[0].amount + lines[1].amount + lines[2].amount).toBe(total);
        if (total > 0) expect(lines[0].share! + lines[1].share! + lines[2].share!).toBeCloseTo(1, 12);
      }),
    );
  });
});
