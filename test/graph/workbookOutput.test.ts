// The Graph WorkbookOutput against the stand-in: the WorkbookOutput contract (the same sheets and
// appends give the same sheets as every host), then journal lines appended to the journal's
// table and read back equal, two appends racing on one workbook serialised, and formula-like text
// kept as text (no formula ever reaches the workbook).
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ResponseType } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cellValue";
import { dayFromIso } from "../../src/core/day";
import { JOURNAL_SHEET, type JournalEntry } from "../../src/core/journalEntry";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { journalSheetAppend } from "../../src/engine/journalSheetAppend";
import { planWorkbook } from "../../src/engine/planWorkbook";
import { readWorkbook } from "../../src/engine/readWorkbook";
import { readWorkbookSource } from "../../src/workbook/workbookSource";
import { graphWorkbookInput, worksheetPath } from "../../src/graph/workbookInput";
import { findWorkbook } from "../../src/graph/workbookLocation";
import { GraphWorkbookOutput } from "../../src/graph/workbookOutput";
import { WorkbookSession } from "../../src/graph/workbookSession";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { STANDIN_USER } from "../../src/standin/standinTenant";
import { columnLetters } from "../../src/workbook/cellRange";
import { writeOfficeSheets } from "../engine/officeWorkbook";
import { workbookOutputContract } from "../engine/workbookOutputContract";
import { startWorkbookStandin, type WorkbookStandin } from "./workbookStandin";

let m365: WorkbookStandin;
let dir: string;
let files = 0;
beforeAll(async () => {
  m365 = await startWorkbookStandin();
  dir = await mkdtemp(path.join(tmpdir(), "relances-graph-output-"));
});
afterAll(async () => {
  await m365.close();
  await rm(dir, { recursive: true, force: true });
});

/** A workbook file put on the stand-in's drive, and a session on it. */
async function sessionOn(bytes: Uint8Array): Promise<{ session: WorkbookSession; drivePath: string }> {
  const drivePath = `Compta/classeur-${++files}.xlsx`;
  const item = m365.drive.put(STANDIN_USER, drivePath, bytes);
  const client = m365.client();
  return { session: await WorkbookSession.open(client, await findWorkbook(client, { url: m365.drive.webUrl(item) })), drivePath };
}

/** Every sheet read back through Graph from A1: values and number formats. */
async function readBack(session: WorkbookSession): Promise<MemorySheet[]> {
  const { value } = await session.get<{ value: { name: string; visibility: string }[] }>("/worksheets");
  const sheets: MemorySheet[] = [];
  for (const { name } of value) {
    const used = await session.get<{ rowIndex: number; rowCount: number; columnIndex: number; columnCount: number }>(`${worksheetPath(name)}/usedRange`);
    const address = `A1:${columnLetters(used.columnIndex + used.columnCount)}${used.rowIndex + used.rowCount}`;
    const range = await session.get<{ values: CellValue[][]; numberFormat: string[][] }>(`${worksheetPath(name)}/range(address='${address}')`, ["values", "numberFormat"]);
    sheets.push({ name, values: range.values, numberFormats: range.numberFormat });
  }
  return sheets;
}

workbookOutputContract("the Graph output", {
  async open(sheets) {
    const file = path.join(dir, `contract-${++files}.xlsx`);
    await writeOfficeSheets(sheets, file);
    const { session } = await sessionOn(await readFile(file));
    return { output: new GraphWorkbookOutput(session), read: () => readBack(session) };
  },
});

const asOf = dayFromIso(SAMPLE_AS_OF)!;
const line = (invoice: string, customer = "SCI Les Tilleuls", user = "Claire"): JournalEntry => ({ date: asOf, customer, invoice, level: 1, channel: "email", reference: `draft-${invoice}`, user });

describe("journal lines through Graph", () => {
  it("go into the journal's table and are read back equal, the table grown by them", async () => {
    const file = path.join(dir, "sample.xlsx");
    await writeSampleWorkbook(file);
    const { session } = await sessionOn(await readFile(file));
    const before = await readWorkbook(graphWorkbookInput(session), { asOf });
    const sheets = await readBack(session);
    const lines = [line("F-9001"), line("F-9002", "Durand SARL")];
    const { added, append } = journalSheetAppend(sheets, before.journal.entries, lines);
    expect(added).toHaveLength(2);
    const tableBefore = await session.get<{ rowCount: number }>("/tables('JournalRelances')/range");
    await new GraphWorkbookOutput(session).append([append!]);
    const after = await readWorkbook(graphWorkbookInput(session, { windowRows: 5 }), { asOf });
    expect(after.journal.entries.slice(0, before.journal.entries.length)).toEqual(before.journal.entries);
    expect(after.journal.entries.slice(before.journal.entries.length).map(({ row: _row, ...entry }) => entry)).toEqual(lines);
    expect((await session.get<{ rowCount: number }>("/tables('JournalRelances')/range")).rowCount).toBe(tableBefore.rowCount + 2);
    // The same action again adds nothing.
    expect(journalSheetAppend(await readBack(session), after.journal.entries, lines).added).toEqual([]);
    await session.close();
  });

  it("are in the file Excel saves, which the command line reads with the same journal", async () => {
    const file = path.join(dir, "saved.xlsx");
    await writeSampleWorkbook(file);
    const { session } = await sessionOn(await readFile(file));
    const { append } = journalSheetAppend(await readBack(session), [], [line("F-7001"), line("F-7002", "Mairie de Saverdun")]);
    await new GraphWorkbookOutput(session).append([append!]);
    const throughGraph = await readWorkbook(graphWorkbookInput(session), { asOf });
    await session.close();
    const { item } = session;
    const bytes = (await session.client.api(`/drives/${item.driveId}/items/${item.itemId}/content`).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer;
    const downloaded = path.join(dir, "downloaded.xlsx");
    await writeFile(downloaded, Buffer.from(bytes));
    const fromFile = await readWorkbookSource(downloaded, { asOf });
    expect(fromFile.journal.entries.map((e) => e.invoice).slice(-2)).toEqual(["F-7001", "F-7002"]);
    expect(fromFile.journal).toEqual(throughGraph.journal);
    expect(planWorkbook(fromFile, asOf)).toEqual(planWorkbook(throughGraph, asOf));
  });

  it("keeps a customer named =HYPERLINK(…) as that text, with no formula in the workbook", async () => {
    const file = path.join(dir, "hostile.xlsx");
    await writeSampleWorkbook(file);
    const { session, drivePath } = await sessionOn(await readFile(file));
    const hostile = '=HYPERLINK("http://evil.example","cliquez")';
    const { append } = journalSheetAppend(await readBack(session), [], [line("F-666", hostile), line("F-667", "+33 1 23 45"), line("F-668", "@SOMME(A1)")]);
    await new GraphWorkbookOutput(session).append([append!]);
    const journal = await m365.workbooks.values(STANDIN_USER, drivePath, JOURNAL_SHEET);
    const customers = journal!.map((row) => row[1]);
    expect(customers.slice(-3)).toEqual([hostile, "+33 1 23 45", "@SOMME(A1)"]);
    expect(await m365.workbooks.formulas(STANDIN_USER, drivePath, JOURNAL_SHEET)).toEqual([]);
    expect(await m365.workbooks.numberFormat(STANDIN_USER, drivePath, JOURNAL_SHEET, journal!.length - 2, 1)).toBe("@");
    const after = await readWorkbook(graphWorkbookInput(session), { asOf });
    expect(after.journal.entries.slice(-3).map((e) => e.customer)).toEqual([hostile, "+33 1 23 45", "@SOMME(A1)"]);
    await session.close();
  });
});

describe("two appends racing on one workbook", () => {
  it("are sent one after the other: every line lands, none over another, and Excel sees no conflicting write", async () => {
    m365.workbooks.writeDelayMs = 20;
    try {
      const file = path.join(dir, "race.xlsx");
      await writeOfficeSheets([{ name: "Suivi 2026", values: [["Client", "N° facture"], ["Dupont", "F-1"]] }, { name: "Relance 1", values: [["Date de relance", "Raison sociale"]] }], file);
      const bytes = await readFile(file);
      const { session, drivePath } = await sessionOn(bytes);
      // Two sessions on the same workbook, as two requests of the server would have.
      const other = await WorkbookSession.open(session.client, session.item);
      const append = (who: string) => ({ sheet: "Relance 1", header: ["Date de relance", "Raison sociale"], rows: [[46203, `${who} 1`], [46203, `${who} 2`], [46203, `${who} 3`]] as CellValue[][] });
      await Promise.all([new GraphWorkbookOutput(session).append([append("A")]), new GraphWorkbookOutput(other).append([append("B")])]);
      const values = await m365.workbooks.values(STANDIN_USER, drivePath, "Relance 1");
      expect(values!.slice(1).map((row) => row[1]).sort()).toEqual(["A 1", "A 2", "A 3", "B 1", "B 2", "B 3"]);
      await Promise.all([session.close(), other.close()]);
    } finally {
      m365.workbooks.writeDelayMs = 0;
    }
  });
});
