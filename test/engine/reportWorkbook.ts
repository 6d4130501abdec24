// A small tracking sheet as Office.js arrays, worked out by hand at 30 June 2026: a partial
// payment, a credit note on an invoice, a dispute, and customers with hostile names.
import type { CellValue } from "../../src/core/cellValue";
import { dayFromIso, dayToExcelSerial } from "../../src/core/day";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";

export const HOSTILE_NAMES = ["=HYPERLINK(\"http://x.example\",\"clic\")", "<img src=x onerror=alert(1)>", "@SUM(A1)", "+33 1 23"];

const serial = (iso: string): number => dayToExcelSerial(dayFromIso(iso)!);

export function reportSheets(names: readonly string[] = ["Dupont SARL", "Martin SAS", "Durand SA"]): MemorySheet[] {
  const [a, b, c] = names;
  const values: CellValue[][] = [
    ["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "Réglé", "Avoir sur", "Litige"],
    // 60 days late: 1000 - 400 paid - 100 credited = 500, band 31-60.
    [a!, "F-1", serial("2026-04-01"), serial("2026-05-01"), 1000, 400, "", ""],
    [a!, "AV-1", serial("2026-05-10"), "", -100, "", "F-1", ""],
    // 30 days late: 300, band 1-30.
    [b!, "F-2", serial("2026-05-01"), serial("2026-05-31"), 300, 0, "", ""],
    // Not due.
    [b!, "F-3", serial("2026-06-01"), serial("2026-07-01"), 200, 0, "", ""],
    // 91 days late but disputed: (B).
    [c!, "F-4", serial("2026-03-01"), serial("2026-03-31"), 150, 0, "", "oui"],
  ];
  return [{ name: "Suivi", values }];
}
