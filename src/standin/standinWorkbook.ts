// The stand-in's Excel workbook API (Graph's /drives/{d}/items/{id}/workbook/…), over the drive's
// .xlsx files: sessions, worksheets (list, add), usedRange(valuesOnly=…), range(address='…') read
// and written, tables (list, add, rename, their ranges, rows/add), with Graph's resource shapes
// and $select. Writes to one workbook that overlap in time are refused with 409 accessConflict,
// as Excel refuses a conflicting edit: the client has to send them one at a time. Changes that
// persist are saved into the file (standinWorkbookSave.ts) before its content is next read.
import { graphError, type GraphRequest, type GraphResponse } from "./graphExchange";
import { driveOfRequest } from "./standinDriveRoutes";
import type { DriveItem, StandinDrive } from "./standinDrive";
import type { StandinPart } from "./standinServer";
import type { StandinUser } from "./standinTenant";
import {
  addTableRows,
  cellAt,
  parseAddress,
  rangeAddress,
  rangeResource,
  RangeWriteError,
  usedRange,
  WorkbookModel,
  writeRange,
  type ModelSheet,
  type ModelTable,
} from "./standinWorkbookModel";
import { workbookXlsx } from "./standinWorkbookSave";
import { DEFAULT_SESSION_IDLE_MS, WorkbookSessions } from "./standinWorkbookSessions";
import type { CellValue } from "../core/cellValue";
import type { Range } from "../workbook/cellRange";

export interface StandinWorkbooksOptions {
  /** How long a session lives without a request (5 minutes by default). */
  readonly sessionIdleMs?: number | undefined;
  /** How long each write holds the workbook (0 by default): a write arriving meanwhile gets 409. */
  readonly writeDelayMs?: number | undefined;
}

/** One workbook request as the stand-in saw it (tests look at sessions and windows). */
export interface WorkbookRequestLog {
  readonly method: string;
  /** The path after …/workbook ("/worksheets('Suivi')/range(address='A1:V7')"). */
  readonly path: string;
  readonly sessionId?: string | undefined;
}

const WRITE_METHODS = new Set(["PATCH", "POST", "PUT", "DELETE"]);

/** The workbooks of a drive as Excel on the web holds them, and the sessions on them. */
export class StandinWorkbooks {
  readonly sessions: WorkbookSessions;
  readonly requests: WorkbookRequestLog[] = [];
  sessionIdleMs: number;
  writeDelayMs: number;
  private readonly models = new Map<string, { version: number; model: Promise<WorkbookModel> }>();
  private readonly busy = new Set<string>();
  /** Workbooks changed through Graph since their file was last saved. */
  private readonly changed = new Set<string>();

  constructor(
    readonly drive: StandinDrive,
    options: StandinWorkbooksOptions = {},
  ) {
    this.sessionIdleMs = options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
    this.writeDelayMs = options.writeDelayMs ?? 0;
    this.sessions = new WorkbookSessions(() => this.sessionIdleMs);
    drive.beforeRead(async (item) => {
      if (!this.changed.delete(item.id)) return;
      const model = await this.model(item);
      drive.replaceContent(item, await workbookXlsx(model));
      // The file is the workbook as held: it is not loaded again from the bytes just saved.
      this.models.set(item.id, { version: item.version, model: Promise.resolve(model) });
    });
  }

  /** The workbook of a file, loaded from its bytes once (again when its content is replaced). */
  model(item: DriveItem): Promise<WorkbookModel> {
    const known = this.models.get(item.id);
    if (known !== undefined && known.version === item.version) return known.model;
    const model = WorkbookModel.fromXlsx(item.bytes);
    this.models.set(item.id, { version: item.version, model });
    return model;
  }

  /** Test door: a sheet's values as Graph gives them, from A1 to the last used cell; undefined when there is no such sheet. */
  async values(user: StandinUser, path: string, sheetName: string): Promise<CellValue[][] | undefined> {
    const drive = this.drive.driveOf(user);
    const item = this.drive.at(this.drive.item(drive.id, drive.rootId)!, path);
    if (item === undefined) return undefined;
    const sheet = (await this.model(item)).sheet(sheetName);
    if (sheet === undefined) return undefined;
    const used = usedRange(sheet, true);
    return rangeResource(sheet, { top: 1, left: 1, bottom: used.bottom, right: used.right }).values as CellValue[][];
  }

  /** Test door: the formulas a sheet holds ("=…"), by address. */
  async formulas(user: StandinUser, path: string, sheetName: string): Promise<string[]> {
    const drive = this.drive.driveOf(user);
    const item = this.drive.at(this.drive.item(drive.id, drive.rootId)!, path);
    const sheet = item === undefined ? undefined : (await this.model(item)).sheet(sheetName);
    const found: string[] = [];
    sheet?.rows.forEach((row, r) => row.forEach((cell, c) => cell?.formula !== undefined && found.push(rangeAddress(sheet, { top: r + 1, left: c + 1, bottom: r + 1, right: c + 1 }))));
    return found;
  }

  /** Test door: the number format of one cell (1-based row, 0-based column). */
  async numberFormat(user: StandinUser, path: string, sheetName: string, row: number, column: number): Promise<string | undefined> {
    const drive = this.drive.driveOf(user);
    const item = this.drive.at(this.drive.item(drive.id, drive.rootId)!, path);
    const sheet = item === undefined ? undefined : (await this.model(item)).sheet(sheetName);
    return sheet === undefined ? undefined : (cellAt(sheet, row - 1, column)?.numberFormat ?? "General");
  }

  /**
   * Runs a write holding the workbook, or answers 409 when another write holds it. A write that
   * persists (no session, or one that persists changes) is saved into the file when it is next read.
   */
  async writing(itemId: string, persists: boolean, write: () => GraphResponse): Promise<GraphResponse> {
    if (this.busy.has(itemId)) return conflict();
    this.busy.add(itemId);
    try {
      const response = write();
      if (persists && response.status < 400) this.changed.add(itemId);
      if (this.writeDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.writeDelayMs));
      return response;
    } finally {
      this.busy.delete(itemId);
    }
  }
}

function conflict(): GraphResponse {
  const response = graphError(409, "Conflict", "The request failed due to conflicts with other clients that are accessing the workbook.");
  (response.body as { error: { innerError: Record<string, unknown> } }).error.innerError.code = "accessConflict";
  return response;
}

function invalidArgument(message: string): GraphResponse {
  const response = graphError(400, "InvalidArgument", message);
  (response.body as { error: { innerError: Record<string, unknown> } }).error.innerError.code = "invalidArgument";
  return response;
}

function itemNotFound(what: string): GraphResponse {
  const response = graphError(404, "ItemNotFound", `The requested resource doesn't exist. (${what})`);
  (response.body as { error: { innerError: Record<string, unknown> } }).error.innerError.code = "itemNotFound";
  return response;
}

/** $select applied to a resource: the properties named, and the OData annotations. */
function selected(resource: Record<string, unknown>, query: URLSearchParams): Record<string, unknown> {
  const select = query.get("$select");
  if (select === null) return resource;
  const keep = new Set(select.split(",").map((s) => s.trim()));
  return Object.fromEntries(Object.entries(resource).filter(([key]) => key.startsWith("@odata") || keep.has(key)));
}

function worksheetResource(model: WorkbookModel, sheet: ModelSheet): Record<string, unknown> {
  return { "@odata.type": "#microsoft.graph.workbookWorksheet", id: sheet.id, name: sheet.name, position: model.sheets.indexOf(sheet), visibility: sheet.visibility };
}

function tableResource(table: ModelTable): Record<string, unknown> {
  return {
    "@odata.type": "#microsoft.graph.workbookTable",
    id: table.id,
    name: table.name,
    showHeaders: true,
    showTotals: false,
    style: table.style,
    highlightFirstColumn: false,
    highlightLastColumn: false,
    showBandedColumns: false,
    showBandedRows: true,
    showFilterButton: true,
    legacyId: table.id,
  };
}

const QUOTED = String.raw`\('((?:[^']|'')*)'\)`;
const unquote = (text: string): string => text.replace(/''/g, "'");

/** Routes one request below …/workbook, in the model it works on. */
async function workbookRequest(workbooks: StandinWorkbooks, request: GraphRequest, model: WorkbookModel, sub: string, itemId: string, persists: boolean): Promise<GraphResponse> {
  const method = request.method.toUpperCase();
  const ok = (body: Record<string, unknown>, status = 200): GraphResponse => ({ status, body: selected(body, request.query) });
  const write = (apply: () => GraphResponse): Promise<GraphResponse> =>
    workbooks.writing(itemId, persists, () => {
      try {
        return apply();
      } catch (error) {
        if (error instanceof RangeWriteError) return invalidArgument(error.message);
        throw error;
      }
    });

  if (sub === "/worksheets" && method === "GET") return { status: 200, body: { value: model.sheets.map((s) => selected(worksheetResource(model, s), request.query)) } };
  if ((sub === "/worksheets/add" || sub === "/worksheets") && method === "POST") {
    const name = String((request.body as { name?: unknown } | undefined)?.name ?? `Sheet${model.sheets.length + 1}`);
    if (name.length > 31 || /[[\]:*?/\\]/.test(name) || name.trim() === "") return invalidArgument("The argument is invalid or missing or has an incorrect format.");
    if (model.sheet(name) !== undefined) return graphError(409, "ItemAlreadyExists", "The resource being created already exists.");
    return write(() => ok(worksheetResource(model, model.addSheet(name)), 201));
  }
  if (sub === "/tables" && method === "GET") return { status: 200, body: { value: model.tables.map((t) => selected(tableResource(t), request.query)) } };
  if (sub === "/tables/add" && method === "POST") {
    const address = parseAddress(String((request.body as { address?: unknown } | undefined)?.address ?? ""));
    const sheet = address?.sheetName === undefined ? undefined : model.sheet(address.sheetName);
    if (address === undefined || sheet === undefined) return invalidArgument("The argument is invalid or missing or has an incorrect format.");
    return write(() => ok(tableResource(model.addTable(sheet, address.range)), 201));
  }

  const sheetMatch = new RegExp(`^/worksheets(?:${QUOTED}|/([^/]+))(/.*)?$`).exec(sub);
  if (sheetMatch !== null) {
    const sheet = model.sheet(sheetMatch[1] !== undefined ? unquote(sheetMatch[1]) : sheetMatch[2]!);
    if (sheet === undefined) return itemNotFound("worksheet");
    const rest = sheetMatch[3] ?? "";
    if (rest === "" && method === "GET") return ok(worksheetResource(model, sheet));
    const used = /^\/usedRange(?:\(valuesOnly=(true|false)\))?$/i.exec(rest);
    if (used !== null && method === "GET") return ok(rangeResource(sheet, usedRange(sheet, used[1]?.toLowerCase() === "true")));
    const ranged = /^\/range\(address='((?:[^']|'')*)'\)$/.exec(rest);
    if (ranged !== null) {
      const address = parseAddress(unquote(ranged[1]!));
      if (address === undefined || (address.sheetName !== undefined && model.sheet(address.sheetName) !== sheet)) return invalidArgument("The argument is invalid or missing or has an incorrect format.");
      if (method === "GET") return ok(rangeResource(sheet, address.range));
      if (method === "PATCH") {
        return write(() => {
          writeRange(sheet, address.range, (request.body ?? {}) as { values?: unknown; numberFormat?: unknown });
          return ok(rangeResource(sheet, address.range));
        });
      }
    }
    if (rest === "/tables" && method === "GET") return { status: 200, body: { value: model.tables.filter((t) => t.sheet === sheet).map((t) => selected(tableResource(t), request.query)) } };
    if (rest === "/tables/add" && method === "POST") {
      const address = parseAddress(String((request.body as { address?: unknown } | undefined)?.address ?? ""));
      if (address === undefined) return invalidArgument("The argument is invalid or missing or has an incorrect format.");
      return write(() => ok(tableResource(model.addTable(sheet, address.range)), 201));
    }
  }

  const tableMatch = new RegExp(`^/tables(?:${QUOTED}|/([^/]+))(/.*)?$`).exec(sub);
  if (tableMatch !== null) {
    const table = model.table(tableMatch[1] !== undefined ? unquote(tableMatch[1]) : tableMatch[2]!);
    if (table === undefined) return itemNotFound("table");
    const rest = tableMatch[3] ?? "";
    const { range } = table;
    if (rest === "" && method === "GET") return ok(tableResource(table));
    if (rest === "" && method === "PATCH") {
      const name = (request.body as { name?: unknown } | undefined)?.name;
      if (name !== undefined) {
        if (typeof name !== "string" || !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return invalidArgument("The argument is invalid or missing or has an incorrect format.");
        const other = model.table(name);
        if (other !== undefined && other !== table) return graphError(409, "ItemAlreadyExists", "The resource being created already exists.");
      }
      return write(() => {
        if (typeof name === "string") table.name = name;
        return ok(tableResource(table));
      });
    }
    if (rest === "/worksheet" && method === "GET") return ok(worksheetResource(model, table.sheet));
    const ranges: Record<string, Range | undefined> = {
      "/range": range,
      "/headerRowRange": { ...range, bottom: range.top },
      "/dataBodyRange": range.bottom > range.top ? { ...range, top: range.top + 1 } : undefined,
    };
    if (rest in ranges && method === "GET") {
      const wanted = ranges[rest];
      // A table without a data row: its body is the row below its header, empty.
      return ok(rangeResource(table.sheet, wanted ?? { ...range, top: range.top + 1, bottom: range.top + 1 }));
    }
    if (rest === "/columns" && method === "GET") {
      const header = rangeResource(table.sheet, { ...range, bottom: range.top }).values as CellValue[][];
      return { status: 200, body: { value: header[0]!.map((name, index) => ({ id: String(index + 1), index, name: String(name) })) } };
    }
    if (rest === "/rows" && method === "GET") {
      const body = range.bottom > range.top ? (rangeResource(table.sheet, { ...range, top: range.top + 1 }).values as CellValue[][]) : [];
      return { status: 200, body: { value: body.map((values, index) => ({ index, values: [values] })) } };
    }
    if (rest === "/rows/add" && method === "POST") {
      const values = (request.body as { values?: unknown } | undefined)?.values;
      return write(() => {
        const before = table.range.bottom;
        const index = addTableRows(table, values);
        const added = rangeResource(table.sheet, { ...table.range, top: before + 1 }).values;
        return ok({ "@odata.type": "#microsoft.graph.workbookTableRow", index, values: added }, 201);
      });
    }
  }
  return graphError(400, "BadRequest", `Resource not found for the segment '${sub.split("/")[1] ?? ""}'.`);
}

/** The file a workbook path names, when the caller may reach it. */
function fileOf(workbooks: StandinWorkbooks, request: GraphRequest, driveId: string | undefined, itemId: string): DriveItem | GraphResponse {
  const drive = driveOfRequest(workbooks.drive, request, driveId, WRITE_METHODS.has(request.method.toUpperCase()));
  if ("status" in drive) return drive;
  const item = workbooks.drive.item(drive.id, itemId);
  if (item === undefined || item.folder) return graphError(404, "itemNotFound", "The resource could not be found.");
  return item;
}

/**
 * The workbook API as a stand-in part, over a drive's files.
 * @example
 * const drive = new StandinDrive(tenant); const workbooks = new StandinWorkbooks(drive, { sessionIdleMs: 1000 });
 * startStandin({ parts: [standinDriveRoutes(drive), standinWorkbookRoutes(workbooks)] })
 */
export function standinWorkbookRoutes(workbooks: StandinWorkbooks): StandinPart {
  return (standin) => {
    const pattern = /^\/(?:me\/drive|drives\/([^/]+))\/items\/([^/:]+)\/workbook(\/.*)$/;
    const handle = async (request: GraphRequest, match: RegExpExecArray): Promise<GraphResponse> => {
      const item = fileOf(workbooks, request, match[1], match[2]!);
      if ("status" in item) return item;
      const sub = match[3]!;
      const method = request.method.toUpperCase();
      const sessionId = request.headers["workbook-session-id"];
      workbooks.requests.push({ method, path: sub, sessionId });
      let model: WorkbookModel;
      try {
        model = await workbooks.model(item);
      } catch {
        return graphError(400, "invalidRequest", "The workbook cannot be opened: it is not an Excel workbook, or it is damaged.");
      }
      if (sub === "/createSession" && method === "POST") {
        const persist = (request.body as { persistChanges?: unknown } | undefined)?.persistChanges !== false;
        const session = workbooks.sessions.create(item.id, persist, persist ? undefined : model.clone());
        return { status: 201, body: { "@odata.type": "#microsoft.graph.workbookSessionInfo", id: session.id, persistChanges: persist } };
      }
      if (sessionId === undefined) {
        if (sub === "/closeSession" || sub === "/refreshSession") return graphError(400, "invalidRequest", "The workbook-session-id header is missing.");
        return workbookRequest(workbooks, request, model, sub, item.id, true);
      }
      const session = workbooks.sessions.use(sessionId, item.id);
      if ("status" in session) return session;
      if (sub === "/closeSession" && method === "POST") {
        workbooks.sessions.close(session.id);
        return { status: 204 };
      }
      if (sub === "/refreshSession" && method === "POST") return { status: 204 };
      return workbookRequest(workbooks, request, session.copy ?? model, sub, item.id, session.persistChanges);
    };
    for (const method of ["GET", "POST", "PATCH"]) standin.graph.route(method, pattern, handle);
  };
}
