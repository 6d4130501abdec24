// `run`'s refusal when the sender is incomplete (SPEC section 5): no document and no journal line,
// only the copy of the workbook with its settings sheet ready to fill (see runDecision.ts).
import type { MissingSetting } from "../core/senderCheck";

/** The run refused: what is missing, and the copy whose settings sheet the user is to fill. */
export class SenderIncompleteError extends Error {
  constructor(
    readonly missing: readonly MissingSetting[],
    /** The copy written, to open, fill and run on. */
    readonly copyFile: string,
  ) {
    super(`Expéditeur incomplet : ${missing.map((m) => m.key).join(", ")} / sender incomplete`);
    this.name = "SenderIncompleteError";
  }
}
