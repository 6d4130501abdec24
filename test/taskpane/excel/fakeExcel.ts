// A small Excel for the Office.js adapter's tests, built from office-addin-mock's OfficeMockObject:
// a property read before load() and context.sync() gives the mock's error text, as Office.js
// throws. Behind it, sheets of cells; every context.sync() is counted with the cells it loads and
// writes, and one over `payloadLimit` cells is refused as Excel on the web refuses a request over
// 5 MB (RichApi.Error, "RequestPayloadSizeLimitExceeded"), applying nothing of its batch.
import { OfficeMockObject } from "office-addin-mock";

export type Cell = string | number | boolean;

export interface FakeSheet {
  name: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Rows from row 1 (index 0), each from column A. */
  cells: Cell[][];
  /** Number formats where not "General", by "row,column" (0-based). */
  formats?: Map<string, string>;
  /** 0-based, inclusive. */
  merged?: { top: number; left: number; bottom: number; right: number }[];
}

export interface FakeTable {
  name: string;
  sheet: string;
  /** 0-based header row and first column. */
  headerRow: number;
  column: number;
  width: number;
  /** Data rows (an empty new table keeps one). */
  bodyRows: number;
}

export interface SyncRecord {
  /** Cells whose values (or formats) the sync loaded. */
  loaded: number;
  /** Cells it wrote (values, formats, table rows). */
  written: number;
  /** Row count of each range whose values it loaded. */
  blocks: number[];
  /** What it wrote, in order: "values", "formats", "rows" (table rows added). */
  writes: string[];
}

interface Pending {
  mock: OfficeMockObject & Record<string, unknown>;
  loadedCells: () => number;
  apply?: () => void;
  writtenCells?: () => number;
  writes?: () => string[];
  /** Called once the sync is over: what was loaded or written is done. */
  settle?: () => void;
  /** One command (a table's rows added, a name): dropped after its sync. */
  once?: boolean;
}

/**
 * A value as Excel takes it from range.values or table rows: a leading apostrophe is kept out of
 * the value (the cell holds the text, as text); text that Excel would run or convert is a bug.
 */
function typed(value: Cell): Cell {
  if (typeof value !== "string") return value;
  if (value.startsWith("'")) return value.slice(1);
  if (/^\s*[=+\-@]/.test(value)) throw new Error(`Excel would read this as a formula: ${value}`);
  if (/^\s*[\d.,]+\s*$/.test(value) || /\d+\/\d+/.test(value)) throw new Error(`Excel would read this as a number or a date: ${value}`);
  return value;
}

export class FakeExcel {
  readonly syncs: SyncRecord[] = [];
  readonly names = new Map<string, { sheet: string; row: number; column: number; comment?: string }>();
  readonly tables: FakeTable[] = [];
  /** Refuse a sync loading or writing more cells than this. */
  payloadLimit = Number.POSITIVE_INFINITY;
  refusals = 0;
  /** Called after each sync, with its 0-based index: a user typing meanwhile. */
  afterSync?: (index: number) => void;
  /** The objects of the current Excel.run (all synced each time, as Office.js tracks them) and the commands queued. */
  private pending: Pending[] = [];

  constructor(
    readonly sheets: FakeSheet[],
    readonly workbookName = "Suivi encaissements.xlsx",
  ) {}

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  cell(sheet: string, row: number, column: number): Cell {
    return this.sheet(sheet)?.cells[row]?.[column] ?? "";
  }

  format(sheet: string, row: number, column: number): string {
    return this.sheet(sheet)?.formats?.get(`${row},${column}`) ?? "General";
  }

  /** The global Excel to install: Excel.run with a fresh context. */
  global(): { run: <T>(batch: (context: unknown) => Promise<T>) => Promise<T> } {
    return {
      run: async (batch) => {
        this.pending = [];
        return batch(this.context());
      },
    };
  }

  private context(): unknown {
    const workbook = this.track(new OfficeMockObject({ name: this.workbookName }) as never);
    Object.assign(workbook, {
      worksheets: this.worksheets(),
      tables: { getItemOrNullObject: (name: string) => this.tableMock(this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase())) },
      names: {
        getItemOrNullObject: (name: string) => {
          const named = this.names.get(name);
          return this.track(
            new OfficeMockObject({
              isNullObject: named === undefined,
              getRange: () => (named === undefined ? this.nullRange() : this.range(named.sheet, named.row, named.column, 1, 1)),
            }) as never,
          );
        },
        add: (name: string, range: { _sheet: string; _row: number; _column: number }, comment?: string) => {
          this.pending.push({
            once: true,
            mock: new OfficeMockObject({}) as never,
            loadedCells: () => 0,
            apply: () => this.names.set(name, { sheet: range._sheet, row: range._row, column: range._column, comment }),
          });
        },
      },
    });
    return { workbook, sync: () => this.sync() };
  }

  private worksheets(): unknown {
    const fake = this;
    let loaded = false;
    return {
      load() {
        loaded = true;
        fake.pending.push({ once: true, mock: new OfficeMockObject({}) as never, loadedCells: () => 0 });
      },
      get items() {
        if (!loaded) throw new Error("worksheets.items read before load()");
        return fake.sheets.map((sheet) => ({ name: sheet.name, visibility: sheet.visibility ?? "Visible" }));
      },
      getItem: (name: string) => {
        if (this.sheet(name) === undefined) throw new Error(`ItemNotFound: ${name}`);
        return this.worksheet(name);
      },
      getItemOrNullObject: (name: string) => (this.sheet(name) === undefined ? this.track(new OfficeMockObject({ isNullObject: true }) as never) : this.worksheet(name)),
      add: (name: string) => {
        this.sheets.push({ name, cells: [] });
        return this.worksheet(name);
      },
    };
  }

  private worksheet(name: string): unknown {
    const mock = this.track(
      new OfficeMockObject({
        name,
        isNullObject: false,
        getUsedRangeOrNullObject: () => this.usedRange(name, 0, 0, 1_048_576, 16_384),
        getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => this.range(name, row, column, rows, columns),
      }) as never,
    );
    Object.assign(mock, {
      tables: {
        add: (range: { _row: number; _column: number; _rows: number; _columns: number }) => {
          const table: FakeTable = { name: `Tableau${this.tables.length + 1}`, sheet: name, headerRow: range._row, column: range._column, width: range._columns, bodyRows: Math.max(1, range._rows - 1) };
          this.tables.push(table);
          const tableMock = this.tableMock(table);
          // The name given is set on the mock; it becomes the table's at the next sync.
          this.pending.push({ once: true, mock: tableMock as never, loadedCells: () => 0, apply: () => (table.name = String((tableMock as { name: unknown }).name)) });
          return tableMock;
        },
      },
    });
    return mock;
  }

  private tableMock(table: FakeTable | undefined): unknown {
    if (table === undefined) return this.track(new OfficeMockObject({ isNullObject: true }) as never);
    const mock = this.track(
      new OfficeMockObject({
        name: table.name,
        isNullObject: false,
        worksheet: { name: table.sheet },
        getDataBodyRange: () => this.range(table.sheet, table.headerRow + 1, table.column, table.bodyRows, table.width),
      }) as never,
    );
    Object.assign(mock, {
      rows: {
        add: (_index: unknown, values: Cell[][]) => {
          this.pending.push({
            once: true,
            mock: new OfficeMockObject({}) as never,
            loadedCells: () => 0,
            writtenCells: () => values.length * table.width,
            writes: () => ["rows"],
            apply: () => {
              const sheet = this.sheet(table.sheet)!;
              const at = table.headerRow + 1 + table.bodyRows;
              // Excel inserts the table's new rows: what was below moves down, never overwritten.
              sheet.cells.splice(at, 0, ...values.map((row) => [...new Array<Cell>(table.column).fill(""), ...row.map(typed)]));
              table.bodyRows += values.length;
            },
          });
        },
      },
    });
    return mock;
  }

  /** A null object: any property loads (as Office.js allows), and isNullObject is true. */
  private nullRange(): unknown {
    return this.track(new OfficeMockObject({ isNullObject: true, rowIndex: 0, rowCount: 0, columnIndex: 0, columnCount: 0, address: "" }) as never);
  }

  /** The used range within a rectangle, as Office.js's getUsedRangeOrNullObject(true). */
  private usedRange(name: string, row: number, column: number, rows: number, columns: number): unknown {
    const sheet = this.sheet(name)!;
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    sheet.cells.forEach((cells, r) => {
      if (r < row || r >= row + rows) return;
      cells.forEach((value, c) => {
        if (c < column || c >= column + columns || value === "") return;
        top = Math.min(top, r); bottom = Math.max(bottom, r); left = Math.min(left, c); right = Math.max(right, c);
      });
    });
    return bottom < 0 ? this.nullRange() : this.range(name, top, left, bottom - top + 1, right - left + 1);
  }

  private range(name: string, row: number, column: number, rows: number, columns: number): unknown {
    const sheet = this.sheet(name)!;
    const grid = <T>(at: (r: number, c: number) => T): T[][] => Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => at(row + r, column + c)));
    const mock = new OfficeMockObject({
      isNullObject: false,
      rowIndex: row,
      columnIndex: column,
      rowCount: rows,
      columnCount: columns,
      address: `${name}!R${row + 1}C${column + 1}:R${row + rows}C${column + columns}`,
      values: grid((r, c) => this.cell(name, r, c)),
      formulas: grid((r, c) => this.cell(name, r, c)),
      numberFormat: grid((r, c) => this.format(name, r, c)),
      format: { font: { bold: false }, autofitColumns: () => undefined },
      getUsedRangeOrNullObject: () => this.usedRange(name, row, column, rows, columns),
      getCell: (r: number, c: number) => this.range(name, row + r, column + c, 1, 1),
      getMergedAreasOrNullObject: () => {
        const inside = (sheet.merged ?? []).filter((m) => m.top >= row && m.bottom < row + rows && m.left >= column && m.right < column + columns);
        const areas = this.track(
          new OfficeMockObject({ isNullObject: inside.length === 0 }) as never,
        );
        const list = inside.map((m) => ({ rowIndex: m.top, columnIndex: m.left, rowCount: m.bottom - m.top + 1, columnCount: m.right - m.left + 1 }));
        let loaded = false;
        Object.assign(areas, { areas: { load: () => (loaded = true), get items() { if (!loaded) throw new Error("areas.items read before load()"); return list; } } });
        return areas;
      },
    }) as OfficeMockObject & Record<string, unknown>;
    Object.assign(mock, { _sheet: name, _row: row, _column: column, _rows: rows, _columns: columns });
    let initialValues = mock.values;
    let initialFormats = mock.numberFormat;
    let initialFormulas = mock.formulas;
    const loads = new Set<string>();
    const load = mock.load.bind(mock);
    mock.load = ((properties: string) => {
      for (const property of String(properties ?? "").split(",")) loads.add(property.trim());
      return load(properties);
    }) as typeof mock.load;
    this.pending.push({
      mock,
      loadedCells: () => (loads.has("values") ? rows * columns : 0) + (loads.has("numberFormat") ? rows * columns : 0),
      writtenCells: () => (mock.values !== initialValues ? rows * columns : 0) + (mock.numberFormat !== initialFormats ? rows * columns : 0),
      writes: () => [
        ...(mock.values !== initialValues ? ["values"] : []),
        ...(mock.numberFormat !== initialFormats ? ["formats"] : []),
        ...(mock.formulas !== initialFormulas ? ["formulas"] : []),
      ],
      apply: () => {
        if (mock.values !== initialValues && !loads.has("values")) this.write(name, row, column, mock.values as Cell[][], "values");
        if (mock.numberFormat !== initialFormats && !loads.has("numberFormat")) this.write(name, row, column, mock.numberFormat as string[][], "formats");
        if (mock.formulas !== initialFormulas && !loads.has("formulas")) this.write(name, row, column, mock.formulas as string[][], "formulas");
      },
      settle: () => {
        loads.clear();
        initialValues = mock.values;
        initialFormats = mock.numberFormat;
        initialFormulas = mock.formulas;
      },
    });
    return mock;
  }

  private write(name: string, row: number, column: number, block: Cell[][], what: "values" | "formats" | "formulas"): void {
    const sheet = this.sheet(name)!;
    block.forEach((cells, r) =>
      cells.forEach((value, c) => {
        if (what === "formats") {
          (sheet.formats ??= new Map()).set(`${row + r},${column + c}`, String(value));
          return;
        }
        const line = (sheet.cells[row + r] ??= []);
        while (line.length < column + c) line.push("");
        // A formula is kept as its text, standing for the cell it fills.
        line[column + c] = what === "formulas" ? value : typed(value);
      }),
    );
  }

  private track<T extends OfficeMockObject>(mock: T): T {
    this.pending.push({ mock: mock as never, loadedCells: () => 0 });
    return mock;
  }

  private async sync(): Promise<void> {
    const batch = this.pending;
    const drop = (): void => {
      this.pending = batch.filter((p) => p.once !== true);
    };
    const loaded = batch.reduce((sum, p) => sum + p.loadedCells(), 0);
    const written = batch.reduce((sum, p) => sum + (p.writtenCells?.() ?? 0), 0);
    if (loaded > this.payloadLimit || written > this.payloadLimit) {
      this.refusals++;
      // The refused batch is dropped whole: its writes are forgotten, as Excel applies none of it.
      for (const p of batch) p.settle?.();
      drop();
      throw Object.assign(new Error("The request payload size has exceeded the limit."), { name: "RichApi.Error", code: "RequestPayloadSizeLimitExceeded" });
    }
    this.syncs.push({
      loaded,
      written,
      blocks: batch.filter((p) => p.loadedCells() > 0).map((p) => Number((p.mock as { _rows?: number })._rows ?? 0)),
      writes: batch.flatMap((p) => p.writes?.() ?? []),
    });
    for (const p of batch) await p.mock.sync();
    // office-addin-mock settles nested properties in callbacks of its own: let them run.
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const p of batch) p.apply?.();
    for (const p of batch) p.settle?.();
    drop();
    this.afterSync?.(this.syncs.length - 1);
  }
}

/** A FakeExcel over these sheets, installed as the global Excel (removeFakeExcel takes it away). */
export function installFakeExcel(sheets: FakeSheet[], workbookName?: string): FakeExcel {
  const excel = new FakeExcel(sheets, workbookName);
  (globalThis as Record<string, unknown>).Excel = excel.global();
  return excel;
}

export function removeFakeExcel(): void {
  delete (globalThis as Record<string, unknown>).Excel;
}
