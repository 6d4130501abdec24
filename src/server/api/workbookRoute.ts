// The tracking workbook on OneDrive or SharePoint for the add-ins, through Graph as the signed-in
// user (on-behalf-of), in a workbook session closed at the end of each request:
//
//   POST /api/workbook/sheets   {workbookUrl | workbookPath, sheet?, headerRow?}
//        -> {workbook: {name, webUrl}, sheets: MemorySheet[]}
//        The sheets as the engine reads them (the tracking sheets, the journal, the settings, the
//        history sheets; others without rows), in tab order, as Office.js-shaped arrays: the
//        Outlook pane (issue 13) runs the engine on them (memoryWorkbook) as the Excel pane does.
//   POST /api/workbook/journal  {workbookUrl | workbookPath, lines: [{date, customer, invoice,
//        level?, channel?, reference?, promiseDate?, dispute?, note?, user?}]}
//        dates "YYYY-MM-DD", level 0 to 4
//        -> {added: number}
//        Appends the lines the journal does not hold yet (the same action twice adds nothing),
//        to its table when it has one; Utilisateur defaults to the signed-in user's name.
//
// workbookUrl is the document's URL as Office gives it (Office.context.document.url) or a sharing
// URL; workbookPath, instead, a path from the root of the user's OneDrive ("Compta/Suivi.xlsx"),
// as the Outlook pane's setting may name it (one of the two). Errors are ApiErrors: 400
// invalid_request, 404 workbook_not_found, 403 workbook_forbidden, 409 workbook_busy or
// workbook_refused, 503 graph_busy (Retry-After), 502 graph_error.
import { GraphError, type Client } from "@microsoft/microsoft-graph-client";
import express, { type Request } from "express";
import { z } from "zod";
import { dayFromIso } from "../../core/day";
import { parseJournalRows } from "../../core/journal";
import { JOURNAL_SHEET, type JournalEntry } from "../../core/journalEntry";
import type { ReminderLevel } from "../../core/reminderLevel";
import { journalSheetAppend } from "../../engine/journalSheetAppend";
import type { MemorySheet } from "../../engine/memoryWorkbook";
import { isSafeDrivePath } from "../../graph/driveFiles";
import { graphClient } from "../../graph/graphClient";
import { graphWorkbookInput } from "../../graph/workbookInput";
import { findWorkbook, type WorkbookItem, type WorkbookRef } from "../../graph/workbookLocation";
import { GraphWorkbookOutput } from "../../graph/workbookOutput";
import { WorkbookRefusal } from "../../graph/workbookRefusal";
import { retryAfterSeconds } from "../../graph/workbookRetry";
import { WorkbookSession } from "../../graph/workbookSession";
import { readGraphSheets } from "../../graph/workbookSheets";
import type { ApiDeps, ApiRoute } from "./apiDeps";
import { ApiError } from "./apiError";

/** The document's URL: https, as OneDrive and SharePoint serve workbooks. */
export const workbookUrlSchema = z
  .string()
  .max(2048)
  .refine((text) => URL.canParse(text) && new URL(text).protocol === "https:", { message: "https URL expected" });

/** A path from the root of the user's drive, a leading slash allowed. */
export const workbookPathSchema = z
  .string()
  .max(400)
  .transform((text) => text.replace(/^\/+/, ""))
  .refine(isSafeDrivePath, { message: "path refused" });

/** Which workbook a request names: its URL, or its path in the user's drive (one of the two). */
const workbookNamed = z.object({ workbookUrl: workbookUrlSchema.optional(), workbookPath: workbookPathSchema.optional() });

function refOf(body: z.infer<typeof workbookNamed>): WorkbookRef {
  if (body.workbookUrl !== undefined && body.workbookPath === undefined) return { url: body.workbookUrl };
  if (body.workbookPath !== undefined && body.workbookUrl === undefined) return { path: body.workbookPath };
  throw new ApiError(400, "invalid_request", "Requête invalide (workbookUrl ou workbookPath)", "Invalid request (workbookUrl or workbookPath)");
}

const isoDay = z.string().refine((text) => dayFromIso(text) !== undefined, { message: "YYYY-MM-DD expected" });

const sheetsBody = workbookNamed.extend({
  sheet: z.string().min(1).max(31).optional(),
  headerRow: z.number().int().min(1).max(1_048_576).optional(),
});

export const journalLine = z
  .object({
    date: isoDay,
    customer: z.string().min(1).max(1000),
    invoice: z.string().min(1).max(200),
    level: z.number().int().min(0).max(4).optional(),
    channel: z.enum(["email", "courrier", "recommandé", "téléphone", "autre"]).optional(),
    reference: z.string().max(2000).optional(),
    promiseDate: isoDay.optional(),
    dispute: z.enum(["ouvert", "clos"]).optional(),
    note: z.string().max(4000).optional(),
    user: z.string().max(200).optional(),
  })
  .strict();

const journalBody = workbookNamed.extend({ lines: z.array(journalLine).min(1).max(10_000) });

/** A request body checked, or the 400 that says what is wrong (no internals). */
export function parsed<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const where = result.error.issues[0]?.path.join(".") || "body";
  throw new ApiError(400, "invalid_request", `Requête invalide (${where})`, `Invalid request (${where})`);
}

/** What a Graph failure means for the add-in, as one ApiError. */
export function graphApiError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof GraphError) {
    const status = error.statusCode;
    if (status === 404) return new ApiError(404, "workbook_not_found", "Classeur introuvable sur OneDrive ou SharePoint", "Workbook not found on OneDrive or SharePoint", { cause: error });
    if (status === 401) return new ApiError(401, "graph_unauthorized", "Microsoft 365 a refusé la connexion, reconnectez-vous", "Microsoft 365 refused the sign-in, sign in again", { cause: error });
    if (status === 403) return new ApiError(403, "workbook_forbidden", "Accès au classeur refusé", "Access to the workbook denied", { cause: error });
    if (status === 409) return new ApiError(409, "workbook_busy", "Le classeur est en cours de modification ailleurs, réessayez", "The workbook is being changed elsewhere, try again", { cause: error });
    if (status === 429 || status === 503 || status === 504) {
      return new ApiError(503, "graph_busy", "Microsoft 365 est occupé, réessayez dans un instant", "Microsoft 365 is busy, try again shortly", {
        cause: error,
        retryAfterSeconds: Math.ceil(retryAfterSeconds(error.headers?.get("retry-after")) ?? 30),
      });
    }
    return new ApiError(502, "graph_error", "Microsoft 365 n'a pas pu répondre", "Microsoft 365 could not answer", { cause: error });
  }
  if (error instanceof WorkbookRefusal) return new ApiError(409, "workbook_refused", error.french, error.english, { cause: error });
  return error;
}

/** The user's Graph client. */
export async function userGraphClient(deps: ApiDeps, req: Request): Promise<Client> {
  const token = await deps.graphToken(req);
  return graphClient({ baseUrl: deps.graphBaseUrl, accessToken: async () => token });
}

/** The user's Graph client and the workbook's drive item (by its URL, or as `ref` names it). */
export async function openWorkbookItem(deps: ApiDeps, req: Request, workbook: string | WorkbookRef): Promise<{ client: Client; item: WorkbookItem }> {
  const client = await userGraphClient(deps, req);
  return { client, item: await findWorkbook(client, typeof workbook === "string" ? { url: workbook } : workbook) };
}

/** Runs `work` in a session on the workbook, closed whatever happens, Graph's failures mapped. */
async function inSession<T>(deps: ApiDeps, req: Request, workbook: WorkbookRef, work: (session: WorkbookSession) => Promise<T>): Promise<T> {
  let session: WorkbookSession | undefined;
  try {
    const { client, item } = await openWorkbookItem(deps, req, workbook);
    session = await WorkbookSession.open(client, item);
    return await work(session);
  } catch (error) {
    throw graphApiError(error);
  } finally {
    await session?.close();
  }
}

/** The journal's lines as the engine takes them. */
export function journalEntry(line: z.infer<typeof journalLine>, user: string | undefined): JournalEntry {
  return {
    date: dayFromIso(line.date)!,
    customer: line.customer,
    invoice: line.invoice,
    level: line.level as ReminderLevel | undefined,
    channel: line.channel,
    reference: line.reference,
    promiseDate: line.promiseDate === undefined ? undefined : dayFromIso(line.promiseDate),
    dispute: line.dispute,
    note: line.note,
    user: line.user ?? user,
  };
}

export const workbookRoute: ApiRoute = (deps) => {
  const router = express.Router();

  router.post("/workbook/sheets", async (req, res) => {
    const body = parsed(sheetsBody, req.body);
    const answer = await inSession(deps, req, refOf(body), async (session) => {
      const { sheets } = await readGraphSheets(session, { sheet: body.sheet, headerRow: body.headerRow });
      return { workbook: { name: session.item.name, webUrl: session.item.webUrl }, sheets };
    });
    res.json(answer);
  });

  router.post("/workbook/journal", async (req, res) => {
    const body = parsed(journalBody, req.body);
    const who = deps.user(req);
    const candidates = body.lines.map((line) => journalEntry(line, who.name ?? who.username));
    const added = await inSession(deps, req, refOf(body), (session) =>
      // The journal is read and written in one hold: two requests never add one line twice.
      session.writing(async () => {
        const rows = await graphWorkbookInput(session).sheetRows(JOURNAL_SHEET);
        const journal: MemorySheet[] = rows === undefined ? [] : [{ name: JOURNAL_SHEET, values: rows }];
        const existing = parseJournalRows((rows ?? []).map((cells, i) => ({ row: i + 1, cells }))).entries;
        const { added: lines, append } = journalSheetAppend(journal, existing, candidates);
        if (append !== undefined) await new GraphWorkbookOutput(session).appendHolding([append]);
        return lines.length;
      }),
    );
    res.json({ added });
  });

  return router;
};
