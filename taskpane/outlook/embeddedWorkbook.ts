// The Outlook pane's workbook in the embedded default: the file the server is pointed at, through
// /api/local-workbook (src/server/embeddedWorkbookRoute.ts), on the pane's own origin.
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import type { JournalLineWire } from "./journalLineWire";
import type { WorkbookSource } from "./workbookSource";

const BASE = "/api/local-workbook";

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => ({}))) as T & { error?: { message?: string } };
  if (!res.ok) throw new Error(body.error?.message ?? `Erreur ${res.status} / Error ${res.status}`);
  return body;
}

const UNREACHABLE = "Le serveur de Relances ne répond pas / The Relances server does not answer";

/**
 * The embedded workbook as a WorkbookSource.
 * @param origin - the server's origin ("" in the pane: its own)
 * @example const { sheets } = await embeddedWorkbookSource().sheets();
 */
export function embeddedWorkbookSource(origin = "", fetcher: typeof fetch = (input, init) => fetch(input, init)): WorkbookSource {
  const send = (path: string, init?: RequestInit): Promise<Response> => fetcher(`${origin}${BASE}${path}`, init).catch(() => Promise.reject(new Error(UNREACHABLE)));
  return {
    label: { fr: "fichier du serveur", en: "the server's file" },
    async sheets() {
      const body = await answer<{ workbook: { name: string }; sheets: MemorySheet[] }>(await send("/sheets", { cache: "no-store" }));
      return { name: body.workbook.name, sheets: body.sheets };
    },
    async appendJournal(lines) {
      const res = await send("/journal", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ lines }) });
      return (await answer<{ added: number }>(res)).added;
    },
  };
}

export async function fetchSheets(): Promise<{ name: string; sheets: MemorySheet[] }> {
  return embeddedWorkbookSource().sheets();
}

export async function appendJournal(lines: readonly JournalLineWire[]): Promise<number> {
  return embeddedWorkbookSource().appendJournal(lines);
}
