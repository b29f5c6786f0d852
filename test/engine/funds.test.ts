import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUND_STATES, type FundRequest, type FundState, fundBalances, mdfRoi, pipelinePerActivity } from "../../engine/funds";
import { failure, ok } from "./support";

const request = (requested: number, approved: number | null, claimed: number | null, paid: number | null, state?: FundState | null): FundRequest => ({
  requested,
  approved,
  claimed,
  paid,
  state,
});

/** Amounts in cents, as money is kept. */
const cents = fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100);

describe("fund balances", () => {
  it("add up a fund's requests: pending until approved, available = allocated − approved − pending, utilisation = paid / allocated", () => {
    const requests = [
      request(12000, 12000, 10000, 10000), // approved in full, claimed 10,000, paid
      request(8000, 6000, 6000, null), // approved 6,000 of 8,000, claimed, not yet paid
      request(5000, null, null, null), // waiting for a decision
    ];
    expect(ok(fundBalances([50000], requests))).toEqual({
      allocated: 50000,
      requested: 25000,
      pending: 5000,
      approved: 18000,
      claimed: 16000,
      paid: 10000,
      available: 50000 - 18000 - 5000,
      utilisation: 10000 / 50000,
    });
  });

  it("follow the states: a draft is no request yet, a rejected request is requested but not pending", () => {
    const requests = [
      request(12000, 12000, 10000, 10000, "Paid"),
      request(8000, 6000, 6000, null, "Claimed"),
      request(3000, 3000, null, null, "Approved"),
      request(5000, null, null, null, "Submitted"),
      request(9000, 0, null, null, "Rejected"),
      request(4000, null, null, null, "Draft"),
    ];
    const b = ok(fundBalances([30000, 20000], requests));
    expect(b.requested).toBe(12000 + 8000 + 3000 + 5000 + 9000);
    expect(b.pending).toBe(5000);
    expect(b.approved).toBe(21000);
    expect(b.available).toBe(50000 - 21000 - 5000);
    // Without states the rejected and the draft request, having no approval, would be pending.
    expect(ok(fundBalances([50000], requests.map((r) => ({ ...r, state: null })))).pending).toBe(5000 + 9000 + 4000);
  });

  it("have no utilisation without an allocation, and nothing to add up without requests", () => {
    expect(ok(fundBalances([null], []))).toEqual({ allocated: 0, requested: 0, pending: 0, approved: 0, claimed: 0, paid: 0, available: 0, utilisation: null });
    expect(ok(fundBalances([], [request(500, null, null, null, "Draft")])).utilisation).toBeNull();
  });

  it("refuse a claim above its approval, a payment above its claim, an approval above its request, naming the request", () => {
    expect(failure(fundBalances([50000], [request(100, 100, 100, 100), request(5000, 4000, 4500, null)])).message).toBe(
      "claimed (item 2): claims 4500, more than its approval of 4000 (approved (item 2)).",
    );
    expect(failure(fundBalances([50000], [request(5000, 4000, 3000, 3500)])).message).toBe("paid (item 1): pays 3500, more than its claim of 3000 (claimed (item 1)).");
    expect(failure(fundBalances([50000], [request(5000, 6000, null, null)])).message).toBe(
      "approved (item 1): approves 6000, more than its request of 5000 (requested (item 1)).",
    );
    expect(failure(fundBalances([50000], [request(5000, null, 100, null)])).message).toBe("claimed (item 1): claims 100, more than its approval of 0 (approved (item 1)).");
    expect(failure(fundBalances([50000], [request(-5, null, null, null)])).message).toBe("requested (item 1): must not be negative, got -5.");
    expect(failure(fundBalances([-1], [])).message).toBe("allocated (item 1): must not be negative, got -1.");
  });

  it("refuse states that contradict the amounts", () => {
    expect(failure(fundBalances([50000], [request(5000, 5000, null, null, "Submitted")])).message).toBe(
      "approved (item 1): a Submitted request has no approved amount, got 5000; set its state to Approved, Claimed or Paid.",
    );
    expect(failure(fundBalances([50000], [request(5000, null, null, null, "Paid")])).message).toBe(
      "approved (item 1): a Paid request needs its approved amount (above 0), got a blank or 0.",
    );
    expect(failure(fundBalances([50000], [request(5000, 100, null, null, "Rejected")])).code).toBe("#VALUE!");
  });

  it("refuse balances below zero: approvals and pending requests beyond the allocation", () => {
    const e = failure(fundBalances([10000], [request(6000, 6000, null, null), request(5000, null, null, null)]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      "allocated: approved (6000) and pending (5000) requests come to 11000, more than the 10000 allocated; raise the allocation or decline requests.",
    );
    // Cents added in floating point that land exactly on the allocation are not over it.
    expect(ok(fundBalances([0.3], [request(0.1, 0.1, null, null), request(0.2, 0.2, null, null)])).available).toBe(0);
  });

  // ---- The ledger's identities, over random valid ledgers -------------------------------------

  /** A request consistent with its state (or without one), built from the amount down. */
  const validRequest = fc
    .record({ state: fc.constantFrom<FundState | null>(null, ...FUND_STATES), requested: fc.integer({ min: 1, max: 1_000_000 }), shares: fc.tuple(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })) })
    .map(({ state, requested, shares: [a, c, p] }): FundRequest => {
      const undecided = state === "Draft" || state === "Submitted" || state === "Rejected" || (state === null && a < 0.3);
      if (undecided) return request(requested, null, null, null, state);
      const approved = Math.max(1, Math.floor(requested * a));
      const claimed = Math.floor(approved * c);
      return request(requested, approved, claimed, Math.floor(claimed * p), state);
    });
  const ledger = fc.record({ requests: fc.array(validRequest, { maxLength: 30 }), slack: cents });
  const committed = (requests: readonly FundRequest[]) =>
    requests.reduce((s, r) => s + (r.state === "Draft" ? 0 : (r.approved ?? 0) > 0 ? (r.approved as number) : r.state === "Rejected" ? 0 : r.requested ?? 0), 0);

  it("keep available = allocated − approved − pending ≥ 0, requested ≥ pending + approved ≥ claimed + 0 ≥ paid, and 0 ≤ utilisation ≤ 1", () => {
    fc.assert(
      fc.property(ledger, ({ requests, slack }) => {
        const allocated = committed(requests) + slack;
        const b = ok(fundBalances([allocated], requests));
        expect(b.available).toBeCloseTo(b.allocated - b.approved - b.pending, 6);
        expect(b.available).toBeGreaterThanOrEqual(0);
        expect(b.requested).toBeGreaterThanOrEqual(b.pending + b.approved - 1e-6);
        expect(b.approved).toBeGreaterThanOrEqual(b.claimed);
        expect(b.claimed).toBeGreaterThanOrEqual(b.paid);
        expect(b.paid).toBeGreaterThanOrEqual(0);
        if (b.allocated > 0) {
          expect(b.utilisation).toBeCloseTo(b.paid / b.allocated, 12);
          expect(b.utilisation).toBeLessThanOrEqual(1);
        } else expect(b.utilisation).toBeNull();
      }),
    );
  });

  it("do not depend on the order of the requests", () => {
    fc.assert(
      fc.property(ledger, fc.integer(), ({ requests, slack }, seed) => {
        const allocated = committed(requests) + slack;
        const shuffled = [...requests].sort((x, y) => ((x.requested! * 7919 + seed) % 101) - ((y.requested! * 7919 + seed) % 101));
        const a = ok(fundBalances([allocated], requests));
        const b = ok(fundBalances([allocated], shuffled));
        // Whole amounts add up exactly in any order.
        expect(b).toEqual(a);
      }),
    );
  });

  it("go below zero only with a #VALUE! naming the allocation", () => {
    fc.assert(
      fc.property(ledger.filter(({ requests }) => committed(requests) > 1), fc.double({ min: 0, max: 0.999, noNaN: true }), ({ requests }, share) => {
        const e = failure(fundBalances([Math.floor(committed(requests) * share)], requests));
        expect(e.code).toBe("#VALUE!");
        expect(e.message.startsWith("allocated: ")).toBe(true);
      }),
    );
  });

  it("refuse any claim above its approval and any payment above its claim, naming that request", () => {
    fc.assert(
      fc.property(ledger.filter(({ requests }) => requests.length > 0), fc.nat(), fc.boolean(), fc.integer({ min: 1, max: 1000 }), ({ requests, slack }, pick, onClaim, extra) => {
        const i = pick % requests.length;
        const r = requests[i];
        const broken = [...requests];
        broken[i] = onClaim ? { ...r, claimed: (r.approved ?? 0) + extra, paid: null } : { ...r, paid: (r.claimed ?? 0) + extra };
        const e = failure(fundBalances([committed(requests) + slack], broken));
        expect(e.code).toBe("#VALUE!");
        expect(e.message.startsWith(`${onClaim ? "claimed" : "paid"} (item ${i + 1}): `)).toBe(true);
      }),
    );
  });

  it("free what an approval leaves of its request, and count a draft nowhere", () => {
    fc.assert(
      fc.property(ledger, fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0.01, max: 1, noNaN: true }), ({ requests, slack }, amount, share) => {
        const allocated = committed(requests) + amount + slack;
        const before = ok(fundBalances([allocated], [...requests, request(amount, null, null, null, "Submitted")]));
        const approved = Math.max(1, Math.floor(amount * share));
        const after = ok(fundBalances([allocated], [...requests, request(amount, approved, null, null, "Approved")]));
        expect(after.available - before.available).toBeCloseTo(amount - approved, 6);
        expect(after.requested).toBe(before.requested);
        const drafted = ok(fundBalances([allocated], [...requests, request(amount, null, null, null, "Draft")]));
        expect(drafted).toEqual(ok(fundBalances([allocated], requests)));
      }),
    );
  });
});

describe("return on funds and pipeline per funded activity", () => {
  it("return on funds is (won − paid) / paid over the totals; nothing paid is #DIV/0!", () => {
    expect(mdfRoi([250000, 90000, null], [20000, 10000, 5000])).toBeCloseTo((340000 - 35000) / 35000, 12);
    expect(mdfRoi([35000], [35000])).toBe(0);
    expect(mdfRoi([0], [1000])).toBe(-1);
    expect(failure(mdfRoi([1000], [null, 0])).code).toBe("#DIV/0!");
    expect(failure(mdfRoi([-1], [10])).message).toBe("won_revenue (item 1): must not be negative, got -1.");
  });

  it("pipeline per funded activity leaves unfunded activities out", () => {
    expect(pipelinePerActivity([400000, 150000, 60000], [20000, null, 8000])).toBe(230000);
    expect(failure(pipelinePerActivity([400000], [0])).code).toBe("#DIV/0!");
    expect(failure(pipelinePerActivity([1, 2], [1])).message).toBe("funds: expected as many cells as pipeline (2), got 1.");
  });

  it("return on funds rises with revenue and falls with spend", () => {
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 10 }), fc.array(cents, { minLength: 1, maxLength: 10 }), cents, (won, paid, more) => {
        fc.pre(paid.some((p) => p > 0));
        const roi = ok(mdfRoi(won, paid));
        const slack = 1e-12 * (1 + Math.abs(roi));
        expect(ok(mdfRoi([...won, more], paid))).toBeGreaterThanOrEqual(roi - slack);
        expect(ok(mdfRoi(won, [...paid, more]))).toBeLessThanOrEqual(roi + slack);
        // Revenue per 1 of funds is the return plus one.
        const revenue = won.reduce((s, x) => s + x, 0);
        const spent = paid.reduce((s, x) => s + x, 0);
        // (to a few units in the last place: a large ratio leaves no decimals to compare)
        expect(Math.abs(roi + 1 - revenue / spent)).toBeLessThanOrEqual(1e-12 * Math.max(1, revenue / spent));
      }),
    );
  });
});
