// Account statements of realistic customers: the bench's large workbook (12,000 invoices, 1,200
// customers, the sample firm as sender) planned on arrays, and every customer the run would send a
// statement rendered, beside the floor of any pdf-lib statement (one empty A4 page, the two fonts
// and the metadata, saved) measured in the same rounds. CPU time per statement (process.cpuUsage),
// median of alternating rounds, as the machine may be busy.
import { PDFDocument, StandardFonts } from "pdf-lib";
import { dayFromIso, dayToExcelSerial } from "../src/core/day";
import { JOURNAL_SHEET } from "../src/core/journalEntry";
import { SETTINGS_HEADER, SETTINGS_SHEET } from "../src/core/settings";
import type { CellValue } from "../src/core/trackingSheet";
import { renderStatement } from "../src/documents/accountStatement";
import { reminderData, type ReminderData } from "../src/documents/reminderData";
import { memoryWorkbook } from "../src/engine/memoryWorkbook";
import { planWorkbook } from "../src/engine/planWorkbook";
import { readWorkbook } from "../src/engine/readWorkbook";
import { COMPLETE_SENDER } from "../test/helpers/senderSettings";
import { median } from "./freshProcess";
import { LARGE_AS_OF, LARGE_SHEET, largeWorkbookRows } from "./largeWorkbook";

const INVOICES = 12_000;
const CUSTOMERS = 1_200;
const ROUNDS = 5;
const MS_PER_DAY = 86_400_000;

/** The merge data of every customer a run would send a statement (levels 1 to 4). */
export async function realisticStatements(invoices = INVOICES, customers = CUSTOMERS): Promise<ReminderData[]> {
  const { tracking, journal } = largeWorkbookRows({ invoices, customers });
  const values = (rows: unknown[][]): CellValue[][] =>
    rows.map((row) => row.map((v) => (v instanceof Date ? dayToExcelSerial(Math.round(v.getTime() / MS_PER_DAY)) : ((v ?? null) as CellValue))));
  const settings: CellValue[][] = [[...SETTINGS_HEADER], ...Object.entries(COMPLETE_SENDER).map(([key, value]) => [key, value, ""])];
  const asOf = dayFromIso(LARGE_AS_OF)!;
  const source = await readWorkbook(
    memoryWorkbook([
      { name: LARGE_SHEET, values: values(tracking) },
      { name: JOURNAL_SHEET, values: values(journal) },
      { name: SETTINGS_SHEET, values: settings },
    ]),
    { asOf },
  );
  const plan = planWorkbook(source, asOf);
  return plan.actions.filter((a) => a.level >= 1).map((a) => reminderData(a, plan, source.settings));
}

/** The least a pdf-lib statement costs: an empty A4 page, both standard fonts, the metadata, saved. */
async function emptyStatement(data: ReminderData): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  await doc.embedFont(StandardFonts.Helvetica);
  await doc.embedFont(StandardFonts.HelveticaBold);
  doc.setTitle(data.raison_sociale);
  doc.setAuthor(data.societe.raison_sociale);
  doc.setCreationDate(new Date(`${data.date_iso}T12:00:00Z`));
  doc.addPage([595.28, 841.89]);
  return doc.save({ useObjectStreams: false });
}

/** CPU milliseconds (user + system) of rendering every customer's document once. */
async function cpuMs(customers: readonly ReminderData[], render: (data: ReminderData) => Promise<Uint8Array>): Promise<{ ms: number; bytes: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  let bytes = 0;
  const start = process.cpuUsage();
  for (const data of customers) bytes += (await render(data)).length;
  const { user, system } = process.cpuUsage(start);
  return { ms: (user + system) / 1000, bytes };
}

export async function runStatementBenchmark(): Promise<void> {
  const customers = await realisticStatements();
  const pages = customers.reduce((n, d) => n + d.releve.lignes.length + d.releve.avoirs.length, 0);
  console.log(`## Statements: ${customers.length.toLocaleString("en-US")} customers of the bench workbook (${INVOICES.toLocaleString("en-US")} invoices), ${(pages / customers.length).toFixed(1)} lines each`);
  // Warm-up: the first thousands of documents also pay the JIT's compiling (on other threads).
  await cpuMs(customers, renderStatement);
  await cpuMs(customers, emptyStatement);
  const statements: number[] = [];
  const floor: number[] = [];
  let bytes = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const s = await cpuMs(customers, renderStatement);
    statements.push(s.ms);
    bytes = s.bytes;
    floor.push((await cpuMs(customers, emptyStatement)).ms);
  }
  const perStatement = median(statements) / customers.length;
  const perFloor = median(floor) / customers.length;
  console.log(`statements: renderStatement             ${(perStatement * 1000).toFixed(0).padStart(6)} µs CPU each  (${(bytes / customers.length / 1024).toFixed(1)} KB each)`);
  console.log(`reference: empty pdf-lib page, saved    ${(perFloor * 1000).toFixed(0).padStart(6)} µs CPU each`);
  console.log(`ratio statement / empty page:           ${(perStatement / perFloor).toFixed(2)}x (target: statement <= 700 µs)`);
  console.log(`(${ROUNDS} rounds each, alternating, medians of CPU time)\n`);
}
