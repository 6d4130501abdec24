// Types of scripts/build/es2016Check.mjs, for the tests.

/** A place in the checked code (1-based) and what is there. */
export interface Finding {
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

/** Errors: the first syntax acorn rejects at ecmaVersion 2016 (named), BigInt, newer patterns in RegExp(...). Warnings: newer built-ins found by name. */
export function checkEs2016(code: string): { errors: Finding[]; warnings: Finding[] };

/** One line per finding, "file:line:column: text", naming the bundled module when `code` is given. */
export function formatFindings(file: string, findings: readonly Finding[], code?: string): string[];
