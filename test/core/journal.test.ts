import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cellValue";
import { dayFromIso, dayToExcelSerial, type Day } from "../../src/core/day";
import { parseChannel } from "../../src/core/channelInput";
import { invoiceHistories } from "../../src/core/invoiceHistories";
import { invoiceKey, parseJournalRows, type CellRow } from "../../src/core/journal";
import { journalLine, newJournalEntries } from "../../src/core/journalAppend";
import { findJournalColumns } from "../../src/core/journalColumns";
import { JOURNAL_COLUMNS, type JournalEntry } from "../../src/core/journalEntry";
import type { ReminderLevel } from "../../src/core/reminderLevel";
import type { Channel } from "../../src/core/reminderPolicy";

function day(iso: string): Day {
  const d = dayFromIso(iso);
  if (d === undefined) throw new Error(`bad test date ${iso}`);
  return d;
}

const serial = (iso: string): number => dayToExcelSerial(day(iso));

/** Rows numbered from 1, the header first. */
function sheet(...rows: CellValue[][]): CellRow[] {
  return rows.map((cells, i) => ({ row: i + 1, cells }));
}

const HEADER: CellValue[] = [...JOURNAL_COLUMNS];

function entry(iso: string, invoice: string, more: Partial<JournalEntry> = {}): JournalEntry {
  return { date: day(iso), customer: "SCI Les Tilleuls", invoice, ...more };
}

describe("reading the journal's header", () => {
  it("finds the columns by name, whatever the case, accents and order", () => {
    expect(findJournalColumns(["FACTURE", "date", "reference", "Commentaire interne", "niveau"])).toEqual({
      Facture: 0,
      Date: 1,
      Référence: 2,
      Niveau: 4,
    });
  });

  it("reads the English headers and N° facture", () => {
    expect(findJournalColumns(["Date", "N° facture", "Level", "Channel", "Promise", "Dispute"])).toEqual({
      Date: 0,
      Facture: 1,
      Niveau: 2,
      Canal: 3,
      Promesse: 4,
      Litige: 5,
    });
  });

  it("reads the lines of a journal whose user moved and added columns", () => {
    const { entries, rejected } = parseJournalRows(
      sheet(["Facture", "Vu par le gérant", "Date", "Niveau"], ["F2021-014", "oui", "05/05/2021", "Relance 1"]),
    );
    expect(rejected).toEqual([]);
    expect(entries).toEqual([{ date: day("2021-05-05"), customer: "", invoice: "F2021-014", level: 1, row: 2 }]);
  });

  it("rejects every line when the header has no Facture column, saying so", () => {
    const { entries, rejected } = parseJournalRows(sheet(["Date", "Client"], [serial("2021-05-05"), "Dupont"]));
    expect(entries).toEqual([]);
    expect(rejected.map((r) => [r.row, r.column])).toEqual([
      [1, "Facture"],
      [2, "Facture"],
    ]);
    expect(rejected[0]!.message).toBe(
      "Colonne «Facture» introuvable dans l'en-tête du journal : les lignes ne peuvent pas être lues",
    );
  });
});

describe("reading lines typed by hand", () => {
  it("reads a phone call with a promise: no level, the channel téléphone, the promised date", () => {
    const { entries } = parseJournalRows(
      sheet(HEADER, ["12/03/2025", "Dupont", "F-88", "", "tél", "", "31/03/2025", "", "M. Dupont paiera fin mars", "Julie"]),
    );
    expect(entries).toEqual([
      {
        date: day("2025-03-12"),
        customer: "Dupont",
        invoice: "F-88",
        level: undefined,
        channel: "téléphone",
        reference: undefined,
        promiseDate: day("2025-03-31"),
        dispute: undefined,
        note: "M. Dupont paiera fin mars",
        user: "Julie",
        row: 2,
      },
    ]);
  });

  it("reads levels as labels, as R1, as the numbers 0 to 4 and as text digits", () => {
    const { entries } = parseJournalRows(
      sheet(
        HEADER,
        [serial("2025-01-02"), "A", "F1", "R1"],
        [serial("2025-01-02"), "A", "F2", "2"],
        [serial("2025-01-02"), "A", "F3", 3],
        [serial("2025-01-02"), "A", "F4", "mise en demeure"],
        [serial("2025-01-02"), "A", "F5", "Préventive"],
        [serial("2025-01-02"), "A", "F6", 4],
      ),
    );
    expect(entries.map((e) => e.level)).toEqual([1, 2, 3, 3, 0, 4]);
  });

  it("reads the channels people write, and any other word as autre", () => {
    const words = ["Email", "mail", "courrier", "Lettre recommandée", "LRAR", "recommandé", "appel", "Tel", "fax"];
    const expected: Channel[] = ["email", "email", "courrier", "recommandé", "recommandé", "recommandé", "téléphone", "téléphone", "autre"];
    const { entries } = parseJournalRows(sheet(HEADER, ...words.map((w): CellValue[] => [serial("2025-01-02"), "A", "F1", null, w])));
    expect(entries.map((e) => e.channel)).toEqual(expected);
  });

  it("reads a dispute as ouvert or clos, and oui/non, open/closed, x", () => {
    const words = ["ouvert", "Clos", "oui", "non", "open", "closed", "x", "X"];
    const { entries, rejected } = parseJournalRows(
      sheet(HEADER, ...words.map((w): CellValue[] => [serial("2025-01-02"), "A", "F1", null, null, null, null, w])),
    );
    expect(rejected).toEqual([]);
    expect(entries.map((e) => e.dispute)).toEqual(["ouvert", "clos", "ouvert", "clos", "ouvert", "clos", "ouvert", "ouvert"]);
  });

  it("reads dates as serials, French text and ISO text, and invoice numbers typed as numbers", () => {
    const { entries } = parseJournalRows(
      sheet(HEADER, [serial("2025-01-02"), "A", 2021014], ["2025-01-03", "A", "F2"], [" 4/1/2025 ", "A", "F3"]),
    );
    expect(entries.map((e) => [e.date, e.invoice])).toEqual([
      [day("2025-01-02"), "2021014"],
      [day("2025-01-03"), "F2"],
      [day("2025-01-04"), "F3"],
    ]);
  });

  it("skips blank lines without rejecting them", () => {
    const { entries, rejected } = parseJournalRows(
      sheet([], HEADER, [], [null, "  ", null], [serial("2025-01-02"), "A", "F1", "R1"], ["", "", ""]),
    );
    expect(rejected).toEqual([]);
    expect(entries.map((e) => e.row)).toEqual([5]);
  });

  it("rejects a line without Facture, with its row, column and a French message", () => {
    const { entries, rejected } = parseJournalRows(sheet(HEADER, [serial("2025-01-02"), "Dupont", "", "R1"]));
    expect(entries).toEqual([]);
    expect(rejected).toEqual([
      { row: 2, column: "Facture", value: "", message: "Facture manquante : la ligne ne se rattache à aucune facture" },
    ]);
  });

  it("rejects a line without Date, or with a date that does not exist", () => {
    const { rejected } = parseJournalRows(sheet(HEADER, [null, "Dupont", "F1", "R1"], ["31/02/2021", "Dupont", "F1", "R1"]));
    expect(rejected).toEqual([
      { row: 2, column: "Date", value: "", message: "Date manquante" },
      { row: 3, column: "Date", value: "31/02/2021", message: "Date «31/02/2021» n'est pas une date" },
    ]);
  });

  it("rejects an unknown level, a promise that is no date and a dispute that is neither open nor closed", () => {
    const { rejected } = parseJournalRows(
      sheet(
        HEADER,
        [serial("2025-01-02"), "A", "F1", "Relance 7"],
        [serial("2025-01-02"), "A", "F1", null, null, null, "bientôt"],
        [serial("2025-01-02"), "A", "F1", null, null, null, null, "peut-être"],
      ),
    );
    expect(rejected.map((r) => [r.row, r.column, r.value])).toEqual([
      [2, "Niveau", "Relance 7"],
      [3, "Promesse", "bientôt"],
      [4, "Litige", "peut-être"],
    ]);
    expect(rejected[1]!.message).toBe("Promesse «bientôt» n'est pas une date");
    expect(rejected[2]!.message).toBe("Litige «peut-être» : écrivez ouvert ou clos");
  });
});

describe("what the journal says of each invoice", () => {
  it("matches invoice numbers trimmed and case-insensitively", () => {
    expect(invoiceKey("  f2021-014 ")).toBe(invoiceKey("F2021-014"));
    const histories = invoiceHistories([entry("2021-05-05", "f2021-014 ", { level: 1 })]);
    expect(histories.get(invoiceKey("F2021-014"))?.lastLevel).toBe(1);
  });

  it("matches a journal line to its invoice however the number is spelled: a leading N° aside", () => {
    const histories = invoiceHistories([entry("2021-05-05", "N° cs-1", { level: 1 }), entry("2021-05-20", "CS-1", { level: 2 })]);
    expect(histories.size).toBe(1);
    expect(histories.get(invoiceKey("cs-1"))?.lastLevel).toBe(2);
  });

  it("takes the last level from the latest-dated line with a level, not from the sheet order", () => {
    const history = invoiceHistories([
      entry("2021-05-20", "F1", { level: 2 }),
      entry("2021-05-05", "F1", { level: 1 }),
      entry("2021-05-25", "F1", { channel: "téléphone", note: "appel" }),
    ]).get("F1");
    expect(history).toMatchObject({ lastLevel: 2, lastLevelDate: day("2021-05-20") });
    expect(history?.levelDates).toEqual({ 1: day("2021-05-05"), 2: day("2021-05-20") });
  });

  it("takes the highest level of the same day", () => {
    const history = invoiceHistories([entry("2021-05-05", "F1", { level: 3 }), entry("2021-05-05", "F1", { level: 1 })]).get("F1");
    expect(history?.lastLevel).toBe(3);
  });

  it("keeps the latest date of each level", () => {
    const history = invoiceHistories([entry("2021-05-05", "F1", { level: 1 }), entry("2021-06-05", "F1", { level: 1 })]).get("F1");
    expect(history?.levelDates[1]).toBe(day("2021-06-05"));
  });

  it("holds a dispute opened and not closed since", () => {
    const open = invoiceHistories([entry("2021-05-05", "F1", { dispute: "ouvert" })]).get("F1");
    expect(open?.dispute).toBe(true);
  });

  it("releases a dispute opened then closed, even typed in the other order on the sheet", () => {
    const closed = invoiceHistories([
      entry("2021-06-01", "F1", { dispute: "clos" }),
      entry("2021-05-05", "F1", { dispute: "ouvert" }),
    ]).get("F1");
    expect(closed?.dispute).toBe(false);
  });

  it("on the same day, the later line of the sheet says whether the dispute is open", () => {
    const history = invoiceHistories([
      entry("2021-05-05", "F1", { dispute: "ouvert" }),
      entry("2021-05-05", "F1", { dispute: "clos" }),
    ]).get("F1");
    expect(history?.dispute).toBe(false);
  });

  it("takes the promise of the latest line that has one, a renegotiated earlier date included", () => {
    const history = invoiceHistories([
      entry("2021-05-05", "F1", { promiseDate: day("2021-06-30") }),
      entry("2021-05-10", "F1", { promiseDate: day("2021-05-20") }),
      entry("2021-05-12", "F1", { note: "relancé" }),
    ]).get("F1");
    expect(history?.promiseDate).toBe(day("2021-05-20"));
  });

  it("knows an invoice that only has a phone line, without level", () => {
    const history = invoiceHistories([entry("2021-05-05", "F1", { channel: "téléphone" })]).get("F1");
    expect(history).toEqual({ lastLevel: undefined, lastLevelDate: undefined, levelDates: {}, dispute: false, promiseDate: undefined });
  });
});

describe("a level taken over without its date", () => {
  const undated = { date: dayFromIso("2026-05-01")!, customer: "Dupont", invoice: "F-1", level: 1 as ReminderLevel, note: "repris de la feuille «1ère relance», date inconnue" };

  it("counts as the last level, with no date a letter could cite", () => {
    const history = invoiceHistories([undated]).get("F-1")!;
    expect(history.lastLevel).toBe(1);
    expect(history.lastLevelDate).toBeUndefined();
    expect(history.levelDates[1]).toBeUndefined();
  });

  it("gives way to a later dated level, whose date is cited", () => {
    const later = { date: dayFromIso("2026-06-15")!, customer: "Dupont", invoice: "F-1", level: 2 as ReminderLevel, channel: "courrier" as Channel };
    const history = invoiceHistories([undated, later]).get("F-1")!;
    expect(history).toMatchObject({ lastLevel: 2, lastLevelDate: later.date });
    expect(history.levelDates).toEqual({ 2: later.date });
  });
});

describe("writing journal lines", () => {
  it("gives the cells in the journal's column order, labels and serials", () => {
    expect(
      journalLine({
        date: day("2025-01-01"),
        customer: "Dupont",
        invoice: "F1",
        level: 3,
        channel: "recommandé",
        reference: "Mise en demeure - Dupont.docx",
        promiseDate: day("2025-01-31"),
        dispute: "clos",
        note: "n",
        user: "Julie",
      }),
    ).toEqual([45658, "Dupont", "F1", "Mise en demeure", "recommandé", "Mise en demeure - Dupont.docx", 45688, "clos", "n", "Julie"]);
    expect(journalLine({ date: day("2025-01-01"), customer: "Dupont", invoice: "F1" })).toEqual([
      45658, "Dupont", "F1", null, null, null, null, null, null, null,
    ]);
  });

  const text = fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.trim()).filter((s) => s !== "");
  const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
  const aDay = fc.integer({ min: day("1990-01-01"), max: day("2090-12-31") });
  const anEntry: fc.Arbitrary<JournalEntry> = fc.record({
    date: aDay,
    customer: fc.oneof(fc.constant(""), text),
    invoice: text,
    level: optional(fc.constantFrom<ReminderLevel>(0, 1, 2, 3, 4)),
    channel: optional(fc.constantFrom<Channel>("email", "courrier", "recommandé", "téléphone", "autre")),
    reference: optional(text),
    promiseDate: optional(aDay),
    dispute: optional(fc.constantFrom<"ouvert" | "clos">("ouvert", "clos")),
    note: optional(text),
    user: optional(text),
  });

  it("reads back every line it writes (property)", () => {
    fc.assert(
      fc.property(fc.array(anEntry, { maxLength: 8 }), (entries) => {
        const { entries: read, rejected } = parseJournalRows(sheet(HEADER, ...entries.map(journalLine)));
        expect(rejected).toEqual([]);
        expect(read).toEqual(entries.map((e, i) => ({ ...e, row: i + 2 })));
      }),
    );
  });
});

describe("adding lines to the journal", () => {
  const sent = entry("2025-03-01", "F1", { level: 1, channel: "email", reference: "draft-1" });

  it("adds nothing that a run of the same day already added, whatever the case of the number", () => {
    const again = { ...sent, invoice: " f1", reference: "draft-2", note: "autre texte" };
    expect(newJournalEntries([sent], [again])).toEqual([]);
  });

  it("adds the same action on another day, at another level or for another invoice", () => {
    const candidates = [
      { ...sent, date: day("2025-03-02") },
      { ...sent, level: 2 as const },
      { ...sent, invoice: "F2" },
    ];
    expect(newJournalEntries([sent], candidates)).toEqual(candidates);
  });

  it("adds a dispute opened and closed the same day as two lines", () => {
    const opened = entry("2025-03-01", "F1", { dispute: "ouvert" });
    const closed = entry("2025-03-01", "F1", { dispute: "clos" });
    expect(newJournalEntries([opened], [closed])).toEqual([closed]);
  });

  it("adds a candidate given twice only once", () => {
    expect(newJournalEntries([], [sent, { ...sent }])).toEqual([sent]);
  });

  it("reads the channels of the settings and journal alike", () => {
    expect(parseChannel("lettre recommandée avec accusé de réception")).toBe("recommandé");
    expect(parseChannel("fax")).toBeUndefined();
    expect(parseChannel(3)).toBeUndefined();
  });
});
