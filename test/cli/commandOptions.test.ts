// DATE as YYYY-MM-DD or dd/mm/yyyy on every command, and --help (-h) on every command (SPEC section 10).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/relances";
import { writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { capture } from "../helpers/cli";

let dir: string;
let sample: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-options-"));
  sample = path.join(dir, "suivi.xlsx");
  await writeSampleWorkbook(sample);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("--as-of DATE", () => {
  it("reads dd/mm/yyyy as the same day as YYYY-MM-DD on plan", async () => {
    const plans: unknown[] = [];
    for (const date of ["2026-07-01", "01/07/2026", "1/7/2026"]) {
      const { io, out, err } = capture();
      expect(await runCli(["plan", sample, "--as-of", date, "--json"], io), err()).toBe(0);
      plans.push(JSON.parse(out()));
    }
    expect((plans[0] as { asOf: string }).asOf).toBe("2026-07-01");
    expect(plans[1]).toEqual(plans[0]);
    expect(plans[2]).toEqual(plans[0]);
  });

  it("takes dd/mm/yyyy on run and demo too", async () => {
    const run = capture();
    expect(await runCli(["run", sample, "--as-of", "30/06/2026", "--out", path.join(dir, "run")], run.io), run.err()).toBe(0);
    expect(run.out()).toMatch(/Relances au 30\/06\/2026/);
    const demo = capture();
    expect(await runCli(["demo", "--as-of", "01/07/2026", "--out", path.join(dir, "demo")], demo.io), demo.err()).toBe(0);
    expect(demo.out()).toMatch(/Relance du 01\/07\/2026/);
  });

  it("refuses a date that is neither form, or not a real day, with exit 2 naming both forms", async () => {
    for (const date of ["31/02/2026", "2026-13-01", "1.7.26", "01/07/26", "demain"]) {
      const { io, err } = capture();
      expect(await runCli(["plan", sample, "--as-of", date], io), date).toBe(2);
      expect(err()).toContain(`--as-of «${date}» n'est pas une date AAAA-MM-JJ ou jj/mm/aaaa / is not a YYYY-MM-DD or dd/mm/yyyy date`);
    }
  });
});

describe("--help on every command", () => {
  for (const command of ["plan", "run", "demo", "serve"]) {
    for (const flag of ["--help", "-h"]) {
      it(`${command} ${flag} prints the command's usage and options, French then English, and exits 0`, async () => {
        const { io, out, err } = capture();
        expect(await runCli([command, flag], io)).toBe(0);
        expect(err()).toBe("");
        const text = out();
        expect(text).toMatch(new RegExp(`^Usage : relances ${command}\\b`));
        expect(text).toMatch(new RegExp(`\\nUsage: relances ${command}\\b`));
        expect(text.indexOf("Options :")).toBeGreaterThan(0);
        expect(text.indexOf("Options :")).toBeLessThan(text.indexOf("Options:"));
        // Only this command: no other command's usage.
        for (const other of ["plan", "run", "demo", "serve"].filter((c) => c !== command)) expect(text).not.toContain(`relances ${other}`);
      });
    }
  }

  it("run --help names every option run takes, --in-place among them", async () => {
    const { io, out } = capture();
    expect(await runCli(["run", sample, "--help"], io)).toBe(0);
    for (const option of ["--as-of DATE", "--sheet", "--out", "--in-place", "--mail"]) expect(out()).toContain(option);
    expect(out()).toContain("jj/mm/aaaa");
    expect(out()).toContain("dd/mm/yyyy");
  });
});
