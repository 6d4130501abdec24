// « Déjà payé »: the invoice is held while the announced payment is matched, the payment entered
// in the tracking sheet ends the hold, and after the matching delay the hold lapses with the flag
// « paiement annoncé non reçu ». The journal line is SPEC section 4's, typed by hand or written.
import { describe, expect, it } from "vitest";
import { announcedPaymentOf, isAnnouncedPaymentNote } from "../../src/core/announcedPayment";
import type { CellValue } from "../../src/core/cellValue";
import { dayToExcelSerial } from "../../src/core/day";
import { parseJournalRows } from "../../src/core/journal";
import { journalLine, newJournalEntries } from "../../src/core/journalAppend";
import { JOURNAL_COLUMNS, type JournalEntry } from "../../src/core/journalEntry";
import { invoiceHistories } from "../../src/core/invoiceHistories";
import { planRun, type Plan } from "../../src/core/plan";
import { planToJson } from "../../src/core/planJson";
import { invoiceJsonText } from "../../src/core/planJsonText";
import { DEFAULT_RATES } from "../../src/core/rates";
import { DEFAULT_POLICY, type ReminderPolicy } from "../../src/core/reminderPolicy";
import { settingsFromRows } from "../../src/core/settingsFromRows";
import { settingsToRows } from "../../src/core/settingsToRows";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { d, invoice } from "./records";

// Reminder 1 went on 5 May; on 30 June the customer answers that they paid on 28 June.
const R1 = ["05/05/2021", "SCI Les Tilleuls", "F-T1", "Relance 1", "email", "", "", "", "", ""];
const DEJA_PAYE = ["30/06/2021", "SCI Les Tilleuls", "F-T1", "", "email", "AAMk1", "28/06/2021", "", "déjà payé / already paid le 28/06/2021, réf. VIR 88", "Marie"];

function journal(...lines: readonly (readonly CellValue[])[]): JournalEntry[] {
  const reading = parseJournalRows([JOURNAL_COLUMNS, ...lines].map((cells, i) => ({ row: i + 1, cells })));
  expect(reading.rejected).toEqual([]);
  return reading.entries;
}

function planOf(entries: readonly JournalEntry[], asOf: string, paid = 0, policy: ReminderPolicy = DEFAULT_POLICY): Plan {
  const record = invoice({ number: "F-T1", amount: 420000, paid, dueDate: d("2021-04-30") });
  return planRun(
    { invoices: [record], creditNotes: [], rejected: [], rows: 1, skipped: 0, warnings: [], histories: invoiceHistories(entries) },
    { asOf: d(asOf), policy, rates: DEFAULT_RATES, splitByHalfYear: true },
  );
}

describe("« déjà payé » in the journal", () => {
  it("reads a Promesse on or before the Date, with a Note beginning « déjà payé », as the announced payment date", () => {
    const [line] = journal(DEJA_PAYE);
    expect(line).toMatchObject({ announcedPayment: d("2021-06-28"), promiseDate: undefined, reference: "AAMk1" });
  });

  it("reads a line typed by hand the same: Excel dates, « Déjà réglé », no reference", () => {
    const typed = [dayToExcelSerial(d("2021-06-30")), "SCI Les Tilleuls", "f-t1", "", "téléphone", "", dayToExcelSerial(d("2021-06-28")), "", "Déjà réglé, virement du 28", ""];
    const [byHand] = journal(typed);
    const [byPane] = journal(DEJA_PAYE);
    expect(byHand!.announcedPayment).toBe(byPane!.announcedPayment);
    expect(planOf([byHand!], "2021-07-05").invoices[0]!.hold).toBe("payment_announced");
  });

  it("takes the line's Date as the payment date when Promesse is blank", () => {
    const [line] = journal(["30/06/2021", "SCI Les Tilleuls", "F-T1", "", "", "", "", "", "Already paid", ""]);
    expect(line!.announcedPayment).toBe(d("2021-06-30"));
  });

  it("still reads the earlier form, Promesse = the day + 15 with a « déjà payé » note, as a promise", () => {
    const earlier = ["30/06/2021", "SCI Les Tilleuls", "F-T1", "", "email", "AAMk1", "15/07/2021", "", "déjà payé / already paid le 28/06/2021, réf. VIR 88 ; en attente de rapprochement / awaiting matching", ""];
    const [line] = journal(earlier);
    expect(line).toMatchObject({ promiseDate: d("2021-07-15"), announcedPayment: undefined });
    const plan = planOf([line!], "2021-07-20");
    expect(plan.invoices[0]).toMatchObject({ hold: null, brokenPromise: true, paymentNotReceived: false });
  });

  it("knows the note's words, French and English, and nothing else", () => {
    for (const note of ["Déjà payé", "DEJA REGLEE par chèque", "Paiement annoncé le 3", "already paid (transfer)"]) expect(isAnnouncedPaymentNote(note)).toBe(true);
    for (const note of ["appel", "payé ?", "promesse : déjà payé la semaine prochaine", undefined]) expect(isAnnouncedPaymentNote(note)).toBe(false);
    expect(announcedPaymentOf(d("2021-06-30"), d("2021-07-01"), "déjà payé")).toBeUndefined();
  });

  it("writes the announced date in Promesse, read back the same, and adds it only once", () => {
    const [read] = journal(DEJA_PAYE);
    const cells = journalLine(read!);
    expect(cells[JOURNAL_COLUMNS.indexOf("Promesse")]).toBe(dayToExcelSerial(d("2021-06-28")));
    const [again] = journal(cells);
    expect(again!.announcedPayment).toBe(d("2021-06-28"));
    expect(newJournalEntries([read!], [again!])).toEqual([]);
    // Sent as a Promesse with the same note (the earlier wire form), it is the same line: not added.
    expect(newJournalEntries([read!], [{ ...again!, announcedPayment: undefined, promiseDate: d("2021-06-28") }])).toEqual([]);
    expect(newJournalEntries([read!], [{ ...again!, announcedPayment: d("2021-06-27") }])).toHaveLength(1);
  });
});

describe("the plan of an announced payment", () => {
  const entries = journal(R1, DEJA_PAYE);

  it("holds the invoice while the payment is being matched: no reminder, no action", () => {
    const plan = planOf(entries, "2021-07-10");
    expect(plan.invoices[0]).toMatchObject({ hold: "payment_announced", nextLevel: null, paymentNotReceived: false });
    expect(plan.actions).toEqual([]);
    // plan --json keeps SPEC's hold values: a hold by date, told apart by its own flag.
    expect(planToJson(plan).invoices[0]).toMatchObject({ hold: "promise", paymentAnnounced: true, paymentNotReceived: false });
  });

  it("ends the hold as paid once the payment is entered in the tracking sheet", () => {
    const plan = planOf(entries, "2021-07-10", 420000);
    expect(plan.invoices[0]).toMatchObject({ hold: "paid", paymentNotReceived: false });
  });

  it("holds through the last day of the matching delay (15 days after the payment date), then flags « paiement annoncé non reçu »", () => {
    expect(planOf(entries, "2021-07-13").invoices[0]!.hold).toBe("payment_announced");
    const lapsed = planOf(entries, "2021-07-14");
    expect(lapsed.invoices[0]).toMatchObject({ hold: null, nextLevel: 2, paymentNotReceived: true, brokenPromise: false });
    expect(lapsed.actions.map((a) => a.level)).toEqual([2]);
    const json = planToJson(lapsed).invoices[0]!;
    expect(json.paymentNotReceived).toBe(true);
    expect(JSON.parse(invoiceJsonText(lapsed.invoices[0]!))).toEqual(json);
  });

  it("waits as many days as the workbook's setting delai_rapprochement_paiement says", () => {
    const { settings, problems } = settingsFromRows([["Clé", "Valeur"], ["delai_rapprochement_paiement", 30]]);
    expect(problems).toEqual([]);
    expect(settings.policy.paymentMatchingDays).toBe(30);
    expect(planOf(entries, "2021-07-20", 0, settings.policy).invoices[0]!.hold).toBe("payment_announced");
    expect(planOf(entries, "2021-07-29", 0, settings.policy).invoices[0]!.paymentNotReceived).toBe(true);
    const row = settingsToRows(DEFAULT_SETTINGS).find((cells) => cells[0] === "delai_rapprochement_paiement");
    expect(row?.[1]).toBe(15);
    expect(String(row?.[2])).toMatch(/paiement annoncé non reçu.*announced payment not received/);
  });

  it("gives way to a later promise, and a later « déjà payé » replaces a promise", () => {
    const promise = ["02/07/2021", "SCI Les Tilleuls", "F-T1", "", "téléphone", "", "20/07/2021", "", "finalement, paiera le 20", ""];
    const promised = planOf(journal(R1, DEJA_PAYE, promise), "2021-07-15").invoices[0]!;
    expect(promised).toMatchObject({ hold: "promise", paymentNotReceived: false });
    const announcedAfter = ["21/07/2021", "SCI Les Tilleuls", "F-T1", "", "email", "", "20/07/2021", "", "déjà payé", ""];
    const replaced = planOf(journal(R1, promise, announcedAfter), "2021-07-25").invoices[0]!;
    expect(replaced).toMatchObject({ hold: "payment_announced", brokenPromise: false });
  });
});
