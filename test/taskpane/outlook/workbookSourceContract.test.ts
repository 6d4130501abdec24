// The Outlook pane's workbook port, one contract for both adapters: the server's file
// (/api/local-workbook over a temporary RELANCES_WORKBOOK) and OneDrive through /api/workbook
// (the stand-in's drive and Graph, signed in with the preview's stand-in token). On the same
// sample, each reads the same sender's account, appends a reply's journal lines once, and a
// second append writes nothing twice.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayFromIso } from "../../../src/core/day";
import { memoryWorkbook } from "../../../src/engine/memoryWorkbook";
import { planWorkbook } from "../../../src/engine/planWorkbook";
import { readWorkbook } from "../../../src/engine/readWorkbook";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../../src/sample/sampleWorkbook";
import { workbookRoute } from "../../../src/server/api/workbookRoute";
import { EMBEDDED_WORKBOOK_PATH, embeddedWorkbookFile, embeddedWorkbookRoute } from "../../../src/server/embeddedWorkbookRoute";
import { STANDIN_USER } from "../../../src/standin/standinTenant";
import { createApiClient } from "../../../taskpane/shared/apiClient";
import { standinTokenSource } from "../../../taskpane/preview/standinTokenSource";
import { embeddedWorkbookSource } from "../../../taskpane/outlook/embeddedWorkbook";
import { graphWorkbookSource } from "../../../taskpane/outlook/graphWorkbookSource";
import type { JournalLineWire } from "../../../taskpane/outlook/journalLineWire";
import { accountView, findSender } from "../../../taskpane/outlook/senderAccount";
import { namingFailures, type WorkbookSource } from "../../../taskpane/outlook/workbookSource";
import { startWorkbookStandin } from "../../graph/workbookStandin";
import { startWorkbookApp } from "../../server/api/workbookApp";
import { listenOnLoopback } from "../loopbackServer";

const asOf = dayFromIso(SAMPLE_AS_OF)!;
const SENDER = "gestion@sci-lestilleuls.example";
const MESSAGE_ID = "AAMk-contrat-promesse";

interface Fixture {
  readonly source: WorkbookSource;
  close(): Promise<void>;
}

async function sampleFile(dir: string): Promise<string> {
  const file = path.join(dir, "suivi.xlsx");
  await writeSampleWorkbook(file);
  return file;
}

const ADAPTERS: readonly { readonly name: string; start(dir: string): Promise<Fixture> }[] = [
  {
    name: "the server's file (/api/local-workbook)",
    async start(dir) {
      const file = await sampleFile(dir);
      const app = express();
      app.use(EMBEDDED_WORKBOOK_PATH, embeddedWorkbookRoute(embeddedWorkbookFile({ RELANCES_WORKBOOK: file })));
      const server = await listenOnLoopback(app);
      return { source: namingFailures(embeddedWorkbookSource(server.origin, fetch)), close: () => server.close() };
    },
  },
  {
    name: "OneDrive through /api/workbook (the stand-in)",
    async start(dir) {
      const m365 = await startWorkbookStandin();
      const app = await startWorkbookApp(m365.standin, [workbookRoute]);
      const url = m365.drive.webUrl(m365.drive.put(STANDIN_USER, "Compta/Suivi 2026.xlsx", await readFile(await sampleFile(dir))));
      const api = createApiClient({ origin: app.url, fetch, tokens: standinTokenSource(m365.standin.url, fetch) });
      return {
        source: namingFailures(graphWorkbookSource(api, url)),
        close: async () => {
          await app.close();
          await m365.close();
        },
      };
    },
  },
];

/** The sender's account as the pane shows it, from the source's sheets. */
async function accountOf(source: WorkbookSource) {
  const { sheets } = await source.sheets();
  const read = await readWorkbook(memoryWorkbook(sheets), { asOf });
  const plan = planWorkbook(read, asOf);
  const match = findSender(plan, SENDER);
  expect(match.candidates).toHaveLength(1);
  return { account: accountView(plan, read.journal.entries, match.candidates[0]!.key)!, journal: read.journal.entries };
}

describe.each(ADAPTERS)("the workbook source: $name", (adapter) => {
  let dir: string;
  let fixture: Fixture;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "relances-source-contract-"));
    fixture = await adapter.start(dir);
  });
  afterAll(async () => {
    await fixture?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("reads the sender's account: its open invoices, balances and journal", async () => {
    const { account } = await accountOf(fixture.source);
    expect(account.name).toBe("SCI Les Tilleuls");
    expect(account.invoices.map((i) => i.number).sort()).toEqual(["F2026-027", "F2026-050", "F2026-059"]);
    expect(account.balance).toBe(account.invoices.reduce((sum, i) => sum + i.balance, 0));
    expect(account.balance).toBeGreaterThan(0);
  });

  it("appends a reply's lines once, and a second append writes nothing twice", async () => {
    const { account, journal } = await accountOf(fixture.source);
    const lines: JournalLineWire[] = account.invoices.map((i) => ({
      date: SAMPLE_AS_OF, customer: i.customer, invoice: i.number, reference: MESSAGE_ID, promiseDate: "2026-07-15", note: "promesse de règlement / promise to pay",
    }));
    expect(await fixture.source.appendJournal(lines)).toBe(3);
    const after = await accountOf(fixture.source);
    expect(after.journal).toHaveLength(journal.length + 3);
    expect(after.journal.filter((e) => e.reference === MESSAGE_ID).map((e) => e.invoice).sort()).toEqual(["F2026-027", "F2026-050", "F2026-059"]);
    expect(after.account.invoices.every((i) => i.status === "promise")).toBe(true);

    expect(await fixture.source.appendJournal(lines)).toBe(0);
    expect((await accountOf(fixture.source)).journal).toHaveLength(journal.length + 3);
  });
});

describe("a workbook source that fails names the workbook", () => {
  let dir: string;
  let m365: Awaited<ReturnType<typeof startWorkbookStandin>>;
  let app: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "relances-source-failures-"));
    m365 = await startWorkbookStandin();
    app = await startWorkbookApp(m365.standin, [workbookRoute]);
    m365.drive.put(STANDIN_USER, "Compta/Suivi 2026.xlsx", await readFile(await sampleFile(dir)));
  });
  afterAll(async () => {
    await app?.close();
    await m365?.close();
    await rm(dir, { recursive: true, force: true });
  });
  const api = () => createApiClient({ origin: app.url, fetch, tokens: standinTokenSource(m365.standin.url, fetch) });

  it("reads a workbook named by its path in the user's OneDrive", async () => {
    const { name, sheets } = await namingFailures(graphWorkbookSource(api(), "/Compta/Suivi 2026.xlsx")).sheets();
    expect(name).toBe("Suivi 2026.xlsx");
    expect(sheets.length).toBeGreaterThan(1);
  });

  it("a workbook OneDrive does not have: « introuvable », in French and English, with its name", async () => {
    const error = (await namingFailures(graphWorkbookSource(api(), "Compta/Suivi 2025.xlsx")).sheets().catch((e: unknown) => e)) as Error;
    expect(error.message).toBe("Classeur « Suivi 2025.xlsx » : Classeur introuvable sur OneDrive ou SharePoint. / Workbook « Suivi 2025.xlsx »: Workbook not found on OneDrive or SharePoint.");
  });

  it("a sign-in that fails: the stand-in's message, with the workbook's name", async () => {
    const closed = standinTokenSource("https://127.0.0.1:9", fetch);
    const error = (await namingFailures(graphWorkbookSource(createApiClient({ origin: app.url, fetch, tokens: closed }), "Compta/Suivi 2026.xlsx")).sheets().catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^Classeur « Suivi 2026\.xlsx » : Le banc d'essai Microsoft 365 ne répond pas .* \/ Workbook « Suivi 2026\.xlsx »: The Microsoft 365 stand-in does not answer/);
  });

  it("the server's file missing: named as the server's file", async () => {
    const app = express();
    app.use(EMBEDDED_WORKBOOK_PATH, embeddedWorkbookRoute(embeddedWorkbookFile({ RELANCES_WORKBOOK: path.join(dir, "absent.xlsx") })));
    const server = await listenOnLoopback(app);
    try {
      const error = (await namingFailures(embeddedWorkbookSource(server.origin, fetch)).sheets().catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(/^Classeur « fichier du serveur » : .* \/ Workbook « the server's file »: /);
    } finally {
      await server.close();
    }
  });
});
