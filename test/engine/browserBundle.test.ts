// The engine's browser bundle (scripts/check-browser-bundle.mjs) in Debian's Chromium: the bundled
// sample, handed over as Office.js arrays, plans there exactly as the command line plans its file.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayFromIso } from "../../src/core/day";
import { planToJson } from "../../src/core/planJson";
import { planWorkbook } from "../../src/engine/planWorkbook";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { readWorkbookSource } from "../../src/workbook/workbookSource";
import { bundleForBrowser, ENGINE_GLOBAL } from "../../scripts/check-browser-bundle.mjs";
import { documentsFromArrays } from "../../src/engine/browserEntry";
import { templatesFolder } from "../../src/node/emailTemplates";
import { officeSheetsOf } from "./officeWorkbook";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);

let dir: string;
let browser: Browser | undefined;
let code: string | undefined;
let errors: string[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-bundle-"));
  ({ code, errors } = await bundleForBrowser());
  if (available) browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the engine's browser bundle", () => {
  it("bundles for platform browser, with no Node built-in in it", () => {
    expect(errors).toEqual([]);
    expect(code).toContain(ENGINE_GLOBAL);
  });

  it("fails on an entry that imports a Node built-in, naming it", async () => {
    const entry = path.join(dir, "usesNode.ts");
    await writeFile(entry, 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n');
    const result = await bundleForBrowser(entry);
    expect(result.code).toBeUndefined();
    expect(result.errors.join("\n")).toContain('"node:fs"');
  });

  it.skipIf(!available)("plans the sample in Chromium exactly as the command line plans its file", async () => {
    const file = path.join(dir, "sample.xlsx");
    await writeSampleWorkbook(file);
    const asOf = dayFromIso(SAMPLE_AS_OF)!;
    const cli = JSON.stringify(planToJson(planWorkbook(await readWorkbookSource(file, { asOf }), asOf)), null, 2);
    const sheets = await officeSheetsOf(file);
    const page = await browser!.newPage();
    try {
      await page.goto("about:blank");
      await page.addScriptTag({ content: code! });
      const inBrowser = await page.evaluate(
        async ([name, given, date]) => {
          const engine = (globalThis as unknown as Record<string, { planFromArrays(s: unknown, d: string): Promise<{ json?: unknown; problem?: string }> }>)[name]!;
          const { json, problem } = await engine.planFromArrays(given, date);
          return { json, problem, node: typeof (globalThis as { process?: unknown }).process };
        },
        [ENGINE_GLOBAL, sheets, SAMPLE_AS_OF] as [string, MemorySheet[], string],
      );
      expect(inBrowser.problem).toBeUndefined();
      expect(inBrowser.node).toBe("undefined");
      expect(JSON.stringify(inBrowser.json, null, 2)).toBe(cli);
      expect(cli.length).toBeGreaterThan(1000);
    } finally {
      await page.close();
    }
  }, 60_000);

  it.skipIf(!available)("makes the sample's documents in Chromium byte for byte as the engine makes them on Node", async () => {
    const file = path.join(dir, "sample-documents.xlsx");
    await writeSampleWorkbook(file);
    const sheets = await officeSheetsOf(file);
    // The package's templates/ as the pane would fetch them: .docx as bytes, e-mail parts as text.
    const templates: Record<string, Uint8Array | string> = {};
    for (const lang of ["fr", "en"]) {
      for (const name of await readdir(path.join(templatesFolder(), lang))) {
        const bytes = await readFile(path.join(templatesFolder(), lang, name));
        templates[`${lang}/${name}`] = name.endsWith(".docx") ? new Uint8Array(bytes) : bytes.toString("utf8");
      }
    }
    const onNode = await documentsFromArrays(sheets, SAMPLE_AS_OF, templates);
    expect(onNode.problem).toBeUndefined();
    const base64 = (data: Uint8Array | string): string => Buffer.from(data).toString("base64");
    const given = Object.fromEntries(Object.entries(templates).map(([name, data]) => [name, typeof data === "string" ? { text: data } : { base64: base64(data) }]));
    const page = await browser!.newPage();
    try {
      await page.goto("about:blank");
      await page.addScriptTag({ content: code! });
      const inBrowser = await page.evaluate(
        async ([name, sheetsGiven, date, files]) => {
          const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
          const toBase64 = (data: Uint8Array | string): string =>
            typeof data === "string" ? btoa(unescape(encodeURIComponent(data))) : btoa(Array.from(data, (b) => String.fromCharCode(b)).join(""));
          const templatesIn = Object.fromEntries(
            Object.entries(files).map(([file, v]) => [file, "text" in v ? v.text! : fromBase64(v.base64!)]),
          );
          type Engine = { documentsFromArrays(s: unknown, d: string, t: unknown): Promise<{ files?: Record<string, Uint8Array | string>; emails?: unknown; references?: unknown; problem?: string }> };
          const engine = (globalThis as unknown as Record<string, Engine>)[name]!;
          const made = await engine.documentsFromArrays(sheetsGiven, date, templatesIn);
          return {
            problem: made.problem,
            files: Object.fromEntries(Object.entries(made.files ?? {}).map(([file, data]) => [file, toBase64(data)])),
            emails: JSON.stringify(made.emails),
            references: made.references,
          };
        },
        [ENGINE_GLOBAL, sheets, SAMPLE_AS_OF, given] as [string, MemorySheet[], string, Record<string, { text?: string; base64?: string }>],
      );
      expect(inBrowser.problem).toBeUndefined();
      const nodeFiles = Object.fromEntries(Object.entries(onNode.files!).map(([name, data]) => [name, base64(data)]));
      expect(Object.keys(inBrowser.files)).toEqual(Object.keys(nodeFiles));
      expect(Object.keys(nodeFiles).some((name) => name.endsWith(".pdf"))).toBe(true);
      expect(Object.keys(nodeFiles).some((name) => name.endsWith(".docx"))).toBe(true);
      for (const name of Object.keys(nodeFiles)) expect(inBrowser.files[name], name).toBe(nodeFiles[name]);
      expect(Object.keys(onNode.emails!).length).toBeGreaterThan(0);
      expect(inBrowser.emails).toBe(JSON.stringify(onNode.emails));
      expect(inBrowser.references).toEqual(onNode.references);
    } finally {
      await page.close();
    }
  }, 120_000);
});
