// The workbook `npm run bench` runs plan and run on: the large generated workbook with a settings
// sheet holding a complete sender, so that the run writes documents instead of refusing (exit 4).
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayFromIso } from "../../src/core/day";
import { missingSenderSettings } from "../../src/core/senderCheck";
import { planWorkbook } from "../../src/engine/planWorkbook";
import { readWorkbookSource } from "../../src/workbook/workbookSource";
import { ensureLargeWorkbook, LARGE_AS_OF } from "../../bench/largeWorkbook";
import { COMPLETE_SENDER } from "../helpers/senderSettings";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-bench-workbook-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the benchmarks' workbook with a sender", () => {
  it("holds a settings sheet whose sender is complete for every document the plan makes", async () => {
    const file = await ensureLargeWorkbook(dir, 400, 50, COMPLETE_SENDER);
    expect(path.basename(file)).toBe("relances-bench-400-settings.xlsx");
    const asOf = dayFromIso(LARGE_AS_OF)!;
    const source = await readWorkbookSource(file, { asOf });
    expect(source.settingsProblems).toEqual([]);
    const plan = planWorkbook(source, asOf);
    expect(plan.actions.length).toBeGreaterThan(0);
    expect(missingSenderSettings(source.settings, plan.actions)).toEqual([]);
  });

  it("is cached apart from the workbook without settings, and reused", async () => {
    const plain = await ensureLargeWorkbook(dir, 300, 40);
    const withSender = await ensureLargeWorkbook(dir, 300, 40, COMPLETE_SENDER);
    expect(withSender).not.toBe(plain);
    expect(await ensureLargeWorkbook(dir, 300, 40, COMPLETE_SENDER)).toBe(withSender);
    expect((await readdir(dir)).filter((name) => name.startsWith("relances-bench-300")).sort()).toEqual([
      "relances-bench-300-settings.xlsx",
      "relances-bench-300-settings.xlsx.json",
      "relances-bench-300.xlsx",
      "relances-bench-300.xlsx.json",
    ]);
  });
});
