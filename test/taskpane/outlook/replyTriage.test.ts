// The reply's suggested triage (French and English wording, dates read from the text) and the
// journal lines each triage writes, with the message's id in Référence.
import { describe, expect, it } from "vitest";
import { dayFromIso, dayToIso } from "../../../src/core/day";
import { newJournalEntries } from "../../../src/core/journalAppend";
import { dateInText, suggestTriage } from "../../../taskpane/outlook/replySuggestion";
import { triageLines } from "../../../taskpane/outlook/triageLines";

const asOf = dayFromIso("2026-06-30")!;

describe("suggestTriage", () => {
  it.each([
    ["Bonjour, cette facture a déjà été réglée par virement le 25/06.", "paid", "2026-06-25"],
    ["Le virement a été effectué hier.", "paid", undefined],
    ["La facture F2026-033 a été réglée par virement le 26/06/2026, réf. VIR-1.", "paid", "2026-06-26"],
    ["Vos deux factures sont payées depuis le 12 juin.", "paid", "2026-06-12"],
    ["Your invoice has been settled.", "paid", undefined],
    ["Hello, this invoice was already paid on June 20.", "paid", "2026-06-20"],
    ["Nous contestons la facture F2026-031 : travaux non conformes.", "dispute", undefined],
    ["We dispute this invoice.", "dispute", undefined],
    ["Je vous règle le 15.", "promise", "2026-07-15"],
    ["We will pay on 20 July 2026.", "promise", "2026-07-20"],
    ["Je suis absente jusqu'au 21 juillet inclus.", "away", "2026-07-21"],
    ["Automatic reply: I am out of the office until 2026-07-08.", "away", "2026-07-08"],
  ])("reads %j as %s (date %s)", (text, kind, date) => {
    expect(suggestTriage(text, asOf)).toEqual({ kind, date });
  });

  it("suggests nothing for a reply that says none of these", () => {
    expect(suggestTriage("Merci pour votre message, bonne journée.", asOf)).toBeUndefined();
    expect(suggestTriage("La facture n'est pas encore payée, je me renseigne.", asOf)).toBeUndefined();
  });

  it("takes an out-of-office quoting « litige » as an absence", () => {
    expect(suggestTriage("Réponse automatique : absent jusqu'au 10/07. Pour un litige, appelez le standard.", asOf)?.kind).toBe("away");
  });

  it("reads a day without month as the next such day, and a past payment date as the last one", () => {
    expect(dayToIso(dateInText("le 5", asOf, "future")!)).toBe("2026-07-05");
    expect(dayToIso(dateInText("le 28", asOf, "past")!)).toBe("2026-06-28");
    expect(dateInText("31/02/2026", asOf, "future")).toBeUndefined();
  });
});

describe("triageLines", () => {
  const invoices = [
    { number: "F2026-031", customer: "Occitanie Habitat Promotion" },
    { number: "F2026-056", customer: "Occitanie Habitat Promotion" },
  ];
  const base = { asOf, invoices, messageId: "AAMkAGI2TG93AAA=", user: "Marie" };

  it("« déjà payé »: one line per invoice, the announced payment date in Promesse, the date and reference in the note", () => {
    const result = triageLines({ ...base, triage: { kind: "paid", paidOn: "2026-06-25", paymentReference: "VIR 8841" } });
    if (!("lines" in result)) throw new Error(result.problem);
    expect(result.lines).toHaveLength(2);
    for (const line of result.lines) {
      expect(line).toMatchObject({ date: asOf, channel: "email", reference: "AAMkAGI2TG93AAA=", user: "Marie", announcedPayment: dayFromIso("2026-06-25") });
      expect(line.promiseDate).toBeUndefined();
      expect(line.note).toMatch(/^déjà payé/);
      expect(line.note).toContain("25/06/2026");
      expect(line.note).toContain("VIR 8841");
    }
  });

  it("« litige » opens a dispute, « promesse » holds until the date, « absent » until the return", () => {
    const dispute = triageLines({ ...base, invoices: invoices.slice(0, 1), triage: { kind: "dispute", note: "travaux non conformes" } });
    expect("lines" in dispute && dispute.lines[0]).toMatchObject({ dispute: "ouvert", invoice: "F2026-031", note: "litige / dispute : travaux non conformes" });
    const promise = triageLines({ ...base, triage: { kind: "promise", promisedDate: "2026-07-15" } });
    expect("lines" in promise && promise.lines.map((l) => dayToIso(l.promiseDate!))).toEqual(["2026-07-15", "2026-07-15"]);
    const away = triageLines({ ...base, triage: { kind: "away", returnDate: "2026-07-21" } });
    expect("lines" in away && dayToIso(away.lines[0]!.promiseDate!)).toBe("2026-07-21");
  });

  it("refuses what would log nonsense: no invoice, a future payment, a past promise, a return already past, no reference", () => {
    expect(triageLines({ ...base, invoices: [], triage: { kind: "dispute" } })).toHaveProperty("problem");
    expect(triageLines({ ...base, triage: { kind: "paid", paidOn: "2026-07-02", paymentReference: "X" } })).toHaveProperty("problem");
    expect(triageLines({ ...base, triage: { kind: "paid", paidOn: "2026-06-02", paymentReference: " " } })).toHaveProperty("problem");
    expect(triageLines({ ...base, triage: { kind: "promise", promisedDate: "2026-06-01" } })).toHaveProperty("problem");
    expect(triageLines({ ...base, triage: { kind: "away", returnDate: "2026-06-30" } })).toHaveProperty("problem");
    expect(triageLines({ ...base, messageId: "", triage: { kind: "dispute" } })).toHaveProperty("problem");
  });

  it("gives the same lines for the same click, which the journal then holds already", () => {
    const once = triageLines({ ...base, triage: { kind: "promise", promisedDate: "2026-07-15" } });
    const twice = triageLines({ ...base, triage: { kind: "promise", promisedDate: "2026-07-15" } });
    if (!("lines" in once) || !("lines" in twice)) throw new Error("no lines");
    expect(newJournalEntries(once.lines, twice.lines)).toEqual([]);
  });
});
