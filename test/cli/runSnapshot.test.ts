// `run` works from one snapshot of the input (SPEC section 10): a workbook saved while the run works
// stops it before the copy is written, says so naming the file, and journals nothing.
import { mkdir, mkdtemp, readdir, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stoppedRunStatus } from "../../src/cli/dayAfterDay";
import { dayFromIso } from "../../src/core/day";
import { writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { runWorkbook } from "../../src/workbook/runWorkbook";
import { RunStoppedError } from "../../src/workbook/runStopped";
import { sha } from "../helpers/cli";

const asOf = dayFromIso("2026-06-30")!;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-snapshot-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What a user's save in Excel does: another workbook written over the file (a temporary file renamed over it). */
async function saveAnotherVersion(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  workbook.getWorksheet("Suivi 2026")!.getCell("A1").value = "enregistré dans Excel pendant la relance";
  const saved = `${file}.saving`;
  await workbook.xlsx.writeFile(saved);
  await rename(saved, file);
}

async function sampleIn(name: string): Promise<string> {
  await mkdir(path.join(dir, name), { recursive: true });
  const file = path.join(dir, name, "suivi.xlsx");
  await writeSampleWorkbook(file);
  return file;
}

describe("run on a workbook saved while it works", () => {
  it("stops before writing the copy, names the file, journals nothing and leaves no document", async () => {
    const file = await sampleIn("copie");
    const out = path.join(dir, "copie", "sortie");
    const error = await runWorkbook(file, { asOf, outDir: out, beforeWrite: () => saveAnotherVersion(file) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunStoppedError);
    expect((error as Error).message).toContain(`«${file}» a changé pendant la relance`);
    expect((error as Error).message).toContain(`«${file}» changed while the run worked`);
    expect(stoppedRunStatus(error)).toBe(1);
    // The output folder was made by this run: nothing of it is left.
    await expect(readdir(out)).rejects.toThrow();
  });

  it("with --in-place, the user's save is kept as she saved it and no previous version is kept", async () => {
    const file = await sampleIn("sur-place");
    let saved = "";
    const run = runWorkbook(file, {
      asOf,
      outDir: path.join(dir, "sur-place", "documents"),
      inPlace: true,
      beforeWrite: async () => {
        await saveAnotherVersion(file);
        saved = await sha(file);
      },
    });
    await expect(run).rejects.toThrow(/a changé pendant la relance/);
    expect(await sha(file)).toBe(saved);
    expect(await readdir(path.join(dir, "sur-place"))).toEqual(["suivi.xlsx"]);
  });

  it("a run the file does not change under writes its copy as before", async () => {
    const file = await sampleIn("tranquille");
    const result = await runWorkbook(file, { asOf, outDir: path.join(dir, "tranquille", "sortie"), beforeWrite: async () => undefined });
    expect(result.journalLines).toBeGreaterThan(0);
    expect(await readdir(path.join(dir, "tranquille", "sortie"))).toContain("suivi.xlsx");
  });
});
