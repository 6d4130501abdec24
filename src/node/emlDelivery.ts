// The command line's mail delivery: each reminder e-mail becomes an .eml file among the run's
// documents, for the user to open in their mail program and send.
import type { DocumentSink } from "../engine/documentSink";
import type { MailDelivery } from "../engine/mailDelivery";
import { emlFile } from "../mail/emlFile";

/**
 * E-mails as .eml files in a sink; the journal's Référence is the file's path.
 * @example emlDelivery(sink).deliver(email, "emails/2026-06-30-reminder1-sci-x.eml") // "emails/2026-06-30-reminder1-sci-x.eml"
 */
export function emlDelivery(sink: DocumentSink): MailDelivery {
  return {
    async deliver(email, name) {
      // The one place a reminder's .eml bytes are made.
      await sink.write(name, await emlFile(email.message));
      return name;
    },
  };
}
