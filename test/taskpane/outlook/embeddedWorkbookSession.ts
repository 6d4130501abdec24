// One add-in server and one Chromium for an Outlook preview test file, the server pointed at a
// workbook file of the test's own (RELANCES_WORKBOOK, restored after), in a folder removed after.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { browserAvailable, startPreviewSession, type PreviewSession } from "../previewSession";

export interface EmbeddedWorkbookSession {
  /** The session, once beforeAll has run (the browser present). */
  readonly session: () => PreviewSession;
  /** The workbook file the server reads and writes. */
  readonly file: () => string;
}

/**
 * Registers the file's beforeAll and afterAll.
 * @param write - writes the workbook to the file given
 */
export function embeddedWorkbookSession(write: (file: string) => Promise<void>): EmbeddedWorkbookSession {
  let session: PreviewSession | undefined;
  let dir: string | undefined;
  let file = "";
  let saved: string | undefined;
  beforeAll(async () => {
    if (!browserAvailable) return;
    dir = mkdtempSync(path.join(os.tmpdir(), "relances-outlook-e2e-"));
    file = path.join(dir, "suivi.xlsx");
    await write(file);
    saved = process.env.RELANCES_WORKBOOK;
    process.env.RELANCES_WORKBOOK = file;
    session = await startPreviewSession();
  }, 60_000);
  afterAll(async () => {
    await session?.close();
    if (saved === undefined) delete process.env.RELANCES_WORKBOOK;
    else process.env.RELANCES_WORKBOOK = saved;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return { session: () => session!, file: () => file };
}
