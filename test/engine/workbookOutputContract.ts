// The contract every WorkbookOutput adapter passes (the preview's memory one, Office.js's): the same
// workbook and the same appends give the same sheets. Rows go below the last used row, a missing
// sheet is created with its header, nothing that holds a value is written over, and hostile text
// (a formula, HTML) is stored as the very text given, kept as text. An adapter's test calls
// workbookOutputContract with a harness that opens a host on the sheets and reads them back.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cellValue";
import { JOURNAL_COLUMNS, JOURNAL_SHEET } from "../../src/core/journalEntry";
import { SETTINGS_SHEET } from "../../src/core/settings";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { STAGE_COLUMNS } from "../../src/engine/stageRows";
import type { SheetAppend, WorkbookOutput } from "../../src/engine/workbookOutput";

/** A host opened on some sheets: its output, and its sheets read back (values, number formats). */
export interface OpenedHost {
  readonly output: WorkbookOutput;
  read(): Promise<readonly MemorySheet[]>;
}

export interface OutputHarness {
  open(sheets: readonly MemorySheet[]): Promise<OpenedHost>;
}

/** A cell, 1-based row and 0-based column. */
export interface CellAt {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
}

export interface OutputCase {
  readonly before: readonly MemorySheet[];
  readonly appends: readonly SheetAppend[];
  /** The used values of the sheets named, from A1, trailing blanks trimmed. */
  readonly after: Readonly<Record<string, readonly (readonly CellValue[])[]>>;
  /** Cells that must be kept as text (the Text number format "@"). */
  readonly textCells?: readonly CellAt[];
  /** Cells that must show as dates (a date number format). */
  readonly dateCells?: readonly CellAt[];
}

const DATE = 46203; // 2026-06-30
const HOSTILE_NAME = '=HYPERLINK("http://evil.example","x")';
const HOSTILE_HTML = "<img src=x onerror=alert(1)>";
const HEADER = [...JOURNAL_COLUMNS];
const line = (customer: string, invoice: string, level: string | null = "Relance 1"): CellValue[] => [DATE, customer, invoice, level, "email", null, null, null, null, "test"];
const used = (cells: readonly CellValue[]): CellValue[] => cells.map((c) => (c === null ? "" : c));
const journalAppend = (rows: CellValue[][]): SheetAppend => ({ sheet: JOURNAL_SHEET, header: HEADER, rows, table: "JournalRelances", dateColumns: [0, 6] });

const TRACKING: MemorySheet = { name: "Suivi 2026", values: [["Client", "N° facture"], ["Dupont", "F-1"]] };

export const OUTPUT_CASES: Readonly<Record<string, OutputCase>> = {
  "appends to an existing journal below its last line, its header and lines untouched": {
    before: [TRACKING, { name: JOURNAL_SHEET, values: [HEADER, used(line("Dupont", "F-0")), ["", "", "", "", "", "", "", "", "", ""]] }],
    appends: [journalAppend([line("Dupont", "F-1"), line("Martin", "F-2", "Relance 2")])],
    after: {
      [JOURNAL_SHEET]: [HEADER, used(line("Dupont", "F-0")), used(line("Dupont", "F-1")), used(line("Martin", "F-2", "Relance 2"))].map(trimmed),
      "Suivi 2026": [["Client", "N° facture"], ["Dupont", "F-1"]],
    },
    dateCells: [{ sheet: JOURNAL_SHEET, row: 3, column: 0 }, { sheet: JOURNAL_SHEET, row: 4, column: 0 }],
  },
  "creates a missing journal with its header": {
    before: [TRACKING],
    appends: [journalAppend([line("Dupont", "F-1")])],
    after: { [JOURNAL_SHEET]: [HEADER, trimmed(used(line("Dupont", "F-1")))], "Suivi 2026": [["Client", "N° facture"], ["Dupont", "F-1"]] },
    dateCells: [{ sheet: JOURNAL_SHEET, row: 2, column: 0 }],
  },
  "finds the journal whatever the case of its name, and writes no second header": {
    before: [TRACKING, { name: "journal des relances", values: [HEADER] }],
    appends: [journalAppend([line("Dupont", "F-1")])],
    after: { "journal des relances": [HEADER, trimmed(used(line("Dupont", "F-1")))] },
  },
  "appends to a stage sheet after its last used row, blank rows inside it kept": {
    before: [
      TRACKING,
      { name: "Relance 1", values: [STAGE_COLUMNS.map((c) => c.header), [DATE - 30, "Dupont", "", "", "", "", "F-0"], ["", "", ""], [DATE - 20, "Martin", "", "", "", "", "F-9"], ["", ""]] },
    ],
    appends: [{ sheet: "Relance 1", header: STAGE_COLUMNS.map((c) => c.header), rows: [[DATE, "Dupont", null, "31000", "Toulouse", null, "F-1"]], dateColumns: [0, 7, 8, 11, 12] }],
    after: {
      "Relance 1": [
        STAGE_COLUMNS.map((c) => c.header),
        [DATE - 30, "Dupont", "", "", "", "", "F-0"],
        [],
        [DATE - 20, "Martin", "", "", "", "", "F-9"],
        [DATE, "Dupont", "", "31000", "Toulouse", "", "F-1"],
      ],
    },
    dateCells: [{ sheet: "Relance 1", row: 5, column: 0 }],
  },
  "creates stage sheets and the journal in one batch": {
    before: [TRACKING],
    appends: [
      journalAppend([line("Dupont", "F-1")]),
      { sheet: "Relance 2", header: ["Date de relance", "Raison sociale"], rows: [[DATE, "Dupont"]], dateColumns: [0] },
      { sheet: "Mise en demeure", header: ["Date de relance", "Raison sociale"], rows: [[DATE, "Martin"]], dateColumns: [0] },
    ],
    after: {
      [JOURNAL_SHEET]: [HEADER, trimmed(used(line("Dupont", "F-1")))],
      "Relance 2": [["Date de relance", "Raison sociale"], [DATE, "Dupont"]],
      "Mise en demeure": [["Date de relance", "Raison sociale"], [DATE, "Martin"]],
    },
  },
  "keeps hostile values as the very text given, inert": {
    before: [TRACKING, { name: JOURNAL_SHEET, values: [HEADER] }],
    appends: [journalAppend([
      [DATE, HOSTILE_NAME, "F-1", "Relance 1", "email", null, null, null, HOSTILE_HTML, "@SUM(A1)"],
      [DATE, HOSTILE_HTML, "+33 1 23", "Relance 1", "email", "-2+3", null, null, "=1+1", "\t=cmd"],
    ])],
    after: {
      [JOURNAL_SHEET]: [
        HEADER,
        [DATE, HOSTILE_NAME, "F-1", "Relance 1", "email", "", "", "", HOSTILE_HTML, "@SUM(A1)"],
        [DATE, HOSTILE_HTML, "+33 1 23", "Relance 1", "email", "-2+3", "", "", "=1+1", "\t=cmd"],
      ],
    },
    textCells: [
      { sheet: JOURNAL_SHEET, row: 2, column: 1 },
      { sheet: JOURNAL_SHEET, row: 2, column: 9 },
      { sheet: JOURNAL_SHEET, row: 3, column: 2 },
      { sheet: JOURNAL_SHEET, row: 3, column: 5 },
      { sheet: JOURNAL_SHEET, row: 3, column: 8 },
      { sheet: JOURNAL_SHEET, row: 3, column: 9 },
    ],
  },
  "adds nothing for an append without rows, not even a sheet": {
    before: [TRACKING],
    appends: [journalAppend([])],
    after: { "Suivi 2026": [["Client", "N° facture"], ["Dupont", "F-1"]] },
  },
};

/** The settings sheet as the product writes it, for the optional update. */
const SETTINGS: MemorySheet = { name: SETTINGS_SHEET, values: [["Clé", "Valeur", "Description"], ["grace_particulier", 14, "Délai de grâce"], ["societe_raison_sociale", "", "Raison sociale"]] };

/** A sheet's values from A1 as the contract compares them: trailing blank cells and rows trimmed. */
export function usedValues(sheet: MemorySheet): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = 1; r < (sheet.firstRow ?? 1); r++) rows.push([]);
  for (const cells of sheet.values) rows.push(trimmed(cells));
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

function trimmed(cells: readonly CellValue[]): CellValue[] {
  const out = cells.map((c) => (c === null ? "" : c));
  while (out.length > 0 && (out[out.length - 1] === "" || out[out.length - 1] === null)) out.pop();
  return out;
}

function formatAt(sheets: readonly MemorySheet[], at: CellAt): string | undefined {
  const sheet = sheets.find((s) => s.name === at.sheet);
  return sheet?.numberFormats?.[at.row - (sheet.firstRow ?? 1)]?.[at.column];
}

/**
 * Registers the contract's tests for one adapter.
 * @example workbookOutputContract("the memory output", { open: async (sheets) => { const output = new MemoryWorkbookOutput(sheets); return { output, read: async () => output.sheets }; } })
 */
export function workbookOutputContract(name: string, harness: OutputHarness): void {
  describe(`${name} (the WorkbookOutput contract)`, () => {
    for (const [title, c] of Object.entries(OUTPUT_CASES)) {
      it(title, async () => {
        const host = await harness.open(c.before);
        await host.output.append(c.appends);
        const after = await host.read();
        for (const [sheet, values] of Object.entries(c.after)) {
          const found = after.find((s) => s.name === sheet);
          expect(found, sheet).toBeDefined();
          expect(usedValues(found!), sheet).toEqual(values);
        }
        const created = c.appends.filter((a) => a.rows.length > 0).map((a) => a.sheet);
        const expectedNames = [...new Set([...c.before.map((s) => s.name), ...created.filter((n) => !c.before.some((s) => s.name.toLowerCase() === n.toLowerCase()))])];
        expect(after.map((s) => s.name)).toEqual(expectedNames);
        for (const at of c.textCells ?? []) expect(formatAt(after, at), `${at.sheet} ${at.row}:${at.column}`).toBe("@");
        for (const at of c.dateCells ?? []) expect(formatAt(after, at), `${at.sheet} ${at.row}:${at.column}`).toMatch(/d.*m.*y|y.*m.*d/i);
      });
    }

    it("leaves the sheets it was opened on unchanged when it throws on a bad cell", async () => {
      const host = await harness.open([TRACKING]);
      await expect(host.output.append([journalAppend([[DATE, { formula: "=1" } as unknown as CellValue]])])).rejects.toThrow();
      expect((await host.read()).map((s) => s.name)).toEqual(["Suivi 2026"]);
    });

    it("changes a setting the product wrote, when the host can (optional update)", async (context) => {
      const host = await harness.open([TRACKING, SETTINGS]);
      if (host.output.update === undefined) return context.skip();
      await host.output.update([{ sheet: SETTINGS_SHEET, row: 2, column: 1, value: 21, expected: 14 }, { sheet: SETTINGS_SHEET, row: 3, column: 1, value: HOSTILE_NAME, expected: "" }]);
      const settings = (await host.read()).find((s) => s.name === SETTINGS_SHEET)!;
      expect(usedValues(settings)).toEqual([["Clé", "Valeur", "Description"], ["grace_particulier", 21, "Délai de grâce"], ["societe_raison_sociale", HOSTILE_NAME, "Raison sociale"]]);
      expect(formatAt([settings], { sheet: SETTINGS_SHEET, row: 3, column: 1 })).toBe("@");
    });

    it("refuses to change a cell changed since it was read, or a cell of another sheet, writing nothing", async (context) => {
      const host = await harness.open([TRACKING, SETTINGS]);
      if (host.output.update === undefined) return context.skip();
      await expect(host.output.update([{ sheet: SETTINGS_SHEET, row: 2, column: 1, value: 21, expected: 10 }])).rejects.toThrow(/a changé/);
      await expect(
        host.output.update([{ sheet: SETTINGS_SHEET, row: 2, column: 1, value: 21, expected: 14 }, { sheet: "Suivi 2026", row: 2, column: 0, value: "X", expected: "Dupont" }]),
      ).rejects.toThrow(/Paramètres Relances/);
      const after = await host.read();
      expect(usedValues(after.find((s) => s.name === SETTINGS_SHEET)!)[1]).toEqual(["grace_particulier", 14, "Délai de grâce"]);
      expect(usedValues(after.find((s) => s.name === "Suivi 2026")!)).toEqual([["Client", "N° facture"], ["Dupont", "F-1"]]);
    });
  });
}
