// The demo's short screen (`npm start` prints it before the server's): where its files are, and
// the workbook to continue with; the plan and the details are behind --verbose.
import { dayToFrench, dayToIso } from "../core/day";
import type { RunResult } from "../workbook/runWorkbook";
import { nextRunLines } from "./dayAfterDay";

export function demoSummary(result: RunResult, outDir: string): string {
  const folders = [...new Set(result.documents.map((file) => file.split("/")[0]!))].sort().join(", ");
  const lines = result.journalLines;
  const documents = result.documents.length;
  return [
    `Relance du ${dayToFrench(result.plan.asOf)} : ${lines} ligne(s) au journal, ${documents} document(s) dans ${outDir} (${folders})`,
    `Run of ${dayToIso(result.plan.asOf)}: ${lines} journal line(s), ${documents} document(s) in ${outDir}`,
    ...nextRunLines(result),
    "Le plan et le détail : relances demo --verbose / the plan and the details: relances demo --verbose",
  ].join("\n");
}
