// How a reminder e-mail goes out, as a port: an .eml file beside the other documents, or an
// Outlook draft through Microsoft Graph. The engine renders the message; delivery only carries it.
import type { ReminderEmail } from "../documents/reminderEmail";

export interface MailDelivery {
  /**
   * Delivers one reminder e-mail. Called again before earlier calls have answered: a delivery may
   * gather e-mails (Graph's $batch) and answer each when its batch does.
   * @param email - the rendered message
   * @param name - a path for it that is the run's own and the same on a retry ("emails/2026-06-30-reminder1-sci-x.eml")
   * @returns what the journal's Référence column names for it (the .eml file, the draft)
   */
  deliver(email: ReminderEmail, name: string): Promise<string>;
  /** No more e-mails are coming: send what is gathered (a batch not yet full). */
  flush?(): Promise<void>;
}
