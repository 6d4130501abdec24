// A tracking sheet whose last row is Excel's last, 1,048,576 (a format or a stray value left down
// there), with empty rows between: `run` finishes, with the plan and the documents of the same sheet
// without them, and `plan` shows its progress on the way rather than reading for minutes in silence.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliIo } from "../../src/cli/relances";
import { dayFromIso } from "../../src/core/day";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { planWorkbook } from "../../src/engine/planWorkbook";
import { readWorkbookSource } from "../../src/workbook/workbookSource";

const LAST_ROW = 1_048_576;
const asOf = dayFromIso(SAMPLE_AS_OF)!;

let dir: string;
let sample: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-full-height-"));
  sample = path.join(dir, "exemple.xlsx");
  await writeSampleWorkbook(sample);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The part of the sample's tracking sheet (the first sheet of the workbook). */
function trackingSheetPart(zip: PizZip): string {
  const workbook = zip.file("xl/workbook.xml")!.asText();
  const id = /<sheet\b[^>]*r:id="([^"]+)"/.exec(workbook)![1]!;
  const rels = zip.file("xl/_rels/workbook.xml.rels")!.asText();
  const target = new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1]
    ?? new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/**
 * The sample with empty rows added below its table (formatted, as a format dragged down leaves
 * them: `rows` of them, or every row down to the last) and a stray value in Excel's last row.
 */
async function fullHeightCopy(name: string, emptyRows: number | "all"): Promise<string> {
  const zip = new PizZip(await readFile(sample));
  const part = trackingSheetPart(zip);
  const xml = zip.file(part)!.asText();
  const lastRow = Math.max(...[...xml.matchAll(/<row\b[^>]*\br="(\d+)"/g)].map((m) => Number(m[1])));
  const until = emptyRows === "all" ? LAST_ROW - 1 : lastRow + emptyRows;
  const rows: string[] = [];
  for (let row = lastRow + 1; row <= until; row++) rows.push(`<row r="${row}" s="0" customFormat="1"/>`);
  rows.push(`<row r="${LAST_ROW}"><c r="Z${LAST_ROW}" t="inlineStr"><is><t>x</t></is></c></row>`);
  const grown = xml
    .replace(/<dimension ref="([A-Z]+\d+:[A-Z]+)\d+"\/>/, `<dimension ref="$1${LAST_ROW}"/>`)
    .replace("</sheetData>", `${rows.join("")}</sheetData>`);
  zip.file(part, grown);
  const file = path.join(dir, name, "suivi.xlsx");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, zip.generate({ type: "uint8array", compression: "DEFLATE" }));
  return file;
}

function captured(): { io: CliIo; err: () => string; progress: string[] } {
  const err: string[] = [];
  const progress: string[] = [];
  const io: CliIo = { out: () => undefined, err: (t) => err.push(t), env: { USER: "test" }, progress: { show: (l) => progress.push(l), clear: () => undefined } };
  return { io, err: () => err.join("\n"), progress };
}

describe("a tracking sheet down to row 1,048,576", () => {
  it("with thousands of empty rows and a stray value in the last row: the run finishes, with the plan and documents of the sheet without them", async () => {
    const file = await fullHeightCopy("sparse", 5_000);
    const plain = planWorkbook(await readWorkbookSource(sample, { asOf }), asOf);
    const grown = planWorkbook(await readWorkbookSource(file, { asOf }), asOf);
    // Blank rows after the table are not part of it, nor is a value in a column no header names.
    expect(grown.counts).toEqual(plain.counts);
    expect(grown.actions.map((a) => [a.customerKey, a.level, a.channel])).toEqual(plain.actions.map((a) => [a.customerKey, a.level, a.channel]));
    const { io, err } = captured();
    const out = path.join(dir, "sparse", "sortie");
    expect(await runCli(["run", file, "--as-of", SAMPLE_AS_OF, "--out", out], io), err()).toBe(0);
  }, 120_000);

  it("with every row down to the last one present: plan reads it all, counting the rows for its progress line, and plans the table alone", async () => {
    const file = await fullHeightCopy("dense", "all");
    const run = async (workbook: string): Promise<{ status: number; out: string; progress: string[] }> => {
      const out: string[] = [];
      const progress: string[] = [];
      const io: CliIo = { out: (t) => out.push(t), err: () => undefined, env: { USER: "test" }, progress: { show: (l) => progress.push(l), clear: () => undefined } };
      const status = await runCli(["plan", workbook, "--as-of", SAMPLE_AS_OF], io);
      return { status, out: out.join("\n"), progress };
    };
    const dense = await run(file);
    const plain = await run(sample);
    expect(dense.status).toBe(0);
    // Every row is counted as it is read (what the progress line shows after its first two seconds).
    const counts: number[] = [];
    await readWorkbookSource(file, { asOf, onProgress: (rows) => counts.push(rows) });
    expect(counts.at(-1)).toBeGreaterThan(LAST_ROW - 1024);
    expect(counts.every((n, i) => i === 0 || n > counts[i - 1]!)).toBe(true);
    // The lines shown, if the read took long enough here to show any, read rows in French then English.
    for (const line of dense.progress) expect(line).toMatch(/^En cours : [\d\s\u202f\u00a0]+ lignes lues \/ In progress: [\d,]+ rows read$/);
    const rowsLine = (text: string): string | undefined => text.split("\n").find((line) => line.startsWith("Lignes lues"));
    expect(rowsLine(dense.out)).toBe(rowsLine(plain.out));
    expect(plain.progress).toEqual([]);
  }, 180_000);
});
