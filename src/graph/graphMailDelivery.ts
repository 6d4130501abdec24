// Reminder e-mails as Outlook drafts, for `relances run --mail graph`: the engine hands every
// e-mail over (deliver), then says it is done (flush); the drafts are then made together, in
// batches, each found or created once. The journal's Référence is the draft's immutable id.
import type { MailDelivery } from "../engine/mailDelivery";
import { appToken } from "./appToken";
import { GraphBatcher } from "./graphBatcher";
import { graphClient } from "./graphClient";
import { draftReminders, userMailbox, type DraftRequest, type DraftTarget } from "./graphDrafts";
import type { GraphMailConfig } from "./graphMailConfig";

export interface DraftCounts {
  created: number;
  found: number;
}

export interface GraphMailDelivery extends MailDelivery {
  /** How many drafts this run made, and how many it found made already. */
  readonly counts: Readonly<DraftCounts>;
  flush(): Promise<void>;
}

interface Pending {
  readonly request: DraftRequest;
  resolve(id: string): void;
  reject(error: unknown): void;
}

/**
 * A mail delivery drafting in `target`'s mailbox.
 * @example runWorkbook(file, { ...options, mail: graphMailDelivery(target) })
 */
export function graphMailDelivery(target: DraftTarget): GraphMailDelivery {
  const counts: DraftCounts = { created: 0, found: 0 };
  let pending: Pending[] = [];
  return {
    counts,
    deliver(email, name) {
      return new Promise<string>((resolve, reject) => {
        pending.push({ request: { key: email.message.messageId, message: email.message, label: name }, resolve, reject });
      });
    },
    async flush() {
      const gathered = pending;
      pending = [];
      const drafts = draftReminders(
        gathered.map((p) => p.request),
        target,
      );
      await Promise.allSettled(
        drafts.map((draft, i) =>
          draft.then(
            (result) => {
              if (result.created) counts.created++;
              else counts.found++;
              gathered[i]!.resolve(result.id);
            },
            (error: unknown) => gathered[i]!.reject(error),
          ),
        ),
      );
    },
  };
}

/** The command line's target: the shared mailbox, by client credentials. */
export function sharedMailboxTarget(config: GraphMailConfig): DraftTarget {
  const client = graphClient({ baseUrl: config.graphBaseUrl, accessToken: appToken(config) });
  return {
    batcher: new GraphBatcher(client, { timeoutMs: config.timeoutMs }),
    mailbox: userMailbox(config.mailbox),
    mailboxAddress: config.mailbox.includes("@") ? config.mailbox : undefined,
  };
}

/** The run summary's line. */
export function draftCountsLine(counts: Readonly<DraftCounts>, mailbox: string): string {
  return `Brouillons Outlook dans ${mailbox} : ${counts.created} créé(s), ${counts.found} déjà là / Outlook drafts in ${mailbox}: ${counts.created} created, ${counts.found} found already`;
}
