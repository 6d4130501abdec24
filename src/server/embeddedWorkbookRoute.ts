// The embedded default without Microsoft 365: the tracking workbook is a file the server is pointed
// at (RELANCES_WORKBOOK, else the bundled sample, written once into a temporary folder so that the
// journal lines the pane adds stay for the server's life). The Outlook pane reads it and appends
// to its journal here, as it does through Graph with /api/workbook:
//
//   GET  /api/local-workbook/sheets   -> {workbook: {name}, sheets: MemorySheet[]}
//   POST /api/local-workbook/journal  {lines: [...as /api/workbook/journal]} -> {added: number}
//
// The file is written whole (the journal grafted into the package, as `run --in-place` writes it),
// one request at a time; a line the journal holds already, or one with the same Référence (the
// message's id) on the same invoice, is not added again: a retried click writes nothing twice.
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { z } from "zod";
import { invoiceKey } from "../core/invoiceKey";
import type { JournalEntry } from "../core/journalEntry";
import { writeSampleWorkbook } from "../sample/sampleWorkbook";
import { readJournalOnly } from "../workbook/earlierRuns";
import { refuseWhileOpen } from "../workbook/inPlace";
import { appendJournal } from "../workbook/journalSheet";
import { officeSheets } from "../workbook/officeSheets";
import { OfficePackage } from "../workbook/opcPackage";
import { RunStoppedError } from "../workbook/runStopped";
import { SheetGraft } from "../workbook/sheetGraft";
import { writeFileAtomically } from "../writeFileAtomically";
import { ApiError } from "./api/apiError";
import { journalEntry, journalLine, parsed } from "./api/workbookRoute";

export const EMBEDDED_WORKBOOK_PATH = "/api/local-workbook";

const journalBody = z.object({ lines: z.array(journalLine).min(1).max(1000) }).strict();

/**
 * The workbook file: $RELANCES_WORKBOOK, else a copy of the bundled sample made the first time.
 * @example await embeddedWorkbookFile({ RELANCES_WORKBOOK: "/srv/suivi.xlsx" })() // "/srv/suivi.xlsx"
 */
export function embeddedWorkbookFile(env: NodeJS.ProcessEnv = process.env): () => Promise<string> {
  const given = env.RELANCES_WORKBOOK?.trim();
  if (given) return () => Promise.resolve(path.resolve(given));
  let sample: Promise<string> | undefined;
  return () => {
    sample ??= (async () => {
      const file = path.join(await mkdtemp(path.join(tmpdir(), "relances-outlook-")), "suivi-exemple.xlsx");
      await writeSampleWorkbook(file);
      return file;
    })();
    sample.catch(() => (sample = undefined));
    return sample;
  };
}

/** The lines not in the journal yet, by content or by the same Référence on the same invoice. */
export function notJournalledYet(existing: readonly JournalEntry[], candidates: readonly JournalEntry[]): JournalEntry[] {
  const referenced = new Set(existing.filter((e) => e.reference).map((e) => `${e.reference}\u0000${invoiceKey(e.invoice)}`));
  return candidates.filter((c) => c.reference === undefined || !referenced.has(`${c.reference}\u0000${invoiceKey(c.invoice)}`));
}

/** The journal lines appended to the file, written whole; how many were added. */
async function appendToFile(file: string, lines: readonly JournalEntry[]): Promise<number> {
  await refuseWhileOpen(file);
  const bytes = new Uint8Array(await readFile(file));
  const mode = (await stat(file)).mode & 0o777;
  const wanted = notJournalledYet((await readJournalOnly(file)).entries, lines);
  if (wanted.length === 0) return 0;
  const zip = new OfficePackage(bytes);
  const graft = new SheetGraft(zip);
  const { added } = appendJournal(graft, wanted);
  if (added.length === 0) return 0;
  graft.finish();
  await writeFileAtomically(file, await zip.write(new Date()), mode);
  return added.length;
}

export function embeddedWorkbookRoute(file: () => Promise<string> = embeddedWorkbookFile()): Router {
  const router = express.Router();
  router.use(express.json({ limit: "1mb" }));
  // One write at a time: each reads the journal the previous one wrote.
  let queue: Promise<unknown> = Promise.resolve();
  const noCache = (res: Response): void => void res.setHeader("Cache-Control", "no-store");

  router.get("/sheets", async (_req: Request, res: Response, next: NextFunction) => {
    try {
      const workbookFile = await file();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile(workbookFile)) as unknown as ArrayBuffer);
      noCache(res);
      res.json({ workbook: { name: path.basename(workbookFile) }, sheets: officeSheets(workbook) });
    } catch (error) {
      next(asApiError(error));
    }
  });

  router.post("/journal", async (req: Request, res: Response, next: NextFunction) => {
    try {
      const body = parsed(journalBody, req.body);
      const lines = body.lines.map((line) => journalEntry(line, undefined));
      const workbookFile = await file();
      const run = queue.then(() => appendToFile(workbookFile, lines));
      queue = run.catch(() => undefined);
      const added = await run;
      noCache(res);
      res.json({ added });
    } catch (error) {
      next(asApiError(error));
    }
  });

  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!(error instanceof ApiError)) return next(error);
    res.status(error.status).json({ error: { code: error.code, message: `${error.french} / ${error.english}` } });
  });
  return router;
}

function asApiError(error: unknown): unknown {
  if (error instanceof RunStoppedError) {
    const [french, english] = error.message.split(" / ");
    return new ApiError(409, "workbook_busy", french ?? error.message, english ?? error.message, { cause: error });
  }
  return error;
}
