// The Outlook pane's workbook in the embedded default: the file the server is pointed at, through
// /api/local-workbook (src/server/embeddedWorkbookRoute.ts), on the pane's own origin.
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import type { JournalLineWire } from "./ReadPane";

const BASE = "/api/local-workbook";

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => ({}))) as T & { error?: { message?: string } };
  if (!res.ok) throw new Error(body.error?.message ?? `Erreur ${res.status} / Error ${res.status}`);
  return body;
}

export async function fetchSheets(): Promise<{ name: string; sheets: MemorySheet[] }> {
  const body = await answer<{ workbook: { name: string }; sheets: MemorySheet[] }>(await fetch(`${BASE}/sheets`, { cache: "no-store" }));
  return { name: body.workbook.name, sheets: body.sheets };
}

export async function appendJournal(lines: readonly JournalLineWire[]): Promise<number> {
  const res = await fetch(`${BASE}/journal`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ lines }) });
  return (await answer<{ added: number }>(res)).added;
}
