// Journal lines as rows for a host to append to « Journal des relances »: only the lines the
// journal does not hold yet (so that an action repeated the same day adds nothing), laid out in the
// columns of the journal the workbook holds (a user may have reordered them).
import { isBlank, type CellValue } from "../core/cellValue";
import { journalLine, newJournalEntries } from "../core/journalAppend";
import { findJournalColumns, JOURNAL_DATE_COLUMNS, type JournalColumn } from "../core/journalColumns";
import { JOURNAL_COLUMNS, JOURNAL_SHEET, type JournalEntry } from "../core/journalEntry";
import type { MemorySheet } from "./memoryWorkbook";
import { sameSheetName } from "./sheetNames";
import type { SheetAppend } from "./workbookOutput";

/** The Excel table of the journal the product creates (as the command line's copy has it). */
export const JOURNAL_TABLE = "JournalRelances";

/**
 * The journal lines to append, and the rows that carry them.
 *
 * @param sheets - the workbook as read (its journal's header decides the columns)
 * @param existing - the journal's entries as read
 * @param candidates - the lines the action would add
 * @returns the lines not in the journal yet, and the append (undefined when there is none)
 * @example
 * journalSheetAppend(sheets, source.journal.entries, lines).added.length // 0 the second time
 */
export function journalSheetAppend(
  sheets: readonly MemorySheet[],
  existing: readonly JournalEntry[],
  candidates: readonly JournalEntry[],
): { readonly added: JournalEntry[]; readonly append?: SheetAppend | undefined } {
  const added = newJournalEntries(existing, candidates);
  if (added.length === 0) return { added };
  const layout = journalLayout(sheets.find((s) => sameSheetName(s.name, JOURNAL_SHEET)));
  const rows = added.map((entry) => {
    const line = journalLine(entry);
    const row: CellValue[] = Array<CellValue>(layout.header.length).fill(null);
    JOURNAL_COLUMNS.forEach((column, i) => (row[layout.columns[column]] = line[i]!));
    return row;
  });
  const dateColumns = JOURNAL_COLUMNS.filter((c) => JOURNAL_DATE_COLUMNS.has(c)).map((c) => layout.columns[c]);
  return { added, append: { sheet: JOURNAL_SHEET, header: layout.header, rows, table: JOURNAL_TABLE, dateColumns } };
}

/**
 * Where each journal column goes: as the journal's header row places it (its first non-blank row,
 * as the reader takes it), a column the header lacks at its right; the product's order for a
 * journal yet to be created.
 */
function journalLayout(sheet: MemorySheet | undefined): { header: string[]; columns: Record<JournalColumn, number> } {
  const headerCells = sheet?.values.find((row) => row.some((cell) => !isBlank(cell)));
  const columns = {} as Record<JournalColumn, number>;
  if (headerCells === undefined) {
    JOURNAL_COLUMNS.forEach((column, i) => (columns[column] = i));
    return { header: [...JOURNAL_COLUMNS], columns };
  }
  const found = findJournalColumns(headerCells);
  const header = headerCells.map((cell) => (isBlank(cell) ? "" : String(cell)));
  while (header.length > 0 && header[header.length - 1] === "") header.pop();
  for (const column of JOURNAL_COLUMNS) {
    const index = found[column];
    if (index !== undefined) columns[column] = index;
    else {
      columns[column] = header.length;
      header.push(column);
    }
  }
  return { header, columns };
}
