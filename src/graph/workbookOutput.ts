// The engine's WorkbookOutput through Graph, in a workbook session: journal lines (and the other
// product sheets' rows) appended to the sheet's table when it has one (tables/{name}/rows/add),
// else below the used range, a missing sheet created with its header (and its table). Each action
// holds the workbook for its writes (never two writes to one workbook at once): everything is
// looked at and checked first, then values, then formats. Values go as Office.js takes them, read
// as if typed: text Excel could read as a formula, number or date gets a leading apostrophe
// (officeCellValue), so that "=HYPERLINK(…)" stays the very text given. The settings sheet's cells
// the product wrote are changed (update) only while they hold what was read.
import type { CellValue } from "../core/cellValue";
import { sameSheetName } from "../engine/sheetNames";
import { SETTINGS_SHEET } from "../core/settings";
import type { CellUpdate, SheetAppend, WorkbookOutput } from "../engine/workbookOutput";
import { DATE_FORMAT, TEXT_FORMAT } from "../workbook/safeCell";
import { columnLetters } from "../workbook/cellRange";
import { needsTextFormat, officeCellValue } from "../../taskpane/excel/officeCellValue";
import { addressRange, worksheetPath } from "./workbookInput";
import { WorkbookRefusal } from "./workbookRefusal";
import type { WorkbookSession } from "./workbookSession";

type GraphCell = string | number | boolean;

/** Rows per request: a request to Graph stays well under its 4 MB. */
const ROWS_PER_REQUEST = 2_000;

interface Placement {
  readonly append: SheetAppend;
  readonly rows: GraphCell[][];
  /** The sheet the rows go on (the table's, for a table). */
  readonly sheet: string;
  readonly kind: "create" | "table" | "below";
  /** Whether the sheet must be added first. */
  readonly addSheet: boolean;
  readonly width: number;
  /** 1-based row and column of the first appended row's first cell. */
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly table?: string | undefined;
  /** A table's only data row, empty: the first appended row fills it. */
  readonly fillsEmptyRow?: boolean | undefined;
}

interface GraphRange {
  readonly address: string;
  readonly values?: CellValue[][];
}

const isBlankCell = (cell: CellValue | undefined): boolean => cell === "" || cell === null || cell === undefined;
const quoted = (name: string): string => `('${encodeURIComponent(name.replace(/'/g, "''"))}')`;

/** An A1 address of rows and columns (1-based). */
function a1(top: number, left: number, bottom: number, right: number): string {
  return `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`;
}

/**
 * The WorkbookOutput of a workbook on OneDrive or SharePoint.
 * @example
 * const output = new GraphWorkbookOutput(await WorkbookSession.open(client, item));
 * await output.append([journalAppend]);
 */
export class GraphWorkbookOutput implements WorkbookOutput {
  constructor(private readonly session: WorkbookSession) {}

  async append(appends: readonly SheetAppend[]): Promise<void> {
    if (appends.every((append) => append.rows.length === 0)) return;
    await this.session.writing(() => this.appendHolding(appends));
  }

  /**
   * Changes cells the product wrote in its settings sheet, each only while it holds what the pane
   * read, with the appends of the same action; every check passes before anything is written.
   */
  async update(updates: readonly CellUpdate[], appends: readonly SheetAppend[] = []): Promise<void> {
    for (const update of updates) {
      if (!sameSheetName(update.sheet, SETTINGS_SHEET)) {
        throw new WorkbookRefusal(`Seule la feuille «${SETTINGS_SHEET}» peut être modifiée, pas «${update.sheet}»`, `Only sheet "${SETTINGS_SHEET}" can be changed`);
      }
    }
    const values = updates.map((update) => officeCellValue(update.value));
    await this.session.writing(async () => {
      const cell = (update: CellUpdate): string => `${worksheetPath(update.sheet)}/range(address='${a1(update.row, update.column + 1, update.row, update.column + 1)}')`;
      for (const update of updates) {
        const found = (await this.session.get<GraphRange>(cell(update), ["values"])).values?.[0]?.[0] ?? "";
        if (!((isBlankCell(found) && isBlankCell(update.expected)) || found === update.expected)) {
          throw new WorkbookRefusal(
            `La cellule ligne ${update.row}, colonne ${update.column + 1} de «${update.sheet}» a changé depuis sa lecture : rien n'a été écrit`,
            `The cell on row ${update.row}, column ${update.column + 1} of "${update.sheet}" has changed since it was read: nothing was written`,
          );
        }
      }
      for (const [i, update] of updates.entries()) await this.session.patch(cell(update), { values: [[values[i]!]] });
      await this.appendHolding(appends);
      for (const update of updates) if (needsTextFormat(update.value)) await this.session.patch(cell(update), { numberFormat: [[TEXT_FORMAT]] });
    });
  }

  /**
   * Appends for a caller that holds the workbook already (session.writing), having read what it
   * decides on in the same hold: the journal's lines, so that two requests never add one line twice.
   */
  async appendHolding(appends: readonly SheetAppend[]): Promise<void> {
    const work = appends.filter((append) => append.rows.length > 0);
    if (work.length === 0) return;
    // Every cell converted before anything is sent: a value that is no cell throws here.
    const converted = work.map((append) => append.rows.map((row) => row.map(officeCellValue)));
    const placements = await this.place(work, converted);
    for (const placement of placements) await this.writeValues(placement);
    for (const placement of placements) await this.writeFormats(placement);
    for (const placement of placements) await this.finishCreated(placement);
  }

  /** Looks at the workbook and decides where each append goes; throws before any write. */
  private async place(work: readonly SheetAppend[], converted: readonly GraphCell[][][]): Promise<Placement[]> {
    const { session } = this;
    const sheets = (await session.get<{ value: { name: string }[] }>("/worksheets", ["name"])).value.map((s) => s.name);
    const tables = work.some((a) => a.table !== undefined) ? (await session.get<{ value: { name: string }[] }>("/tables", ["name"])).value.map((t) => t.name) : [];
    const placements: Placement[] = [];
    for (const [i, append] of work.entries()) {
      const rows = converted[i]!;
      const width = Math.max(append.header.length, ...rows.map((row) => row.length));
      const tableName = append.table === undefined ? undefined : tables.find((name) => name.toLowerCase() === append.table!.toLowerCase());
      if (tableName !== undefined) {
        const path = `/tables${quoted(tableName)}`;
        const sheet = (await session.get<{ name: string }>(`${path}/worksheet`, ["name"])).name;
        const range = addressRange((await session.get<GraphRange>(`${path}/range`, ["address"])).address)!;
        const columns = range.right - range.left + 1;
        if (rows.some((row) => row.length > columns)) {
          throw new WorkbookRefusal(
            `Le tableau «${tableName}» a ${columns} colonnes, les lignes à ajouter en ont ${width} : rien n'a été écrit.`,
            `Table "${tableName}" has ${columns} columns, the rows to add have ${width}: nothing was written.`,
          );
        }
        // A table made with no line yet keeps one empty data row, which the first line fills.
        const body = range.bottom - range.top === 1 ? await session.get<GraphRange>(`${path}/dataBodyRange`, ["values"]) : undefined;
        const fillsEmptyRow = body?.values?.every((row) => row.every(isBlankCell)) === true;
        placements.push({ append, rows, sheet, kind: "table", addSheet: false, width: columns, firstRow: fillsEmptyRow ? range.bottom : range.bottom + 1, firstColumn: range.left, table: tableName, fillsEmptyRow });
        continue;
      }
      const sheet = sheets.find((name) => name === append.sheet) ?? sheets.find((name) => sameSheetName(name, append.sheet));
      const used = sheet === undefined ? undefined : await session.get<GraphRange>(`${worksheetPath(sheet)}/usedRange(valuesOnly=true)`, ["address"]);
      const usedRange = used === undefined ? undefined : addressRange(used.address);
      const single = usedRange !== undefined && usedRange.top === usedRange.bottom && usedRange.left === usedRange.right;
      const empty = sheet === undefined || usedRange === undefined || (single && (await this.cellsBlank(sheet, a1(usedRange.top, usedRange.left, usedRange.top, usedRange.left))));
      if (empty) {
        placements.push({ append, rows, sheet: sheet ?? append.sheet, kind: "create", addSheet: sheet === undefined, width, firstRow: 2, firstColumn: 1 });
        continue;
      }
      const firstRow = usedRange!.bottom + 1;
      if (!(await this.cellsBlank(sheet!, a1(firstRow, 1, firstRow + rows.length - 1, width)))) {
        throw new WorkbookRefusal(
          `La feuille «${append.sheet}» a des cellules remplies là où les lignes devaient s'ajouter : rien n'a été écrit.`,
          `Sheet "${append.sheet}" has filled cells where the rows were to be added: nothing was written.`,
        );
      }
      placements.push({ append, rows, sheet: sheet!, kind: "below", addSheet: false, width, firstRow, firstColumn: 1 });
    }
    return placements;
  }

  private async cellsBlank(sheet: string, address: string): Promise<boolean> {
    const range = await this.session.get<GraphRange>(`${worksheetPath(sheet)}/range(address='${address}')`, ["values"]);
    return (range.values ?? []).every((row) => row.every(isBlankCell));
  }

  private async writeValues(placement: Placement): Promise<void> {
    const { session } = this;
    const { sheet, width } = placement;
    const pad = (row: readonly GraphCell[]): GraphCell[] => Array.from({ length: width }, (_, i) => row[i] ?? "");
    if (placement.kind === "create") {
      if (placement.addSheet) await session.post("/worksheets/add", { name: placement.append.sheet });
      const all = [placement.append.header.map(officeCellValue), ...placement.rows].map(pad);
      for (let start = 0; start < all.length; start += ROWS_PER_REQUEST) {
        const block = all.slice(start, start + ROWS_PER_REQUEST);
        await session.patch(`${worksheetPath(sheet)}/range(address='${a1(1 + start, 1, start + block.length, width)}')`, { values: block });
      }
      return;
    }
    let rows = placement.rows.map(pad);
    if (placement.kind === "table") {
      const path = `/tables${quoted(placement.table!)}`;
      if (placement.fillsEmptyRow === true) {
        const r = placement.firstRow;
        await session.patch(`${worksheetPath(sheet)}/range(address='${a1(r, placement.firstColumn, r, placement.firstColumn + width - 1)}')`, { values: [rows[0]!] });
        rows = rows.slice(1);
      }
      for (let start = 0; start < rows.length; start += ROWS_PER_REQUEST) await session.post(`${path}/rows/add`, { index: null, values: rows.slice(start, start + ROWS_PER_REQUEST) });
      return;
    }
    for (let start = 0; start < rows.length; start += ROWS_PER_REQUEST) {
      const block = rows.slice(start, start + ROWS_PER_REQUEST);
      const top = placement.firstRow + start;
      await session.patch(`${worksheetPath(sheet)}/range(address='${a1(top, 1, top + block.length - 1, width)}')`, { values: block });
    }
  }

  /** The date columns of the rows appended shown as dates, formula-like text given the Text format. */
  private async writeFormats(placement: Placement): Promise<void> {
    const { append, sheet, width, firstRow, firstColumn } = placement;
    const count = append.rows.length;
    for (const column of (append.dateColumns ?? []).filter((c) => c >= 0 && c < width)) {
      const left = firstColumn + column;
      for (let start = 0; start < count; start += ROWS_PER_REQUEST) {
        const n = Math.min(ROWS_PER_REQUEST, count - start);
        await this.session.patch(`${worksheetPath(sheet)}/range(address='${a1(firstRow + start, left, firstRow + start + n - 1, left)}')`, {
          numberFormat: Array.from({ length: n }, () => [DATE_FORMAT]),
        });
      }
    }
    for (const [r, row] of append.rows.entries()) {
      for (const [c, value] of row.entries()) {
        if (c >= width || !needsTextFormat(value)) continue;
        const top = firstRow + r;
        await this.session.patch(`${worksheetPath(sheet)}/range(address='${a1(top, firstColumn + c, top, firstColumn + c)}')`, { numberFormat: [[TEXT_FORMAT]] });
      }
    }
  }

  /** A sheet created for a table gets it, named as asked. */
  private async finishCreated(placement: Placement): Promise<void> {
    const { append, sheet, width } = placement;
    if (placement.kind !== "create" || append.table === undefined) return;
    const table = await this.session.post<{ id: string }>(`${worksheetPath(sheet)}/tables/add`, { address: a1(1, 1, append.rows.length + 1, width), hasHeaders: true });
    await this.session.patch(`/tables/${encodeURIComponent(table.id)}`, { name: append.table });
  }
}
