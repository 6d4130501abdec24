/**
 * Errors a user can meet are values, not exceptions: the engine keeps going over the other rows,
 * and each edge (Excel function, task pane, command line) shows the French message its own way.
 */

/** A user-facing error as a value: French message; code says which Excel error it maps to. */
export interface Problem {
  readonly kind: "problem";
  readonly code: "value" | "na";
  readonly message: string;
}

/**
 * Makes a problem value.
 *
 * @param message - what went wrong, in French, for a person to read
 * @param code - the Excel error it maps to: "value" (#VALUE!, the default) or "na" (#N/A)
 * @returns a frozen Problem
 * @example
 * problem("Date manquante") // { kind: "problem", code: "value", message: "Date manquante" }
 */
export function problem(message: string, code: "value" | "na" = "value"): Problem {
  return Object.freeze({ kind: "problem", code, message });
}

/**
 * Tells a problem from a result, so that callers can narrow `T | Problem`.
 *
 * @param x - any value
 * @returns true when x is a Problem
 * @example
 * isProblem(problem("Date manquante")) // true
 * isProblem(45658) // false
 */
export function isProblem(x: unknown): x is Problem {
  return (
    typeof x === "object" &&
    x !== null &&
    (x as { kind?: unknown }).kind === "problem" &&
    typeof (x as { message?: unknown }).message === "string"
  );
}
