// What the pane shows at the end of an action: what was produced, how many journal lines it added,
// and each customer left out with why (one line, French then English).
import type { MissingSetting } from "../core/senderCheck";

/** What a pane action makes: e-mails, letters, statements, court files, stage sheet rows. */
export type PaneActionKind = "emails" | "letters" | "statements" | "stages" | "injunction";

/** What one produced item is. */
export type ProducedKind = "email" | "letter" | "statement" | "court" | "stage";

/** One thing produced for one customer (a letter gathering several customers is listed for each). */
export interface ProducedItem {
  /** The file's path in the run's folder, the e-mail's .eml name, or the stage sheet's name. */
  readonly path: string;
  readonly kind: ProducedKind;
  /** The customer, as the plan names it. */
  readonly customer: string;
}

/** A customer of the selection that the action did not act on. */
export interface LeftOut {
  readonly customer: string;
  /** Why, French then English. */
  readonly reason: string;
}

/** A setting the sender lacks, with the message that names it and the documents needing it. */
export interface MissingSenderSetting extends MissingSetting {
  readonly message: string;
}

export interface ActionSummary {
  readonly produced: readonly ProducedItem[];
  /** The journal lines added. */
  readonly journalled: number;
  readonly leftOut: readonly LeftOut[];
  /** The stage sheets' rows added (the "stages" action). */
  readonly stageRows: number;
  /** When the sender is incomplete: what is missing (nothing was then produced nor journalled). */
  readonly missingSettings?: readonly MissingSenderSetting[] | undefined;
}
