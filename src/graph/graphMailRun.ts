// What `relances run --mail graph` adds to a run: the drafts' delivery made from the environment,
// the failures that are Microsoft 365's (exit 3, with their message), and the summary's line.
import { GraphTokenRefused } from "./graphBatcher";
import { GraphDraftError } from "./graphDraftError";
import { GraphConfigError, graphMailConfig } from "./graphMailConfig";
import { draftCountsLine, graphMailDelivery, sharedMailboxTarget, type GraphMailDelivery } from "./graphMailDelivery";

export interface GraphMailRun {
  readonly delivery: GraphMailDelivery;
  /** Whether a run's failure is a draft or a token refused (told as is, exit 3). */
  refused(error: unknown): boolean;
  /** "Brouillons Outlook … : 5 créé(s), 2 déjà là / …". */
  summary(): string;
}

/**
 * The run's Graph side from the environment.
 * @returns it, or the message naming each missing or invalid variable (exit 2)
 */
export function graphMailRun(env: Readonly<Record<string, string | undefined>>): GraphMailRun | string {
  let config;
  try {
    config = graphMailConfig(env);
  } catch (error) {
    if (error instanceof GraphConfigError) return error.message;
    throw error;
  }
  const delivery = graphMailDelivery(sharedMailboxTarget(config));
  return {
    delivery,
    refused: (error) => error instanceof GraphDraftError || error instanceof GraphTokenRefused,
    summary: () => draftCountsLine(delivery.counts, config.mailbox),
  };
}
