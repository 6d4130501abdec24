// The engine's browser bundle (scripts/check-browser-bundle.mjs) in Debian's Chromium: the bundled
// sample, handed over as Office.js arrays, plans there exactly as the command line plans its file.
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
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
});
