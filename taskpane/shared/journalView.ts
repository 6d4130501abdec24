// The journal as the Journal screen shows it (SPEC section 4): the last actions first, filtered by a
// text (customer or invoice), a level or a channel, and grouped by customer or by invoice. Lines
// typed by hand count as the product's own; lines that cannot be read are listed with why.
import { customerNameKey } from "../../src/core/customers";
import type { Day } from "../../src/core/day";
import { parseJournalRows, type CellRow, type JournalRejection } from "../../src/core/journal";
import { JOURNAL_SHEET, type JournalEntry } from "../../src/core/journalEntry";
import { invoiceKey } from "../../src/core/invoiceKey";
import { normalizeText } from "../../src/core/normalizeText";
import type { ReminderLevel } from "../../src/core/reminderLevel";
import type { Channel } from "../../src/core/reminderPolicy";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { sameSheetName } from "../../src/engine/sheetNames";

export interface JournalView {
  /** Every line read, newest first (by date, then the later row). */
  readonly entries: readonly JournalEntry[];
  readonly rejected: readonly JournalRejection[];
  /** Whether the workbook has a journal sheet at all. */
  readonly found: boolean;
}

/**
 * The journal of a workbook's sheets, newest first.
 *
 * @param sheets - the sheets as the host read them
 * @returns the lines and those rejected; found false when there is no journal sheet
 * @example
 * journalView(await host.readSheets()).entries[0] // the last action
 */
export function journalView(sheets: readonly MemorySheet[]): JournalView {
  const sheet = sheets.find((s) => sameSheetName(s.name, JOURNAL_SHEET));
  if (sheet === undefined) return { entries: [], rejected: [], found: false };
  const first = sheet.firstRow ?? 1;
  const rows: CellRow[] = sheet.values.map((cells, i) => ({ row: first + i, cells }));
  const { entries, rejected } = parseJournalRows(rows);
  return { entries: newestFirst(entries), rejected, found: true };
}

function newestFirst(entries: readonly JournalEntry[]): JournalEntry[] {
  return [...entries].sort((a, b) => b.date - a.date || (b.row ?? 0) - (a.row ?? 0));
}

export interface JournalFilter {
  /** Words found in the customer's name or the invoice number (case, accents and punctuation aside). */
  readonly text?: string | undefined;
  readonly level?: ReminderLevel | undefined;
  readonly channel?: Channel | undefined;
  /** Lines on or after that day. */
  readonly since?: Day | undefined;
}

/**
 * The lines a filter keeps, in their order.
 * @example filterJournal(view.entries, { text: "tilleuls", level: 2 })
 */
export function filterJournal(entries: readonly JournalEntry[], filter: JournalFilter): JournalEntry[] {
  const words = normalizeText(filter.text ?? "").split(" ").filter((w) => w !== "");
  return entries.filter((entry) => {
    if (filter.level !== undefined && entry.level !== filter.level) return false;
    if (filter.channel !== undefined && entry.channel !== filter.channel) return false;
    if (filter.since !== undefined && entry.date < filter.since) return false;
    if (words.length === 0) return true;
    const haystack = `${normalizeText(entry.customer)} ${normalizeText(entry.invoice)}`;
    return words.every((word) => haystack.includes(word));
  });
}

/** The lines of one customer or one invoice. */
export interface JournalGroup {
  /** The grouping key (customerNameKey, or invoiceKey). */
  readonly key: string;
  /** What the screen shows: the name or the number as first written (the newest line's). */
  readonly label: string;
  /** For an invoice, its customer as the newest line names it. */
  readonly customer?: string | undefined;
  /** Newest first. */
  readonly entries: readonly JournalEntry[];
  readonly lastDate: Day;
  /** The highest level journalled in the group, if any. */
  readonly highestLevel?: ReminderLevel | undefined;
}

/**
 * The lines grouped by customer (names compared as the plan compares them) or by invoice (numbers
 * compared as everywhere: case, spaces and a leading N° aside), the group with the newest line first.
 *
 * @param entries - the lines, newest first
 * @param by - "customer" or "invoice"
 * @returns the groups, each newest first
 * @example
 * groupJournal(view.entries, "invoice")[0].label // "F2021-014"
 */
export function groupJournal(entries: readonly JournalEntry[], by: "customer" | "invoice"): JournalGroup[] {
  const groups = new Map<string, JournalEntry[]>();
  for (const entry of entries) {
    const key = by === "customer" ? customerNameKey(entry.customer) : invoiceKey(entry.invoice);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [entry]);
    else list.push(entry);
  }
  const result: JournalGroup[] = [];
  for (const [key, list] of groups) {
    const sorted = newestFirst(list);
    const newest = sorted[0]!;
    const levels = sorted.flatMap((e) => (e.level === undefined ? [] : [e.level]));
    result.push({
      key,
      label: by === "customer" ? newest.customer : newest.invoice,
      customer: by === "invoice" ? newest.customer : undefined,
      entries: sorted,
      lastDate: newest.date,
      highestLevel: levels.length === 0 ? undefined : (Math.max(...levels) as ReminderLevel),
    });
  }
  return result.sort((a, b) => b.lastDate - a.lastDate || (b.entries[0]!.row ?? 0) - (a.entries[0]!.row ?? 0));
}
