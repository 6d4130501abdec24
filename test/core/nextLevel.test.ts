import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dayFromIso, type Day } from "../../src/core/day";
import { nextLevel, type InvoiceReminderState } from "../../src/core/nextLevel";
import { DEFAULT_POLICY, byAgeThresholds } from "../../src/core/reminderPolicy";
import type { ReminderLevel } from "../../src/core/reminderLevel";

const d = (iso: string): Day => dayFromIso(iso)!;
const due = d("2021-04-30");
const invoice = (over: Partial<InvoiceReminderState> = {}): InvoiceReminderState => ({
  dueDate: due,
  balance: 210000,
  customerType: "professionnel",
  ...over,
});

describe("courtesy reminder (level 0)", () => {
  it("is due 1 to 5 days before the due date when nothing was sent", () => {
    expect(nextLevel(invoice(), d("2021-04-25")).level).toBe(0);
    expect(nextLevel(invoice(), d("2021-04-29")).level).toBe(0);
  });
  it("is not due 6 days before, nor on the due date itself", () => {
    expect(nextLevel(invoice(), d("2021-04-24")).level).toBeNull();
    expect(nextLevel(invoice(), d("2021-04-30")).level).toBeNull();
  });
  it("is not sent again once a reminder exists", () => {
    expect(nextLevel(invoice({ lastLevel: 0, lastLevelDate: d("2021-04-26") }), d("2021-04-28")).level).toBeNull();
  });
});

describe("reminder 1", () => {
  it("a professionnel gets 3 days of grace", () => {
    expect(nextLevel(invoice(), d("2021-05-02")).level).toBeNull();
    expect(nextLevel(invoice(), d("2021-05-03")).level).toBe(1);
  });
  it("a particulier gets 14 days of grace", () => {
    const particulier = invoice({ customerType: "particulier" });
    expect(nextLevel(particulier, d("2021-05-13")).level).toBeNull();
    expect(nextLevel(particulier, d("2021-05-14")).level).toBe(1);
  });
  it("follows a courtesy reminder", () => {
    expect(nextLevel(invoice({ lastLevel: 0, lastLevelDate: d("2021-04-27") }), d("2021-05-10")).level).toBe(1);
  });
  it("reports the days late from the due date", () => {
    expect(nextLevel(invoice(), d("2021-06-15")).daysLate).toBe(46);
  });
});

describe("reminder 2 and the formal notice", () => {
  it("reminder 2 comes 10 days after reminder 1, not before", () => {
    const after1 = invoice({ lastLevel: 1, lastLevelDate: d("2021-05-05") });
    expect(nextLevel(after1, d("2021-05-14")).level).toBeNull();
    expect(nextLevel(after1, d("2021-05-15")).level).toBe(2);
  });
  it("the formal notice needs 10 days after reminder 2 and 30 days late", () => {
    const after2 = invoice({ lastLevel: 2, lastLevelDate: d("2021-05-15") });
    expect(nextLevel(after2, d("2021-05-24")).level).toBeNull();
    expect(nextLevel(after2, d("2021-05-25")).level).toBeNull(); // 25 days late only
    expect(nextLevel(after2, d("2021-05-30")).level).toBe(3);
  });
  it("the injunction comes 8 days after the formal notice", () => {
    const after3 = invoice({ lastLevel: 3, lastLevelDate: d("2021-06-01") });
    expect(nextLevel(after3, d("2021-06-08")).level).toBeNull();
    expect(nextLevel(after3, d("2021-06-09")).level).toBe(4);
  });
  it("nothing follows the injunction", () => {
    expect(nextLevel(invoice({ lastLevel: 4, lastLevelDate: d("2021-06-10") }), d("2022-01-01")).level).toBeNull();
  });
});

describe("holds", () => {
  it("a balance under EUR 1 counts as paid", () => {
    expect(nextLevel(invoice({ balance: 99 }), d("2021-06-15"))).toMatchObject({ level: null, hold: "paid" });
    expect(nextLevel(invoice({ balance: 100 }), d("2021-06-15")).hold).toBeNull();
  });
  it("an open dispute holds every reminder", () => {
    expect(nextLevel(invoice({ dispute: true }), d("2021-06-15"))).toMatchObject({ level: null, hold: "dispute" });
  });
  it("a promise on or after the reference date holds", () => {
    expect(nextLevel(invoice({ promiseDate: d("2021-06-15") }), d("2021-06-15"))).toMatchObject({ level: null, hold: "promise" });
  });
  it("a promise that has passed unpaid releases the hold and is flagged broken", () => {
    const decision = nextLevel(invoice({ promiseDate: d("2021-06-14") }), d("2021-06-15"));
    expect(decision).toMatchObject({ level: 1, hold: null, brokenPromise: true });
  });
  it("an architect without acceptance report is awaiting acceptance", () => {
    expect(nextLevel(invoice({ customerType: "architecte" }), d("2021-06-15")).hold).toBe("awaiting_acceptance");
  });
  it("the clock of a developer starts at the later of due date and acceptance report", () => {
    const withPv = invoice({ customerType: "promoteur", acceptanceDate: d("2021-06-01") });
    expect(nextLevel(withPv, d("2021-06-03")).level).toBeNull();
    expect(nextLevel(withPv, d("2021-06-04")).level).toBe(1);
    expect(nextLevel(withPv, d("2021-06-04")).daysLate).toBe(3);
  });
  it("a public body with an earlier acceptance report counts from the due date", () => {
    const early = invoice({ customerType: "collectivite", acceptanceDate: d("2021-03-01") });
    expect(nextLevel(early, d("2021-05-03")).level).toBe(1);
  });
  it("the acceptance rule is a setting", () => {
    const policy = { ...DEFAULT_POLICY, waitForAcceptanceReport: false };
    expect(nextLevel(invoice({ customerType: "architecte" }), d("2021-05-03"), policy).level).toBe(1);
  });
});

describe("escalation by age", () => {
  const policy = { ...DEFAULT_POLICY, escalation: "byAge" as const };
  it("jumps to the highest level whose threshold the days late have passed", () => {
    const [, , formalNotice] = byAgeThresholds(policy, "professionnel");
    expect(nextLevel(invoice(), due + formalNotice, policy).level).toBe(3);
    expect(nextLevel(invoice(), due + formalNotice - 1, policy).level).toBe(2);
  });
  it("never goes back to a level already sent", () => {
    expect(nextLevel(invoice({ lastLevel: 3, lastLevelDate: due + 31 }), due + 32, policy).level).toBeNull();
  });
});

describe("properties", () => {
  const level = fc.constantFrom<ReminderLevel | undefined>(undefined, 0, 1, 2, 3, 4);
  it("sequential escalation moves at most one level up", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), level, fc.integer({ min: 0, max: 400 }), (late, last, since) => {
        const today = due + late;
        const decision = nextLevel(invoice({ lastLevel: last, lastLevelDate: last === undefined ? undefined : today - since }), today);
        if (decision.level !== null && last !== undefined) expect(decision.level).toBe(last + 1);
      }),
    );
  });
  it("a paid or disputed invoice is never reminded", () => {
    fc.assert(
      fc.property(fc.integer({ min: -60, max: 400 }), fc.boolean(), fc.integer({ min: -100000, max: 99 }), (offset, dispute, balance) => {
        const state = dispute ? invoice({ dispute }) : invoice({ balance });
        expect(nextLevel(state, due + offset).level).toBeNull();
      }),
    );
  });
});
