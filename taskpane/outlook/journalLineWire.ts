// A journal line as the server's journal routes take it (POST /api/local-workbook/journal and
// /api/workbook/journal): the engine's JournalEntry with its days as ISO text.
import { dayToIso } from "../../src/core/day";
import type { JournalEntry } from "../../src/core/journalEntry";

export interface JournalLineWire {
  readonly date: string;
  readonly customer: string;
  readonly invoice: string;
  /** 0 to 4: a reminder's line has one, a sorted reply's none. */
  readonly level?: number | undefined;
  readonly channel?: string | undefined;
  readonly reference?: string | undefined;
  readonly promiseDate?: string | undefined;
  readonly announcedPayment?: string | undefined;
  readonly dispute?: "ouvert" | "clos" | undefined;
  readonly note?: string | undefined;
  readonly user?: string | undefined;
}

export function wireLine(e: JournalEntry): JournalLineWire {
  return {
    date: dayToIso(e.date),
    customer: e.customer,
    invoice: e.invoice,
    level: e.level,
    channel: e.channel,
    reference: e.reference,
    promiseDate: e.promiseDate === undefined ? undefined : dayToIso(e.promiseDate),
    announcedPayment: e.announcedPayment === undefined ? undefined : dayToIso(e.announcedPayment),
    dispute: e.dispute,
    note: e.note,
    user: e.user,
  };
}
