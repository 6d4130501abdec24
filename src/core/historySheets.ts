/**
 * Reminders sent before the product, in the manual workflow of seed 000 (SPEC section 3): sheets
 * such as « EGPL clients 1ère relance », « 2ème relance », « mis en demeure » list the invoices
 * that reached that level; columns such as « date 1ère relance » on any of them date the levels.
 * They become journal lines (Note « repris de la feuille … ») for invoices the journal does not
 * cover yet, so that the policy goes on from where the assistant left off.
 */
import { cellText, type CellValue } from "./cellValue";
import { parseDateInput } from "./dateInput";
import type { Day } from "./day";
import { invoiceKey } from "./invoiceKey";
import { UNDATED_NOTE, type InvoiceHistory, type JournalEntry } from "./journalEntry";
import { normalizeText } from "./normalizeText";
import { isProblem } from "./problem";
import type { ReminderLevel } from "./reminderLevel";
import { matchHeader } from "./trackingColumns";

/** The product's own stage sheets (written and journalled by it): never history. */
const STAGE_SHEET_NAMES = new Set(["relance 1", "relance 2", "mise en demeure"]);

// On normalised text: "1ère" is "1ere", "N°1" is "n 1", "mis(e) en demeure" either way.
const LEVEL_PATTERNS: readonly (readonly [ReminderLevel, RegExp])[] = [
  [3, /(?:^| )mises? en demeure(?: |$)|(?:^| )mis en demeure(?: |$)/],
  [2, /(?:^| )(?:2|2e|2eme|2de|2nde|deuxieme|seconde?) relance(?: |$)|(?:^| )relance (?:n )?2(?: |$)/],
  [1, /(?:^| )(?:1|1e|1ere|1re|1er|premiere|premier) relance(?: |$)|(?:^| )relance (?:n )?1(?: |$)/],
];

/**
 * The level a sheet of the manual workflow stands for, from its name.
 *
 * @param name - a sheet name
 * @returns 1, 2 or 3, or undefined for any other sheet, the product's own « Relance 1 »,
 *   « Relance 2 » and « Mise en demeure » included (whatever their case)
 * @example
 * historySheetLevel("EGPL clients 2ème relance") // 2
 * historySheetLevel("mis en demeure")            // 3
 * historySheetLevel("Relance 1")                 // undefined (the product's stage sheet)
 */
export function historySheetLevel(name: string): ReminderLevel | undefined {
  const text = normalizeText(name);
  if (STAGE_SHEET_NAMES.has(text)) return undefined;
  for (const [level, pattern] of LEVEL_PATTERNS) if (pattern.test(text)) return level;
  return undefined;
}

/** A date column's level: « date 1ère relance », « date de 2ème relance », « date mise en demeure ». */
function dateColumnLevel(header: string): ReminderLevel | undefined {
  const text = normalizeText(header);
  if (!/^date /.test(text)) return undefined;
  for (const [level, pattern] of LEVEL_PATTERNS) if (pattern.test(text)) return level;
  return undefined;
}

/** One history sheet's rows, as the workbook adapter hands them over. */
export interface HistorySheet {
  readonly sheet: string;
  readonly level: ReminderLevel;
  readonly rows: readonly { readonly row: number; readonly cells: readonly CellValue[] }[];
}

interface Found {
  invoice: string;
  customer: string;
  level: ReminderLevel;
  sheet: string;
  dates: Partial<Record<ReminderLevel, Day>>;
}

/** How many invoices the warning on undated levels names. */
const LISTED = 10;

/**
 * What the history sheets say of the invoices they list that the journal has no level for: their
 * histories for the plan, and the journal lines run appends (one per level dated on those sheets,
 * and one for the highest level listed). A highest level without a date counts as reached long
 * enough ago for the next level: the plan's history has no date for it (a document never cites a
 * made-up date), and its journal line is dated `undatedDay`, or the day of the latest level dated
 * before it if later (so that the journal's last level stays the highest), and named in one warning.
 *
 * @param sheets - the history sheets' rows
 * @param journal - the journal's histories, by invoiceKey
 * @param undatedDay - the day an undated level's journal line gets
 * @returns the histories by invoiceKey, the lines (Note « repris de la feuille «…» ») and the warnings
 * @example
 * historyEntries([{ sheet: "1ère relance", level: 1, rows }], new Map(), day).entries[0].note
 * // "repris de la feuille «1ère relance»"
 */
export function historyEntries(
  sheets: readonly HistorySheet[],
  journal: ReadonlyMap<string, InvoiceHistory>,
  undatedDay: Day,
): { histories: Map<string, InvoiceHistory>; entries: JournalEntry[]; warnings: string[] } {
  const found = new Map<string, Found>();
  const warnings: string[] = [];
  for (const { sheet, level, rows } of sheets) {
    let numberColumn = -1;
    let customerColumn = -1;
    let dateColumns: [number, ReminderLevel][] = [];
    for (const { row, cells } of rows) {
      if (numberColumn < 0) {
        const columns = cells.map((cell) => (typeof cell === "string" ? cell : ""));
        const n = columns.findIndex((header) => matchHeader(header) === "number");
        if (n >= 0) {
          numberColumn = n;
          customerColumn = columns.findIndex((header) => matchHeader(header) === "customer");
          dateColumns = columns.flatMap((header, i): [number, ReminderLevel][] => {
            const at = dateColumnLevel(header);
            return at === undefined ? [] : [[i, at]];
          });
        }
        continue;
      }
      const invoice = cellText(cells[numberColumn]);
      const key = invoiceKey(invoice);
      if (key === "" || journal.get(key)?.lastLevel !== undefined) continue;
      let entry = found.get(key);
      if (entry === undefined) {
        entry = { invoice, customer: cellText(cells[customerColumn]), level, sheet, dates: {} };
        found.set(key, entry);
      } else if (level > entry.level) {
        entry.level = level;
        entry.sheet = sheet;
      }
      for (const [column, at] of dateColumns) {
        const date = parseDateInput(cells[column] ?? null);
        if (isProblem(date)) {
          if (cellText(cells[column]) !== "") warnings.push(`${sheet} ligne ${row} : date «${cellText(cells[column])}» illisible, ignorée / unreadable date, ignored`);
          continue;
        }
        const known = entry.dates[at];
        if (known === undefined || date > known) entry.dates[at] = date;
      }
    }
  }
  const histories = new Map<string, InvoiceHistory>();
  const entries: JournalEntry[] = [];
  const undated: string[] = [];
  for (const [key, { invoice, customer, level, sheet, dates }] of found) {
    const note = `repris de la feuille «${sheet}»`;
    const levelDates: Partial<Record<ReminderLevel, Day>> = {};
    let latest: Day | undefined;
    for (const at of [1, 2, 3] as const) {
      const date = dates[at];
      if (at > level || (date === undefined && at < level)) continue;
      if (date !== undefined) {
        levelDates[at] = date;
        if (latest === undefined || date > latest) latest = date;
        entries.push({ date, customer, invoice, level: at, note });
      } else {
        undated.push(`${invoice} (${sheet})`);
        const day = latest !== undefined && latest > undatedDay ? latest : undatedDay;
        entries.push({ date: day, customer, invoice, level: at, note: `${note}, ${UNDATED_NOTE}` });
      }
    }
    // A promise or a dispute the journal holds without a level stays.
    histories.set(key, { dispute: false, ...journal.get(key), lastLevel: level, lastLevelDate: levelDates[level], levelDates });
  }
  if (undated.length > 0) {
    const more = undated.length > LISTED ? ` et ${undated.length - LISTED} autres` : "";
    warnings.push(
      `Relances reprises sans date, comptées comme assez anciennes pour que le niveau suivant soit dû : ${undated.slice(0, LISTED).join(", ")}${more} / ` +
        `reminders taken over without a date, counted as long enough ago for the next level to be due`,
    );
  }
  return { histories, entries, warnings };
}
