import { ProblemError } from "./problemError";

/** A message that cannot be written: its problem says why in French, naming the address. */
export class EmailError extends ProblemError {
  override readonly name = "EmailError";
}
