// npm test's runner: every test file once under TZ=UTC, and the date-sensitive ones again under
// TZ=Pacific/Kiritimati (UTC+14) and TZ=America/Los_Angeles (UTC-8/-7), so that no date drifts with
// the machine's time zone while a run stays short as the suite grows (issue 10).
// Two lanes, one per core (vitest keeps one worker on a 2-core machine): the files that are not
// date-sensitive under UTC in one; the date-sensitive ones under each of the three zones, one zone
// after the other, then a few others (SECOND_LANE), in the other. The first lane's output streams as vitest prints it; each run of
// the second is printed whole once it is done. Then one summary line per run, and one line
// "N passed, N failed" (sums over the runs) for CI. Exits non-zero when any run fails.
// Extra arguments go to vitest: `node scripts/test.mjs test/cli` runs test/cli under UTC, and the
// date-sensitive files among test/cli under the two other zones.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const vitest = path.join(root, "node_modules", "vitest", "vitest.mjs");
const EVERY_FILE_ZONE = "UTC";
const OTHER_ZONES = ["Pacific/Kiritimati", "America/Los_Angeles"];


/**
 * The suites whose result could change with the time zone, run again in the other zones: each
 * turns dates into days or back, reads the clock, or writes a zip whose entry times are local
 * (PizZip stamps .docx and .xlsx parts in the machine's zone). A folder ends with "/"; a file is
 * named without ".test.ts". A new test of that kind joins this list. Found by running the rest of
 * the suite with every local-time Date method (getDate, getHours, new Date(y, m, d)...) wrapped to
 * log its caller: only the zip stamps and the command line's default date showed, beside what the
 * date tests below check.
 */
const DATE_SENSITIVE = [
  "test/core/", // days, due dates, overdue days, journal, plan, settings' dates
  "test/functions/", // the custom functions' reference day (Excel's calculation date)
  "test/engine/workbookContract", // the plan and the journal lines through both workbook adapters
  "test/engine/memoryWorkbook", // date serials handed over as Office.js does
  "test/cli/planTable", // the plan's dates as printed
  "test/cli/workbookCommands", // plan and run, their default date (today, local), the journal
  "test/cli/dayAfterDay", // runs on successive days
  "test/cli/commandOptions", // --as-of in both forms
  "test/cli/columnsCommand", // date columns found by their cells
  "test/workbook/safeCell", // date cells to days and back
  "test/workbook/readTrackingWorkbook", // date cells of the tracking sheet
  "test/workbook/trackingRows",
  "test/workbook/workbookSource",
  "test/workbook/workbookSheets",
  "test/workbook/journalSheet", // the journal's dates
  "test/workbook/earlierRuns", // earlier runs' journals, by day
  "test/workbook/stageSheets",
  "test/workbook/sheetGraft", // the copy's zip stamps and journal dates
  "test/documents/wordLetters", // the letters' zip stamps
  "test/documents/emailDate", // the message's Date, 09:00 in Paris
  "test/mail/emlFile", // the .eml written with that Date
  "test/sample/", // the sample's dates, midnight UTC
];

/**
 * Files that are not date-sensitive but run under UTC in the second lane, after the three zones,
 * so that both lanes end together (measured 2 December 2026: 328 s against 256 s without them).
 */
const SECOND_LANE = ["test/graph/", "test/standin/"];

/** Every test file, relative to the project, with forward slashes. */
function testFiles(dir = path.join(root, "test")) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith(".test.ts") ? [path.relative(root, full).split(path.sep).join("/")] : [];
  });
}

/** The files the arguments select (vitest's filters match a part of the path), date-sensitive or not. */
function chosenFiles(filters) {
  const matches = (file, entry) => (entry.endsWith("/") ? file.startsWith(entry) : file === `${entry}.test.ts`);
  const chosen = testFiles()
    .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter.replace(/\\/g, "/").replace(/^\.\//, ""))))
    .sort();
  const dated = (file) => DATE_SENSITIVE.some((entry) => matches(file, entry));
  const second = (file) => !dated(file) && SECOND_LANE.some((entry) => matches(file, entry));
  return { dateFiles: chosen.filter(dated), secondLaneFiles: chosen.filter(second), otherFiles: chosen.filter((file) => !dated(file) && !second(file)) };
}

/** Runs vitest under a time zone; with `capture`, its output is kept and returned instead of shown. */
function runVitest(timeZone, jsonFile, args, capture = false) {
  return new Promise((resolve) => {
    const output = [];
    const child = spawn(
      process.execPath,
      [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${jsonFile}`, ...args],
      { cwd: root, stdio: ["ignore", capture ? "pipe" : "inherit", capture ? "pipe" : "inherit"], env: { ...process.env, TZ: timeZone } },
    );
    if (capture) {
      child.stdout.on("data", (chunk) => output.push(chunk));
      child.stderr.on("data", (chunk) => output.push(chunk));
    }
    child.on("error", (error) => {
      output.push(Buffer.from(`cannot start vitest: ${error.message}\n`));
      resolve({ code: 1, output: Buffer.concat(output).toString("utf8") });
    });
    child.on("close", (code, signal) => resolve({ code: signal ? 1 : (code ?? 1), output: Buffer.concat(output).toString("utf8") }));
  });
}

function readCounts(jsonFile) {
  try {
    const report = JSON.parse(readFileSync(jsonFile, "utf8"));
    return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0, files: report.numTotalTestSuites ?? 0, ok: true };
  } catch {
    return { passed: 0, failed: 0, files: 0, ok: false };
  }
}

async function main() {
  if (!existsSync(vitest)) {
    console.error("vitest is not installed: run npm install / vitest n'est pas installé : lancez npm install");
    console.log("0 passed, 1 failed");
    return 1;
  }
  const extraArgs = process.argv.slice(2);
  const options = extraArgs.filter((arg) => arg.startsWith("-"));
  const filters = extraArgs.filter((arg) => !arg.startsWith("-"));
  const { dateFiles, secondLaneFiles, otherFiles } = chosenFiles(filters);
  // A file renamed or split leaves its entry behind: say so rather than stop running it unseen.
  const all = testFiles();
  for (const entry of DATE_SENSITIVE.filter((e) => !e.endsWith("/") && !all.includes(`${e}.test.ts`))) {
    console.warn(`scripts/test.mjs: ${entry}.test.ts is listed as date-sensitive but does not exist: update DATE_SENSITIVE`);
  }
  if (dateFiles.length + secondLaneFiles.length + otherFiles.length === 0) {
    console.error(`Aucun fichier de test ne correspond à / no test file matches: ${filters.join(" ")}`);
    console.log("0 passed, 1 failed");
    return 1;
  }
  const dated = dateFiles.length === 0 ? null : [...options, ...dateFiles];
  const runs = [
    { timeZone: EVERY_FILE_ZONE, what: `${otherFiles.length} other files`, args: otherFiles.length === 0 ? null : [...options, ...otherFiles] },
    ...[EVERY_FILE_ZONE, ...OTHER_ZONES].map((timeZone) => ({ timeZone, what: `${dateFiles.length} date-sensitive files`, args: dated })),
    { timeZone: EVERY_FILE_ZONE, what: `${secondLaneFiles.length} Microsoft 365 files`, args: secondLaneFiles.length === 0 ? null : [...options, ...secondLaneFiles] },
  ];
  const tmp = mkdtempSync(path.join(os.tmpdir(), "relances-test-"));
  let passed = 0;
  let failed = 0;
  let exitCode = 0;
  const lines = [];
  const started = Date.now();
  /** Runs one zone's vitest; the summary line is written in the order of `runs`, whatever finishes first. */
  const run = async ({ timeZone, what, args }, index, capture) => {
    const label = `TZ=${timeZone.padEnd(20)}`;
    if (args === null) {
      lines[index] = `  ${label} skipped: no such file among those chosen (${what})`;
      return "";
    }
    const header = `\n=== vitest run, TZ=${timeZone}: ${what} ===\n`;
    if (!capture) console.log(header);
    const jsonFile = path.join(tmp, `${index}-${timeZone.replace(/\W/g, "_")}.json`);
    const { code, output } = await runVitest(timeZone, jsonFile, args, capture);
    const counts = readCounts(jsonFile);
    // A run that fails without a failed test (no report, a file that does not load, an unhandled
    // error) still counts as one failure, so that the summary never reads "0 failed" for it.
    const runFailed = code !== 0 ? Math.max(counts.failed, 1) : counts.failed;
    passed += counts.passed;
    failed += runFailed;
    if (code !== 0) exitCode = 1;
    const seconds = Math.round((Date.now() - started) / 1000);
    lines[index] =
      `  ${label} ${counts.passed} passed, ${runFailed} failed, done at ${seconds} s (${what})` +
      (code !== 0 && counts.failed === 0 ? ` (vitest exited with ${code}${counts.ok ? "" : ", no report"})` : "");
    return capture ? `${header}\n${output}` : "";
  };
  try {
    const [firstLane, ...secondLane] = runs;
    const second = (async () => {
      const outputs = [];
      for (const [i, zone] of secondLane.entries()) outputs.push(await run(zone, i + 1, true));
      return outputs;
    })();
    await run(firstLane, 0, false);
    for (const output of await second) process.stdout.write(output);
  } finally {
    // RELANCES_TEST_REPORTS=DIR keeps the runs' JSON reports there (each file's duration, to balance the lanes).
    if (process.env.RELANCES_TEST_REPORTS) cpSync(tmp, process.env.RELANCES_TEST_REPORTS, { recursive: true });
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\nTime zones:\n${lines.join("\n")}`);
  console.log(`${passed} passed, ${failed} failed`);
  return exitCode;
}

process.exitCode = await main();
