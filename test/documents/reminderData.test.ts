// What the documents claim, by customer type and level (DOMAIN sections 2 and 3), and what they
// list beside it (SPEC section 5).
import { describe, expect, it } from "vitest";
import type { InvoiceHistory } from "../../src/core/journalEntry";
import { formatEuros } from "../../src/core/money";
import { planRun, type PlanSource } from "../../src/core/plan";
import { DEFAULT_RATES } from "../../src/core/rates";
import { DEFAULT_POLICY } from "../../src/core/reminderPolicy";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { CreditNoteRecord, InvoiceRecord } from "../../src/core/trackingRecord";
import { reminderData, type ReminderData } from "../../src/documents/reminderData";
import { creditNote, customer, d, invoice } from "../core/records";
import { sampleReminders } from "./sampleReminders";

/** A history whose level dates are given level by level ({ 1: "2021-05-05", 2: "2021-05-20" }). */
function sent(dates: Readonly<Record<number, string>>, over: Partial<InvoiceHistory> = {}): InvoiceHistory {
  const levelDates = Object.fromEntries(Object.entries(dates).map(([level, iso]) => [level, d(iso)])) as InvoiceHistory["levelDates"];
  const last = Math.max(...Object.keys(dates).map(Number)) as 1 | 2 | 3;
  return { lastLevel: last, lastLevelDate: levelDates[last], levelDates, dispute: false, ...over };
}

/** The merge data of the one document planned on `asOf` for these invoices. */
function documentOf(invoices: InvoiceRecord[], histories: Record<string, InvoiceHistory>, asOf = "2021-06-15", creditNotes: CreditNoteRecord[] = []): ReminderData {
  const source: PlanSource = { invoices, creditNotes, rejected: [], rows: invoices.length, skipped: 0, warnings: [], histories: new Map(Object.entries(histories)) };
  const plan = planRun(source, { asOf: d(asOf), policy: DEFAULT_POLICY, rates: DEFAULT_RATES, splitByHalfYear: true });
  expect(plan.actions).toHaveLength(1);
  return reminderData(plan.actions[0]!, plan, DEFAULT_SETTINGS);
}

const numbers = (lines: readonly { numero: string }[]): string[] => lines.map((l) => l.numero);

// On 15/06/2021: A and B reached the formal notice (their reminders sent on different days), C is
// 10 days late (reminder 1), E was sent reminder 1 five days ago (nothing due), D falls due in 3
// days (its courtesy is due).
const tilleuls = customer("SCI Les Tilleuls");
const mixed = (): ReminderData =>
  documentOf(
    [
      invoice({ number: "A", customer: tilleuls, amount: 300000, dueDate: d("2021-04-30") }),
      invoice({ number: "B", customer: tilleuls, amount: 200000, dueDate: d("2021-05-10") }),
      invoice({ number: "C", customer: tilleuls, amount: 100000, dueDate: d("2021-06-05") }),
      invoice({ number: "D", customer: tilleuls, amount: 50000, dueDate: d("2021-06-18") }),
      invoice({ number: "E", customer: tilleuls, amount: 70000, dueDate: d("2021-05-31") }),
    ],
    {
      A: sent({ 1: "2021-05-05", 2: "2021-05-20" }),
      B: sent({ 1: "2021-05-12", 2: "2021-05-25" }),
      E: sent({ 1: "2021-06-10" }),
    },
  );

describe("reminder data", () => {
  it("a particulier's formal notice claims neither penalties nor EUR 40", async () => {
    const { data } = await sampleReminders();
    const castex = data.find((d) => d.raison_sociale === "M. Castex")!;
    expect(castex).toMatchObject({ niveau_numero: 3, reclame_penalites: false, penalites_applicables: false });
    expect(castex.total_du).toBe(castex.total_solde);
  });

  it("a particulier's injonction file claims the statutory interest run since the formal notice, without EUR 40", async () => {
    const { plan, settings } = await sampleReminders();
    const action = plan.actions.find((a) => a.level === 4)!;
    const claimed = action.claimed.map((invoice) => ({ ...invoice, penalties: 227, recoveryFee: 0 }));
    const customer = { ...action.customer, name: "M. Julien Roux", customerType: "particulier" as const };
    const consumer = { ...action, customer, claimed, penalties: 227, recoveryFee: 0 };
    const data = reminderData(consumer, plan, settings);
    expect(data.injonction).toMatchObject({ cerfa: "12948", penalites: formatEuros(227), indemnites: formatEuros(0) });
    expect(data.injonction!.montants.map((m) => m.libelle).join(" ")).not.toContain("Indemnit");
    expect(data.total_du).toBe(formatEuros(action.balance + 227));
  });
});

describe("what a formal notice claims and lists (SPEC section 5)", () => {
  it("claims only the invoices that reached it; the other overdue invoices follow outside the sum, none not yet due", () => {
    const data = mixed();
    expect(data.niveau_numero).toBe(3);
    expect(numbers(data.factures)).toEqual(["A", "B"]);
    expect(numbers(data.autres_factures).sort()).toEqual(["C", "E"]);
    expect(data).toMatchObject({ avec_autres_factures: true, nombre_factures: 2, nombre_autres_factures: 2 });
    expect(data.total_solde).toBe(formatEuros(500000));
    expect(data.total_autres_factures).toBe(formatEuros(170000));
    expect([...data.factures, ...data.autres_factures].map((f) => f.numero)).not.toContain("D");
  });

  it("computes penalties and EUR 40 on the claimed invoices only", () => {
    const data = mixed();
    const claimedPenalties = data.factures.reduce((sum, f) => sum + Math.round(Number(f.penalites.replace(/[^\d,]/g, "").replace(",", ".")) * 100), 0);
    expect(data.total_penalites).toBe(formatEuros(claimedPenalties));
    expect(data.totals).toEqual({ balance: 500000, penalties: claimedPenalties, fees: 8000 });
    expect(data.total_du).toBe(formatEuros(500000 + claimedPenalties + 8000));
    expect(data.solde_a_regler).toBe(data.total_du);
  });

  it("cites each claimed invoice's own reminder dates, never another invoice's", () => {
    const data = mixed();
    expect(data.date_relance_1).toBe("5 mai 2021 (facture A) et du 12 mai 2021 (facture B)");
    expect(data.date_relance_2).toBe("20 mai 2021 (facture A) et du 25 mai 2021 (facture B)");
    expect(data.date_relance_1).not.toContain("10/06/2021"); // E's reminder 1: E is not claimed
    expect(data.date_mise_en_demeure).toBe("");
  });

  it("cites one date when every claimed invoice shares it, and names the invoices when only some have it", () => {
    const shared = documentOf(
      [invoice({ number: "A", customer: tilleuls, dueDate: d("2021-04-30") }), invoice({ number: "B", customer: tilleuls, dueDate: d("2021-05-10") })],
      { A: sent({ 1: "2021-05-12", 2: "2021-05-25" }), B: sent({ 1: "2021-05-12", 2: "2021-05-25" }) },
    );
    expect([shared.date_relance_1, shared.date_relance_2]).toEqual(["12 mai 2021", "25 mai 2021"]);
    const partly = documentOf(
      [invoice({ number: "A", customer: tilleuls, dueDate: d("2021-04-30") }), invoice({ number: "B", customer: tilleuls, dueDate: d("2021-05-10") })],
      { A: sent({ 1: "2021-05-12", 2: "2021-05-25" }), B: sent({ 2: "2021-05-25" }) },
    );
    expect([partly.date_relance_1, partly.date_relance_2]).toEqual(["12 mai 2021 (facture A)", "25 mai 2021"]);
    const english = documentOf(
      [invoice({ number: "A", customer: customer("Thornton", { language: "en" }), dueDate: d("2021-04-30") }), invoice({ number: "B", customer: customer("Thornton", { language: "en" }), dueDate: d("2021-05-10") })],
      { A: sent({ 1: "2021-05-05", 2: "2021-05-25" }), B: sent({ 1: "2021-05-12", 2: "2021-05-25" }) },
    );
    expect(english.date_relance_1).toBe("5 May 2021 (invoice A) and of 12 May 2021 (invoice B)");
  });

  it("a reminder 2 asks for the balance; its penalties and fees are for information, outside it", () => {
    const data = documentOf([invoice({ number: "A", customer: tilleuls, dueDate: d("2021-04-30") })], { A: sent({ 1: "2021-05-05" }) });
    expect(data).toMatchObject({ niveau_numero: 2, reclame_penalites: false, penalites_pour_information: true, total_indemnites: formatEuros(4000) });
    expect(data.total_du).toBe(data.total_solde);
    expect(data.releve.solde_a_regler).toBe(data.total_solde);
  });
});

describe("the statement's data: every open item for what it is", () => {
  it("shows the invoices not yet due, on hold and outside the demand, with the balance to pay apart", () => {
    const data = mixed();
    const statement = data.releve;
    expect(numbers(statement.lignes)).toEqual(["A", "B", "E", "C", "D"]); // by due date
    expect(statement.lignes.map((l) => l.statut)).toEqual(["Échue depuis 46 jours", "Échue depuis 36 jours", "Échue depuis 15 jours", "Échue depuis 10 jours", "Non échue"]);
    expect(statement.total_solde).toBe(formatEuros(720000));
    expect(statement.solde_demande).toBe(data.total_solde);
    expect(statement.solde_a_regler).toBe(data.total_du);
    expect(statement.hors_demande).toBe(formatEuros(220000)); // C, D and E
    expect(statement.regime).toBe("entreprise");
  });

  it("says what a disputed, promised or awaited invoice is, in the customer's words", () => {
    const pro = customer("Atelier", { customerType: "architecte" });
    const data = documentOf(
      [
        invoice({ number: "LATE", customer: pro, dueDate: d("2021-05-31"), acceptanceDate: d("2021-05-01") }),
        invoice({ number: "LITIGE", customer: pro, dueDate: d("2021-05-31"), acceptanceDate: d("2021-05-01"), dispute: true }),
        invoice({ number: "PROMISE", customer: pro, dueDate: d("2021-05-31"), acceptanceDate: d("2021-05-01"), promiseDate: d("2021-06-20") }),
        invoice({ number: "PV", customer: pro, dueDate: d("2021-05-31") }),
      ],
      {},
    );
    expect(numbers(data.factures)).toEqual(["LATE"]);
    const status = new Map(data.releve.lignes.map((l) => [l.numero, l.statut]));
    expect(Object.fromEntries(status)).toEqual({
      LATE: "Échue depuis 15 jours",
      LITIGE: "En litige",
      PROMISE: "Promesse au 20/06/2021",
      PV: "En attente de la réception des travaux",
    });
    expect(data.releve.lignes.every((l) => !/Relance|Préventive/.test(l.statut))).toBe(true);
  });

  it("splits each balance into paid and credit notes, and gives a credit note naming no invoice a line of its own", () => {
    const data = documentOf(
      [invoice({ number: "A", customer: tilleuls, amount: 300000, paid: 100000, dueDate: d("2021-05-31") })],
      {},
      "2021-06-15",
      [creditNote({ number: "AV1", customer: tilleuls, amount: 20000, creditedInvoice: "A" }), creditNote({ number: "AV2", customer: tilleuls, amount: 5000, date: d("2021-06-01") })],
    );
    expect(data.releve.lignes[0]).toMatchObject({ montant: formatEuros(300000), paye: formatEuros(100000), avoirs: formatEuros(25000), solde: formatEuros(175000) });
    expect(data.releve.avoirs).toEqual([{ numero: "AV2", date: "01/06/2021", montant: formatEuros(-5000), statut: "Avoir imputé sur les factures les plus anciennes" }]);
    expect(data.releve.avoirs_non_imputes).toBe("");
  });

  it("names the public buyers' regime and the consumers'", () => {
    const mairie = documentOf([invoice({ customer: customer("Mairie", { customerType: "collectivite" }), dueDate: d("2021-05-31"), acceptanceDate: d("2021-05-01") })], {});
    expect(mairie.releve.regime).toBe("acheteur_public");
    const consumer = documentOf([invoice({ customer: customer("M. Roux", { customerType: "particulier" }), dueDate: d("2021-05-25") })], {});
    expect(consumer.releve.regime).toBe("particulier");
  });
});
