// The progress line of long commands on stderr (rows read, documents written): nothing during the
// first two seconds, so that short runs print nothing, then at most one line a second, French then
// English. stdout stays clean (plan --json).
import type { RunProgress } from "../engine/progress";

/** Where the line goes: a terminal rewrites one line in place, a log gets one line each time. */
export interface ProgressOutput {
  show(line: string): void;
  /** Takes the line away once the command is done (a terminal's), before its results are printed. */
  clear(): void;
}

/** Quiet during this long: a short run prints nothing. */
const FIRST_AFTER_MS = 2000;
/** At most one line in this long. */
const EVERY_MS = 1000;

const french = new Intl.NumberFormat("fr-FR");
const english = new Intl.NumberFormat("en-US");

/**
 * The line for the counts so far.
 * @example progressText(350000, 1200) // "En cours : 350 000 lignes lues, 1 200 documents écrits / In progress: 350,000 rows read, 1,200 documents written"
 */
export function progressText(rows: number, documents: number): string {
  const fr = [`${french.format(rows)} lignes lues`, ...(documents > 0 ? [`${french.format(documents)} documents écrits`] : [])];
  const en = [`${english.format(rows)} rows read`, ...(documents > 0 ? [`${english.format(documents)} documents written`] : [])];
  return `En cours : ${fr.join(", ")} / In progress: ${en.join(", ")}`;
}

export interface ProgressLine extends RunProgress {
  /** The command is done: the line, if shown, is taken away. */
  done(): void;
}

/**
 * A progress reporter printing to `output`.
 * @param now - the clock, in milliseconds (tests give their own)
 * @example const progress = progressLine(stderrProgress()); … progress.done();
 */
export function progressLine(output: ProgressOutput, now: () => number = Date.now): ProgressLine {
  const start = now();
  let shownAt: number | undefined;
  let rows = 0;
  let documents = 0;
  const report = (): void => {
    const time = now();
    if (time - start < FIRST_AFTER_MS || (shownAt !== undefined && time - shownAt < EVERY_MS)) return;
    shownAt = time;
    output.show(progressText(rows, documents));
  };
  return {
    rowsRead(count) {
      rows = count;
      report();
    },
    documentsWritten(count) {
      documents = count;
      report();
    },
    done() {
      if (shownAt !== undefined) output.clear();
    },
  };
}

/**
 * stderr as a progress output: on a terminal, one line rewritten in place and erased at the end;
 * otherwise (a log), one line each time.
 */
export function stderrProgress(stream: { isTTY?: boolean; write(text: string): unknown } = process.stderr): ProgressOutput {
  if (stream.isTTY === true) {
    return { show: (line) => stream.write(`\r${line}\x1b[K`), clear: () => stream.write("\r\x1b[K") };
  }
  return { show: (line) => stream.write(`${line}\n`), clear: () => undefined };
}
