import { describe, expect, it } from "vitest";
import type { Day } from "../../src/core/day";
import type { InvoiceHistory } from "../../src/core/journalEntry";
import { planRun, plannedJournalEntries, type PlanOptions, type PlanSource } from "../../src/core/plan";
import { DEFAULT_RATES } from "../../src/core/rates";
import { DEFAULT_POLICY } from "../../src/core/reminderPolicy";
import type { ReminderLevel } from "../../src/core/reminderLevel";
import type { InvoiceRecord } from "../../src/core/trackingRecord";
import { customer, d, invoice } from "./records";

const history = (lastLevel: ReminderLevel, lastLevelDate: Day, over: Partial<InvoiceHistory> = {}): InvoiceHistory => ({
  lastLevel,
  lastLevelDate,
  levelDates: { [lastLevel]: lastLevelDate },
  dispute: false,
  ...over,
});
const source = (invoices: InvoiceRecord[], histories: Record<string, InvoiceHistory> = {}): PlanSource => ({
  invoices,
  creditNotes: [],
  rejected: [],
  rows: invoices.length,
  skipped: 0,
  warnings: [],
  histories: new Map(Object.entries(histories)),
});
const options = (asOf: string, over: Partial<PlanOptions> = {}): PlanOptions => ({
  asOf: d(asOf),
  policy: DEFAULT_POLICY,
  rates: DEFAULT_RATES,
  splitByHalfYear: true,
  ...over,
});

describe("the plan of a run", () => {
  it("reproduces SPEC section 10's example: reminder 2 by letter, with penalties and EUR 40", () => {
    const plan = planRun(
      source([invoice({ number: "F2021-014", amount: 420000, paid: 210000, invoiceDate: d("2021-03-02"), dueDate: d("2021-04-30") })], {
        "F2021-014": history(1, d("2021-05-05")),
      }),
      options("2021-06-15"),
    );
    expect(plan.invoices[0]).toMatchObject({ balance: 210000, daysOverdue: 46, nextLevel: 2, hold: null });
    expect(plan.actions).toHaveLength(1);
    // 2,100.00 x 10 % (ECB 0.00 + 10 points in 2021) x 46 / 365 = 26.47
    expect(plan.actions[0]).toMatchObject({ level: 2, stage: "reminder2", channel: "courrier", balance: 210000, penalties: 2647, recoveryFee: 4000 });
  });

  it("makes one document per customer at the highest level due, listing every open overdue invoice and none not yet due", () => {
    const tilleuls = customer("SCI Les Tilleuls");
    const plan = planRun(
      source(
        [
          invoice({ number: "A", customer: tilleuls, dueDate: d("2021-04-30") }),
          invoice({ number: "B", customer: customer("Les Tilleuls"), dueDate: d("2021-06-10") }),
          invoice({ number: "C", customer: tilleuls, dueDate: d("2021-06-14") }),
          invoice({ number: "D", customer: tilleuls, dueDate: d("2021-06-18") }),
          invoice({ number: "PAID", customer: tilleuls, dueDate: d("2021-01-31"), paid: 420000 }),
        ],
        { A: history(1, d("2021-05-05")) },
      ),
      options("2021-06-15"),
    );
    expect(plan.actions).toHaveLength(1);
    const action = plan.actions[0]!;
    expect(action.level).toBe(2);
    expect(action.invoices.map((i) => i.record.number).sort()).toEqual(["A", "B", "C"]);
    // A is due for reminder 2, B for reminder 1 (5 days late); C is within its grace. D's courtesy
    // was due, but a reminder 2 does not list an invoice not yet due: no line for it (SPEC section 5).
    expect(action.due.map((x) => [x.invoice.record.number, x.level])).toEqual([["A", 2], ["B", 1]]);
    expect(plannedJournalEntries(plan).map((e) => [e.invoice, e.level, e.channel])).toEqual([
      ["A", 2, "courrier"],
      ["B", 1, "courrier"],
    ]);
  });

  it("a courtesy put off by a reminder waits for another day: a plan again the same day has nothing to do", () => {
    const late = invoice({ number: "LATE", dueDate: d("2021-06-05") });
    const soon = invoice({ number: "SOON", dueDate: d("2021-06-18") });
    const first = planRun(source([late, soon]), options("2021-06-15"));
    expect(first.actions.map((a) => [a.level, a.invoices.map((i) => i.record.number)])).toEqual([[1, ["LATE"]]]);
    const again = planRun(source([late, soon], { LATE: history(1, d("2021-06-15")) }), options("2021-06-15"));
    expect(again.actions).toEqual([]);
    const nextDay = planRun(source([late, soon], { LATE: history(1, d("2021-06-15")) }), options("2021-06-16"));
    expect(nextDay.actions.map((a) => [a.level, a.invoices.map((i) => i.record.number)])).toEqual([[0, ["SOON"]]]);
  });

  it("journal lines name the document and the channel it actually went by", () => {
    const plan = planRun(source([invoice({ number: "R1" })]), options("2021-06-15"));
    const entries = plannedJournalEntries(plan, "Sarah", () => ({ reference: "courriers/relance-1-2021-06-15.docx", channel: "courrier" }));
    expect(entries).toEqual([
      expect.objectContaining({ invoice: "R1", level: 1, channel: "courrier", reference: "courriers/relance-1-2021-06-15.docx", user: "Sarah" }),
    ]);
  });

  it("a courtesy document lists only the invoices whose courtesy is due, without penalties", () => {
    const plan = planRun(source([invoice({ number: "X", dueDate: d("2021-06-18") })]), options("2021-06-15"));
    expect(plan.actions[0]).toMatchObject({ level: 0, stage: "courtesy", channel: "email", penalties: 0, recoveryFee: 0 });
  });

  it("leaves out invoices on hold, and says why", () => {
    const plan = planRun(
      source([
        invoice({ number: "DISPUTED", dispute: true }),
        invoice({ number: "PROMISED", promiseDate: d("2021-06-20") }),
        invoice({ number: "ARCHI", customer: customer("Cabinet Archi", { customerType: "architecte" }) }),
      ]),
      options("2021-06-15"),
    );
    expect(plan.actions).toHaveLength(0);
    expect(plan.invoices.map((i) => i.hold)).toEqual(["dispute", "promise", "awaiting_acceptance"]);
  });

  it("an open dispute in the journal holds the invoice too", () => {
    const plan = planRun(source([invoice({ number: "J" })], { J: history(1, d("2021-05-05"), { dispute: true }) }), options("2021-06-15"));
    expect(plan.invoices[0]!.hold).toBe("dispute");
  });

  it("a particulier owes no penalties nor recovery fee", () => {
    const plan = planRun(source([invoice({ number: "P", customer: customer("M. Martin", { customerType: "particulier" }) })]), options("2021-06-15"));
    expect(plan.actions[0]).toMatchObject({ level: 1, penalties: 0, recoveryFee: 0 });
  });

  it("a particulier owes statutory interest (TIL autres cas) from the formal notice on, still no recovery fee", () => {
    // DOMAIN section 3: EUR 1,000, mise en demeure 2025-10-10, reference 2025-11-09: 30 days at 2.76 % = EUR 2.27.
    const martin = customer("M. Martin", { customerType: "particulier" });
    const plan = planRun(
      source([invoice({ number: "P", customer: martin, amount: 100000, invoiceDate: d("2025-08-01"), dueDate: d("2025-09-01") })], {
        P: history(3, d("2025-10-10"), { levelDates: { 1: d("2025-09-15"), 2: d("2025-09-25"), 3: d("2025-10-10") } }),
      }),
      options("2025-11-09"),
    );
    expect(plan.invoices[0]).toMatchObject({ penalties: 227, recoveryFee: 0 });
    expect(plan.actions[0]).toMatchObject({ level: 4, penalties: 227, recoveryFee: 0 });
  });

  it("a particulier owes no interest before the formal notice, however late", () => {
    const martin = customer("M. Martin", { customerType: "particulier" });
    const plan = planRun(
      source([invoice({ number: "P", customer: martin, amount: 100000, invoiceDate: d("2025-08-01"), dueDate: d("2025-09-01") })], {
        P: history(2, d("2025-09-25")),
      }),
      options("2025-11-09"),
    );
    expect(plan.actions[0]).toMatchObject({ level: 3, penalties: 0, recoveryFee: 0 });
  });

  it("a forced level applies to the customer's open overdue invoices, whatever the policy says", () => {
    const plan = planRun(
      source([invoice({ number: "F1", dueDate: d("2021-06-14") })]),
      options("2021-06-15", { forcedLevels: new Map([["sci les tilleuls", 3 as ReminderLevel]]) }),
    );
    expect(plan.actions[0]).toMatchObject({ level: 3, forced: true });
    expect(plan.actions[0]!.due.map((x) => x.level)).toEqual([3]);
  });

  it("says penalties are unknown rather than guessing when a half-year's rate is missing", () => {
    const plan = planRun(source([invoice({ number: "LATE", dueDate: d("2026-06-15") })]), options("2026-08-01"));
    expect(plan.actions[0]!.penalties).toBeNull();
    expect(plan.warnings.some((w) => /Pénalités non calculées.*2d semestre 2026/.test(w))).toBe(true);
  });

  it("counts rows as read, used, skipped and rejected", () => {
    const plan = planRun(
      { ...source([invoice()]), rows: 4, skipped: 2, rejected: [{ sheet: "Suivi", row: 9, column: "Date facture", value: "31/02/2021", message: "…" }] },
      options("2021-06-15"),
    );
    expect(plan.counts).toEqual({ rows: 4, invoices: 1, creditNotes: 0, skipped: 2, rejected: 1 });
  });
});

describe("the demand of an action (claimed)", () => {
  // A was sent reminder 2 ten days ago or more and is 46 days late: formal notice. B is 5 days late: reminder 1.
  const tilleuls = customer("SCI Les Tilleuls");
  const mixed = () =>
    planRun(
      source(
        [
          invoice({ number: "A", customer: tilleuls, amount: 300000, dueDate: d("2021-04-30") }),
          invoice({ number: "B", customer: tilleuls, amount: 100000, dueDate: d("2021-06-10") }),
        ],
        { A: history(2, d("2021-05-20")) },
      ),
      options("2021-06-15"),
    );

  it("a formal notice claims only the invoices that reached that level; the others are listed outside the sum", () => {
    const action = mixed().actions[0]!;
    expect(action.level).toBe(3);
    expect(action.invoices.map((i) => i.record.number).sort()).toEqual(["A", "B"]);
    expect(action.claimed.map((i) => i.record.number)).toEqual(["A"]);
    const a = action.claimed[0]!;
    expect(action).toMatchObject({ balance: 300000, penalties: a.penalties, recoveryFee: 4000 });
  });

  it("a forced formal notice claims every invoice it applies to", () => {
    const plan = planRun(
      source([invoice({ number: "F1", dueDate: d("2021-06-01") }), invoice({ number: "F2", dueDate: d("2021-06-10") })]),
      options("2021-06-15", { forcedLevels: new Map([["SCI Les Tilleuls", 3 as ReminderLevel]]) }),
    );
    expect(plan.actions[0]!.claimed.map((i) => i.record.number)).toEqual(["F1", "F2"]);
    expect(plan.actions[0]!.balance).toBe(840000);
  });

  it("a reminder 2 claims every invoice it lists", () => {
    const plan = planRun(
      source(
        [invoice({ number: "A", customer: tilleuls, dueDate: d("2021-04-30") }), invoice({ number: "B", customer: tilleuls, dueDate: d("2021-06-10") })],
        { A: history(1, d("2021-05-05")) },
      ),
      options("2021-06-15"),
    );
    const action = plan.actions[0]!;
    expect(action.level).toBe(2);
    expect(action.claimed).toEqual(action.invoices);
    expect(action.balance).toBe(840000);
  });
});

describe("prescription in the plan", () => {
  it("warns of an open invoice whose prescription is within 6 months of the reference date, or past", () => {
    const plan = planRun(
      source([
        invoice({ row: 4, number: "NEAR", customer: customer("Dupont"), dueDate: d("2021-10-31") }),
        invoice({ row: 5, number: "PAST", customer: customer("Martin", { customerType: "particulier" }), dueDate: d("2024-02-29") }),
        invoice({ row: 6, number: "FAR", customer: customer("Durand"), dueDate: d("2022-01-31") }),
        invoice({ row: 7, number: "PAID", customer: customer("Dupont"), dueDate: d("2015-01-31"), paid: 420000 }),
      ]),
      options("2026-06-30"),
    );
    const prescriptions = plan.warnings.filter((w) => w.includes("prescription"));
    expect(prescriptions).toEqual([
      expect.stringMatching(/^Suivi ligne 4 : facture «NEAR» de «Dupont» : prescription le 31\/10\/2026 .* \/ invoice NEAR of Dupont/),
      expect.stringMatching(/^Suivi ligne 5 : facture «PAST» de «Martin» : prescription acquise, délai expiré le 28\/02\/2026 .* \/ invoice PAST/),
    ]);
  });
});

describe("invoice numbers in the plan", () => {
  it("match the journal's history however the number is spelled", () => {
    const plan = planRun(
      source([invoice({ number: "n° cs-1", amount: 420000, dueDate: d("2021-04-30") })], { "CS-1": history(1, d("2021-05-05")) }),
      options("2021-06-15"),
    );
    expect(plan.invoices[0]).toMatchObject({ nextLevel: 2, balance: 420000 });
  });
});

describe("the channel of an action", () => {
  it("an e-mail without a valid address goes as a letter, and the plan says so", () => {
    const plan = planRun(
      source([
        invoice({ number: "A", customer: customer("Boulangerie Fournil", { email: undefined }), dueDate: d("2021-06-01") }),
        invoice({ number: "B", customer: customer("Garage Moreau", { email: "garage@moreau" }), dueDate: d("2021-06-01") }),
        invoice({ number: "C", customer: customer("Dupont", { email: "compta@dupont.fr" }), dueDate: d("2021-06-01") }),
      ]),
      options("2021-06-15"),
    );
    const channels = Object.fromEntries(plan.actions.map((a) => [a.customer.name, a.channel]));
    expect(channels).toEqual({ "Boulangerie Fournil": "courrier", "Garage Moreau": "courrier", Dupont: "email" });
    expect(plan.warnings.filter((w) => w.includes("pas d'adresse e-mail valide"))).toEqual([
      "«Boulangerie Fournil» : pas d'adresse e-mail valide («») ; la relance 1 part par courrier / no valid e-mail address: sent as a letter",
      "«Garage Moreau» : pas d'adresse e-mail valide («garage@moreau») ; la relance 1 part par courrier / no valid e-mail address: sent as a letter",
    ]);
  });
});

describe("the order of the plan", () => {
  it("lists invoices by sheet name, then row, whatever the customers' order", () => {
    const rows: [string, number, string][] = [["Suivi", 9, "B"], ["Archives", 4, "A"], ["Suivi", 3, "A"], ["Archives", 12, "B"], ["Été", 2, "A"]];
    const plan = planRun(
      source(rows.map(([sheet, row, name], i) => invoice({ sheet, row, number: `O${i}`, customer: customer(name) }))),
      options("2021-06-15"),
    );
    expect(plan.invoices.map((p) => `${p.record.sheet}:${p.record.row}`)).toEqual(["Archives:4", "Archives:12", "Suivi:3", "Suivi:9", "Été:2"]);
  });

  it("orders actions of one level by customer name as French sorts it", () => {
    const names = ["Émile", "eric", "Zoé", "Ecole", "éa", "Æther", "Dupont", "dupond", "Ôde", "Oscar"];
    const plan = planRun(source(names.map((name, i) => invoice({ number: `N${i}`, customer: customer(name) }))), options("2021-06-15"));
    const expected = [...names].sort((a, b) => a.localeCompare(b, "fr"));
    expect(plan.actions.map((a) => a.customer.name)).toEqual(expected);
  });
});
