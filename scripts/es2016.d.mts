// Types of scripts/es2016.mjs, for the tests.

/** A place in the checked code (1-based; line 0: somewhere, the text says what) and what is there. */
export interface Finding {
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

/** What in a regular expression is newer than ES2016 (flags s, d, v; \p{...}; lookbehind; named groups; modifiers), or []. */
export function newerRegExpSyntax(pattern: string, flags: string): string[];

/** Errors: what an ES2016 engine cannot parse or run (newer syntax, BigInt, newer regular expressions). Warnings: newer built-ins found by name. */
export function checkEs2016(code: string, fileName?: string): Promise<{ errors: Finding[]; warnings: Finding[] }>;

/** One line per finding, "file:line:column: text", naming the bundled module when `code` is given. */
export function formatFindings(file: string, findings: readonly Finding[], code?: string): string[];
