// Runs the whole vitest suite three times, in three time zones, streaming its output:
//   TZ=UTC, TZ=Pacific/Kiritimati (UTC+14), TZ=America/Los_Angeles (UTC-8/-7)
// so that no date drifts with the machine's time zone. Extra arguments go to vitest
// (node scripts/test.mjs test/server). Exits non-zero when any run fails, and ends with one line
// "N passed, N failed" (sums over the three runs) for CI.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const vitest = path.join(root, "node_modules", "vitest", "vitest.mjs");
const TIME_ZONES = ["UTC", "Pacific/Kiritimati", "America/Los_Angeles"];
const extraArgs = process.argv.slice(2);

function runVitest(timeZone, jsonFile) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${jsonFile}`, ...extraArgs],
      { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, TZ: timeZone } },
    );
    child.on("error", (error) => {
      console.error(`cannot start vitest: ${error.message}`);
      resolve(1);
    });
    child.on("close", (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

function readCounts(jsonFile) {
  try {
    const report = JSON.parse(readFileSync(jsonFile, "utf8"));
    return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0, ok: true };
  } catch {
    return { passed: 0, failed: 0, ok: false };
  }
}

async function main() {
  if (!existsSync(vitest)) {
    console.error("vitest is not installed: run npm install / vitest n'est pas installé : lancez npm install");
    console.log("0 passed, 1 failed");
    return 1;
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), "relances-test-"));
  let passed = 0;
  let failed = 0;
  let exitCode = 0;
  const lines = [];
  try {
    for (const timeZone of TIME_ZONES) {
      console.log(`\n=== vitest run, TZ=${timeZone} ===\n`);
      const jsonFile = path.join(tmp, `${timeZone.replace(/\W/g, "_")}.json`);
      const code = await runVitest(timeZone, jsonFile);
      const counts = readCounts(jsonFile);
      // A run that fails without a failed test (no report, a file that does not load, an unhandled
      // error) still counts as one failure, so that the summary never reads "0 failed" for it.
      const runFailed = code !== 0 ? Math.max(counts.failed, 1) : counts.failed;
      passed += counts.passed;
      failed += runFailed;
      if (code !== 0) exitCode = 1;
      lines.push(
        `  TZ=${timeZone.padEnd(20)} ${counts.passed} passed, ${runFailed} failed` +
          (code !== 0 && counts.failed === 0 ? ` (vitest exited with ${code}${counts.ok ? "" : ", no report"})` : ""),
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\nTime zones:\n${lines.join("\n")}`);
  console.log(`${passed} passed, ${failed} failed`);
  return exitCode;
}

process.exitCode = await main();
