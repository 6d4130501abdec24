import type { Problem } from "../core/problem";

/** An error that carries a user-facing Problem (its French message) out of a renderer. */
export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(p: Problem) {
    super(p.message);
    this.problem = p;
  }
}
