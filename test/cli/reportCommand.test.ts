// relances report on the bundled sample and on bad input, through the command line's own entry.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, usage } from "../../src/cli/relances";
import { dayFromIso } from "../../src/core/day";
import { reportToJson } from "../../src/core/reportJson";
import { workbookReport } from "../../src/engine/workbookReport";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { readWorkbookSource } from "../../src/workbook/workbookSource";
import { capture } from "../helpers/cli";

let dir: string;
let sample: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-report-"));
  sample = path.join(dir, "suivi.xlsx");
  await writeSampleWorkbook(sample);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("relances report", () => {
  it("prints the totals, the ageing summary, DSO and the D441-6 table, French first", async () => {
    const { io, out } = capture();
    expect(await runCli(["report", sample, "--as-of", "30/06/2026"], io)).toBe(0);
    const text = out();
    expect(text.split("\n")[0]).toBe("Rapport au 30/06/2026 / Report as of 30/06/2026");
    for (const words of ["Encours / outstanding", "Balance âgée / ageing summary", "DSO (délai moyen de paiement clients)", "art. D441-6", "91 jours et plus", "Total (1 jour et plus)", "(B) Factures exclues"]) {
      expect(text).toContain(words);
    }
  });

  it("prints as JSON the engine's report of the file, its figures consistent with one another", async () => {
    const { io, out } = capture();
    expect(await runCli(["report", sample, "--as-of", SAMPLE_AS_OF, "--json"], io)).toBe(0);
    const json = JSON.parse(out());
    expect(json.asOf).toBe(SAMPLE_AS_OF);
    const asOf = dayFromIso(SAMPLE_AS_OF)!;
    const source = await readWorkbookSource(sample, { asOf });
    const { report, warnings } = workbookReport(source, asOf);
    expect(json).toEqual(reportToJson(report, warnings));
    const cents = (euros: number) => Math.round(euros * 100);
    const bands = json.paymentDelays.bands;
    expect(bands.reduce((sum: number, b: { amount: number }) => sum + cents(b.amount), 0)).toBe(cents(json.paymentDelays.total.amount));
    expect(bands.reduce((sum: number, b: { count: number }) => sum + b.count, 0)).toBe(json.paymentDelays.total.count);
    expect(cents(json.totals.overdue) + cents(json.totals.notDue)).toBe(cents(json.totals.outstanding));
    expect(json.ageing.total).toBe(json.totals.outstanding);
    expect(json.dso.period).toEqual({ from: "2025-07-01", to: "2026-06-30" });
    expect(json.paymentDelays.fiscalYear).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(json.paymentDelays.total.count).toBeGreaterThan(0);
    // The sample's three refused rows are said, not silently left out.
    expect(json.warnings.join("\n")).toContain("3 ligne(s) rejetée(s)");
  });

  it("finds on the sample the D441-6 table worked out by hand from its invoices", async () => {
    const { io, out } = capture();
    expect(await runCli(["report", sample, "--as-of", SAMPLE_AS_OF, "--json"], io)).toBe(0);
    const { paymentDelays, totals } = JSON.parse(out());
    // 1-30: F2026-038 (30 days), -040, -049 (30), -050, -053, -054, -055, -056, -057 (2 days); F2026-048, due today, is not in it.
    // 31-60: F2026-043 (31 days), -036, -046, -047; 61-90: F2026-027 (61 days), -032, -033;
    // 91 and more: F2026-007 (91 days), -021; F2026-012's EUR 0.40 counts as paid. Disputed: F2026-031, -035.
    expect(paymentDelays.bands.map((b: { count: number; amount: number }) => [b.count, b.amount])).toEqual([
      [9, 99480],
      [4, 23540],
      [3, 25420],
      [2, 16040],
    ]);
    expect(paymentDelays.disputed).toEqual({ count: 2, amount: 21860 });
    expect(totals.notDue).toBe(60130);
  });

  it("refuses a date that is none with exit 2 and the usage", async () => {
    const { io, err } = capture();
    expect(await runCli(["report", sample, "--as-of", "31/02/2026"], io)).toBe(2);
    expect(err()).toContain("n'est pas une date");
    expect(err()).toContain("Usage : relances report");
  });

  it("refuses a missing file with exit 3, naming it", async () => {
    const { io, err } = capture();
    const missing = path.join(dir, "absent.xlsx");
    expect(await runCli(["report", missing], io)).toBe(3);
    expect(err()).toContain("absent.xlsx");
  });

  it("refuses a file that is no workbook with exit 3", async () => {
    const { io, err } = capture();
    const text = path.join(dir, "notes.xlsx");
    await writeFile(text, "pas un classeur");
    expect(await runCli(["report", text], io)).toBe(3);
    expect(err()).not.toBe("");
  });

  it("asks for one workbook", async () => {
    const { io, err } = capture();
    expect(await runCli(["report"], io)).toBe(2);
    expect(err()).toContain("Indiquez un classeur / give one workbook");
  });

  it("is in the usage text and answers --help", async () => {
    expect(usage()).toContain("report FICHIER.xlsx [--as-of DATE]");
    const { io, out } = capture();
    expect(await runCli(["report", "--help"], io)).toBe(0);
    expect(out()).toContain("--json");
  });
});
