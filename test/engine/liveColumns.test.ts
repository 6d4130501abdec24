// The live columns' formulas: one spilled RELANCES call per column over the table's rows, each
// pointing at the named reference-date cell, never at TODAY(), with ids and argument counts that
// the custom functions declare (functions/functions.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isProblem } from "../../src/core/problem";
import type { ColumnMapping } from "../../src/core/trackingColumns";
import { liveColumns, sheetPrefix, type LiveColumns } from "../../src/engine/liveColumns";

/** Each custom function's id and its number of parameters, from the JSDoc the build reads. */
function declaredFunctions(): Map<string, number> {
  const source = readFileSync(path.join(import.meta.dirname, "../../functions/functions.ts"), "utf8");
  const declared = new Map<string, number>();
  for (const block of source.split("/**").slice(1)) {
    const id = /@customfunction\s+(\w+)/.exec(block)?.[1];
    if (id !== undefined) declared.set(id, (block.split("*/")[0]!.match(/@param /g) ?? []).length);
  }
  return declared;
}

/** Suivi: Client | N° facture | Date facture | Montant TTC | Conditions | Réglé | Catégorie | Date PV, header on row 3. */
const mapping: ColumnMapping = {
  headerRow: 3,
  columns: { customer: 0, number: 1, invoiceDate: 2, amount: 3, terms: 4, paid: 5, customerType: 6, acceptanceDate: 7 },
  headers: {},
};

function columnsOf(result: ReturnType<typeof liveColumns>): LiveColumns {
  if (isProblem(result)) throw new Error(result.message);
  return result;
}

describe("liveColumns", () => {
  it("computes the due date from the invoice date and terms, and the other columns from its spill", () => {
    const live = columnsOf(liveColumns({ sheet: "Suivi 2026", mapping, lastRow: 100_003, startColumn: 9 }));
    expect(live.columns.map((c) => [c.kind, c.column, c.header])).toEqual([
      ["dueDate", 9, "Échéance calculée"],
      ["daysOverdue", 10, "Jours de retard"],
      ["agingBand", 11, "Tranche d'âge"],
      ["nextStep", 12, "Prochaine étape"],
    ]);
    expect(live.columns.map((c) => c.formula)).toEqual([
      "=RELANCES.DUEDATE($C$4:$C$100003,$E$4:$E$100003)",
      "=RELANCES.DAYSOVERDUE($J$4#,RELANCES_DATE)",
      "=RELANCES.AGINGBUCKET($J$4#,RELANCES_DATE)",
      "=RELANCES.NEXTSTAGE($J$4#,($D$4:$D$100003-$F$4:$F$100003),,,RELANCES_DATE,$G$4:$G$100003,$H$4:$H$100003)",
    ]);
    expect([live.headerRow, live.firstRow, live.lastRow]).toEqual([3, 4, 100_003]);
    expect(live.columns[0]!.date).toBe(true);
  });

  it("uses the sheet's own due date and balance columns when it has them, and the aged balance points at them", () => {
    const own: ColumnMapping = { headerRow: 1, columns: { customer: 0, number: 1, invoiceDate: 2, amount: 3, dueDate: 4, balance: 5 }, headers: {} };
    const live = columnsOf(liveColumns({ sheet: "L'année 2026", mapping: own, lastRow: 50, startColumn: 7, language: "en" }));
    expect(live.columns.map((c) => c.kind)).toEqual(["daysOverdue", "agingBand", "nextStep"]);
    expect(live.columns[2]!.formula).toBe("=RELANCES.NEXTSTAGE($E$2:$E$50,$F$2:$F$50,,,RELANCES_DATE)");
    expect(live.columns[0]!.header).toBe("Days overdue");
    expect(live.summary.tableFormula).toBe("=RELANCES.AGINGSUMMARY('L''année 2026'!$E$2:$E$50,'L''année 2026'!$F$2:$F$50,RELANCES_DATE)");
    expect(live.summary.sheet).toBe("Balance âgée");
  });

  it("points every formula at RELANCES_DATE, never at TODAY(), with the functions' declared ids and arguments", () => {
    const declared = declaredFunctions();
    const live = columnsOf(liveColumns({ sheet: "Suivi", mapping, lastRow: 20, startColumn: 9 }));
    for (const formula of [...live.columns.map((c) => c.formula), live.summary.tableFormula]) {
      expect(formula).not.toMatch(/TODAY|AUJOURDHUI|NOW\(/i);
      if (!formula.startsWith("=RELANCES.DUEDATE")) expect(formula).toContain("RELANCES_DATE");
      const [, id, args] = /^=RELANCES\.(\w+)\((.*)\)$/.exec(formula)!;
      expect(declared.has(id!), id).toBe(true);
      // Arguments at the top level only: the balance's parentheses hold no comma.
      expect(args!.split(",").length).toBeLessThanOrEqual(declared.get(id!)!);
    }
  });

  it("says what is missing when no due date can be had, or the table has no row", () => {
    const bare: ColumnMapping = { headerRow: 1, columns: { customer: 0, number: 1, invoiceDate: 2, amount: 3 }, headers: {} };
    const missing = liveColumns({ sheet: "Suivi", mapping: bare, lastRow: 10, startColumn: 4 });
    expect(isProblem(missing) && missing.message).toMatch(/ni colonne d'échéance/);
    const empty = liveColumns({ sheet: "Suivi", mapping, lastRow: 3, startColumn: 9 });
    expect(isProblem(empty) && empty.message).toMatch(/aucune ligne/);
  });

  it("quotes a sheet name as a formula needs", () => {
    expect(sheetPrefix("Suivi 2026")).toBe("'Suivi 2026'!");
    expect(sheetPrefix("L'an")).toBe("'L''an'!");
  });
});
