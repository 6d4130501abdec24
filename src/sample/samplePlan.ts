// The bundled sample planned on its reference date: what the demo shows, and real data for the
// document tests and benchmarks.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { dayFromIso } from "../core/day";
import type { Plan } from "../core/plan";
import type { Settings } from "../core/settings";
import { planWorkbook } from "../engine/planWorkbook";
import { readWorkbookSource } from "../workbook/workbookSource";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "./sampleWorkbook";

export async function planSample(): Promise<{ plan: Plan; settings: Settings }> {
  const dir = await mkdtemp(path.join(tmpdir(), "relances-sample-"));
  try {
    const file = path.join(dir, "sample.xlsx");
    await writeSampleWorkbook(file);
    const asOf = dayFromIso(SAMPLE_AS_OF)!;
    const source = await readWorkbookSource(file, { asOf });
    return { plan: planWorkbook(source, asOf), settings: source.settings };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
