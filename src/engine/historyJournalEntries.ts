// The manual workflow's history sheets (« 1ère relance »...) stand for journal lines the journal
// does not hold yet: plan counts them in, run appends them.
import { addDays, type Day } from "../core/day";
import { historyEntries } from "../core/historySheets";
import { invoiceKey } from "../core/invoiceKey";
import { invoiceHistories } from "../core/invoiceHistories";
import type { InvoiceHistory, JournalEntry } from "../core/journalEntry";
import type { WorkbookSource } from "./readWorkbook";

/**
 * The journal lines the manual workflow's history sheets stand for, for the invoices the journal
 * does not cover. An undated level counts as reached long enough ago for every delay of the policy.
 *
 * @param source - what the workbook holds
 * @param asOf - the run's date
 * @returns the histories they give each invoice, the lines to append, and warnings
 * @example
 * historyJournalEntries(source, asOf).entries // [{ invoice: "F-12", level: 1, ... }]
 */
export function historyJournalEntries(
  source: WorkbookSource,
  asOf: Day,
): { histories: ReadonlyMap<string, InvoiceHistory>; entries: JournalEntry[]; warnings: string[] } {
  if (source.historySheets.length === 0) return { histories: new Map(), entries: [], warnings: [] };
  const { policy } = source.settings;
  const longest = Math.max(policy.reminder2AfterDays, policy.formalNoticeAfterDays, policy.injunctionAfterDays);
  const found = historyEntries(source.historySheets, invoiceHistories(source.journal.entries), addDays(asOf, -longest));
  // A history sheet without a customer column: the journal's Client is the tracking sheet's.
  const names = new Map(source.tracking.invoices.map((i) => [invoiceKey(i.number), i.customer.name]));
  const entries = found.entries.map((e) => (e.customer !== "" ? e : { ...e, customer: names.get(invoiceKey(e.invoice)) ?? "" }));
  return { ...found, entries };
}
