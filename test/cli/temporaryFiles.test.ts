// The temporary files a killed run leaves are removed by the next run: only the product's own
// (named «.NAME.relances-PID-HEX.tmp»), only in the folders it writes, only those of a run that is over.
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliIo } from "../../src/cli/relances";
import { writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { temporaryFileFor } from "../../src/writeFileAtomically";

const io: CliIo = { out: () => undefined, err: () => undefined, env: { USER: "test" } };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-tmp-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The pid of a process that has ended. */
function endedPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid!;
}

describe("temporary files of a killed run", () => {
  it("are named so that they can be told from the user's files", () => {
    expect(path.basename(temporaryFileFor("/d/suivi.xlsx"))).toMatch(new RegExp(`^\\.suivi\\.xlsx\\.relances-${process.pid}-[0-9a-f]{8}\\.tmp$`));
  });

  it("are removed by the next run from the workbook's folder, the output folder and its documents' folders; nothing else is", async () => {
    const folder = path.join(dir, "classeur");
    const out = path.join(folder, "relances-2026-06-30");
    await mkdir(path.join(out, "emails"), { recursive: true });
    const file = path.join(folder, "suivi.xlsx");
    await writeSampleWorkbook(file);
    const dead = endedPid();
    const leftovers = [
      path.join(folder, `.suivi.xlsx.relances-${dead}-0123abcd.tmp`),
      path.join(out, `.suivi.xlsx.relances-${dead}-89abcdef.tmp`),
      path.join(out, `.suivi.xlsx.snapshot.relances-${dead}-00ff00ff.tmp`),
      path.join(out, "emails", `.2026-06-30-reminder1-x.eml.relances-${dead}-deadbeef.tmp`),
    ];
    // A run still going on (its process alive), and files the product did not make.
    const others = [
      path.join(out, `.suivi.xlsx.relances-${process.ppid}-11111111.tmp`),
      path.join(folder, "notes.tmp"),
      path.join(folder, `.suivi.xlsx.${dead}.0123abcd.tmp`),
      path.join(folder, "rapport.relances-1-0123abcd.tmp"),
    ];
    for (const f of [...leftovers, ...others]) await writeFile(f, "reste");
    expect(await runCli(["run", file, "--as-of", "2026-06-30"], io)).toBe(0);
    const left = new Set([...(await readdir(folder)), ...(await readdir(out)), ...(await readdir(path.join(out, "emails")))].map((f) => path.basename(f)));
    for (const f of leftovers) expect(left.has(path.basename(f)), f).toBe(false);
    for (const f of others) expect(left.has(path.basename(f)), f).toBe(true);
  });

  it("of a process still running are removed once older than a day (its pid was reused)", async () => {
    const folder = path.join(dir, "vieux");
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, "suivi.xlsx");
    await writeSampleWorkbook(file);
    const old = path.join(folder, `.suivi.xlsx.relances-${process.ppid}-22222222.tmp`);
    await writeFile(old, "reste");
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    await utimes(old, twoDaysAgo, twoDaysAgo);
    expect(await runCli(["run", file, "--as-of", "2026-06-30"], io)).toBe(0);
    expect(await readdir(folder)).not.toContain(path.basename(old));
  });
});
