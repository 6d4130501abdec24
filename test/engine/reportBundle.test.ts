// The pane's report through the engine's browser bundle (npm run check:browser): the export is
// there, and gives what the sources give.
import { describe, expect, it } from "vitest";
import { bundleForBrowser, ENGINE_GLOBAL } from "../../scripts/check-browser-bundle.mjs";
import { reportFromArrays } from "../../src/engine/reportArrays";
import { reportSheets } from "./reportWorkbook";

describe("reportFromArrays in the browser bundle", () => {
  it("is exported and gives the same JSON and sheet rows as the sources", async () => {
    const { code, errors } = await bundleForBrowser();
    expect(errors).toEqual([]);
    const engine = new Function(`${code}\nreturn ${ENGINE_GLOBAL};`)() as { reportFromArrays: typeof reportFromArrays };
    const bundled = await engine.reportFromArrays(reportSheets(), "2026-06-30");
    const direct = await reportFromArrays(reportSheets(), "2026-06-30");
    expect(bundled.json).toEqual(direct.json);
    expect(bundled.sheet).toEqual(direct.sheet);
    expect(bundled.json?.paymentDelays.total.count).toBe(2);
  }, 60_000);
});
