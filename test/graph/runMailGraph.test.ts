// `relances run FILE --mail graph` against the stand-in: the sample's e-mail reminders drafted in
// the shared mailbox by client credentials, exactly once, the draft ids in the journal.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli, type CliIo } from "../../src/cli/relances";
import { JOURNAL_SHEET } from "../../src/core/journalEntry";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { draftingStandin, type DraftingStandin } from "./standinDrafting";

/** The sample's e-mail reminders on its reference date. */
const SAMPLE_EMAILS = 7;

let s: DraftingStandin;
let dir: string;
let sample: string;
beforeAll(async () => {
  s = await draftingStandin({ limits: { fractionalRetryAfter: true, concurrencyRetryAfterMs: 50 } });
  dir = await mkdtemp(path.join(tmpdir(), "relances-graph-run-"));
  sample = path.join(dir, "suivi.xlsx");
  await writeSampleWorkbook(sample);
});
afterAll(async () => {
  await s.standin.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  s.mail.store.clear();
  s.mail.faults.reset();
});

function capture(env: Record<string, string>): { io: CliIo; out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t) => out.push(t), err: (t) => err.push(t), env: { USER: "test", ...env } }, out: () => out.join("\n"), err: () => err.join("\n") };
}

async function run(args: string[], env = s.env): Promise<{ status: number; out: string; err: string }> {
  const { io, out, err } = capture(env);
  const status = await runCli(["run", ...args, "--as-of", SAMPLE_AS_OF, "--mail", "graph"], io);
  return { status, out: out(), err: err() };
}

/** The Référence of the e-mail lines the run journalled. */
async function journalledDrafts(workbook: string): Promise<string[]> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.readFile(workbook);
  const journal = copy.getWorksheet(JOURNAL_SHEET)!;
  const header = (journal.getRow(1).values as unknown[]).map(String);
  const references: string[] = [];
  journal.eachRow((row, number) => {
    const date = row.getCell(1).value;
    if (number > 1 && date instanceof Date && date.toISOString().startsWith(SAMPLE_AS_OF) && row.getCell(header.indexOf("Canal")).value === "email") {
      references.push(String(row.getCell(header.indexOf("Référence")).value));
    }
  });
  return references;
}

function draftsPerKey(): number[] {
  return [...s.mail.store.countsByProperty("RelancesKey").values()];
}

describe("relances run --mail graph", () => {
  it("drafts every e-mail reminder once in the shared mailbox, the draft ids in the journal; a second run drafts nothing new", async () => {
    const first = await run([sample, "--out", path.join(dir, "a")]);
    expect(first.err).toBe("");
    expect(first.status).toBe(0);
    expect(first.out).toContain(`Brouillons Outlook dans relances@cabinet-exemple.fr : ${SAMPLE_EMAILS} créé(s), 0 déjà là`);
    expect(draftsPerKey()).toEqual(Array(SAMPLE_EMAILS).fill(1));
    const ids = new Set(s.mail.store.all().map((m) => m.immutableId));
    const journalled = await journalledDrafts(path.join(dir, "a", "suivi.xlsx"));
    expect(journalled).toHaveLength(SAMPLE_EMAILS);
    for (const id of journalled) expect(ids.has(id), id).toBe(true);
    // No .eml files: the e-mails went to Outlook.
    expect(first.out).not.toMatch(/emails\/ :/);

    // The next run starts from the copy: its journal says the reminders went, none is due again.
    const onCopy = await run([path.join(dir, "a", "suivi.xlsx"), "--out", path.join(dir, "a2")]);
    expect(onCopy.status).toBe(0);
    expect(onCopy.out).toContain("0 créé(s), 0 déjà là");
    // The original run again elsewhere (its journal lacks the lines): the drafts are found, not made again.
    const again = await run([sample, "--out", path.join(dir, "b")]);
    expect(again.status).toBe(0);
    expect(again.out).toContain(`0 créé(s), ${SAMPLE_EMAILS} déjà là`);
    expect(draftsPerKey()).toEqual(Array(SAMPLE_EMAILS).fill(1));
    expect(await journalledDrafts(path.join(dir, "b", "suivi.xlsx"))).toEqual(journalled);
  });

  it("with 20% of Graph requests meeting 429, 503, timeouts and dropped answers, still one draft per reminder", async () => {
    s.mail.faults.configure({ rate: 0.2, seed: 3, retryAfterMs: 20, holdMs: 600, fractionalRetryAfter: true });
    const result = await run([sample, "--out", path.join(dir, "faults")], { ...s.env, RELANCES_GRAPH_TIMEOUT: "0.2" });
    expect(result.err).toBe("");
    expect(result.status).toBe(0);
    expect(s.mail.faults.seen.filter((r) => r.fault !== undefined).length).toBeGreaterThan(0);
    expect(draftsPerKey()).toEqual(Array(SAMPLE_EMAILS).fill(1));
    const ids = new Set(s.mail.store.all().map((m) => m.immutableId));
    const journalled = await journalledDrafts(path.join(dir, "faults", "suivi.xlsx"));
    expect(journalled.filter((id) => ids.has(id))).toHaveLength(SAMPLE_EMAILS);
  });

  it("a wrong client secret stops the run with exit 3 and Entra's refusal, the secret never repeated, nothing journalled", async () => {
    const result = await run([sample, "--out", path.join(dir, "secret")], { ...s.env, AZURE_CLIENT_SECRET: "pas-le-bon-secret" });
    expect(result.status).toBe(3);
    expect(result.err).toMatch(/invalid_client/);
    expect(result.err).not.toContain("pas-le-bon-secret");
    expect(s.mail.store.all()).toHaveLength(0);
  });
});

describe("relances run --mail graph, killed halfway and started again", () => {
  let slow: DraftingStandin;
  beforeAll(async () => {
    // Each message operation takes a while, so that the run can be stopped between two drafts.
    slow = await draftingStandin({ mail: { latencyMs: 120 } });
  });
  afterAll(() => slow.standin.close());

  it("leaves exactly one draft per reminder", async () => {
    const out = path.join(dir, "killed");
    const child = spawn(process.execPath, ["bin/relances.js", "run", sample, "--as-of", SAMPLE_AS_OF, "--mail", "graph", "--out", out], {
      env: { ...process.env, ...slow.env },
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const started = Date.now();
    while (slow.mail.store.all().length === 0 && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill("SIGKILL");
    await exited;
    // A request the stand-in had begun ends on its side; none after it begins.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const before = slow.mail.store.all().length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(SAMPLE_EMAILS);

    const again = await run([sample, "--out", out], slow.env);
    expect(again.status).toBe(0);
    const after = slow.mail.store.all().length;
    expect(after).toBe(SAMPLE_EMAILS);
    expect(again.out).toContain(`${after - before} créé(s), ${before} déjà là`);
    expect([...slow.mail.store.countsByProperty("RelancesKey").values()]).toEqual(Array(SAMPLE_EMAILS).fill(1));
  });
});
