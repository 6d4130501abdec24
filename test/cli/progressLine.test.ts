// The progress line of long runs: nothing in the first two seconds, then at most one line a
// second, French then English; a terminal's line rewritten in place and erased at the end.
import { describe, expect, it } from "vitest";
import { progressLine, progressText, stderrProgress } from "../../src/cli/progressLine";

function recorder() {
  const shown: string[] = [];
  let cleared = 0;
  return { output: { show: (line: string) => shown.push(line), clear: () => void cleared++ }, shown, cleared: () => cleared };
}

describe("the progress line", () => {
  it("says nothing during a short run", () => {
    let now = 0;
    const { output, shown, cleared } = recorder();
    const progress = progressLine(output, () => now);
    for (; now < 1900; now += 100) progress.rowsRead(now * 10);
    progress.documentsWritten(12);
    progress.done();
    expect(shown).toEqual([]);
    expect(cleared()).toBe(0);
  });

  it("after two seconds, shows the counts at most once a second", () => {
    let now = 0;
    const { output, shown, cleared } = recorder();
    const progress = progressLine(output, () => now);
    for (; now <= 5000; now += 100) progress.rowsRead(now * 100);
    expect(shown).toHaveLength(4); // at 2, 3, 4 and 5 s
    expect(shown[0]).toBe(progressText(200_000, 0));
    progress.done();
    expect(cleared()).toBe(1);
  });

  it("reads French first, then English, with the documents once there are some", () => {
    expect(progressText(1_048_576, 0)).toBe("En cours : 1\u202f048\u202f576 lignes lues / In progress: 1,048,576 rows read");
    expect(progressText(100_000, 15_815)).toBe(
      "En cours : 100\u202f000 lignes lues, 15\u202f815 documents écrits / In progress: 100,000 rows read, 15,815 documents written",
    );
  });

  it("rewrites one line in place on a terminal, and writes whole lines to a log", () => {
    const written: string[] = [];
    const terminal = stderrProgress({ isTTY: true, write: (t: string) => written.push(t) });
    terminal.show("a");
    terminal.clear();
    expect(written).toEqual(["\ra\x1b[K", "\r\x1b[K"]);
    written.length = 0;
    const log = stderrProgress({ write: (t: string) => written.push(t) });
    log.show("a");
    log.clear();
    expect(written).toEqual(["a\n"]);
  });
});
