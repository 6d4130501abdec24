// The live columns written through Office.js (office-addin-mock): right of the table, one formula
// per column on the first data row, the aged balance on its own sheet, the reference-date cell
// made first; refused, writing nothing, where a cell holds something or the columns are there.
import { afterEach, describe, expect, it } from "vitest";
import { isProblem } from "../../../src/core/problem";
import type { ColumnMapping } from "../../../src/core/trackingColumns";
import { writeOfficeLiveColumns } from "../../../taskpane/excel/officeLiveColumns";
import { installFakeExcel, removeFakeExcel, type Cell, type FakeExcel } from "./fakeExcel";

const mapping: ColumnMapping = { headerRow: 2, columns: { customer: 0, number: 1, invoiceDate: 2, amount: 3, dueDate: 4, paid: 5 }, headers: {} };

function tracking(): Cell[][] {
  const rows: Cell[][] = [["Suivi 2026"], ["Client", "N° facture", "Date facture", "Montant TTC", "Échéance", "Réglé"]];
  for (let i = 0; i < 12_000; i++) rows.push([`Client ${i}`, `F-${i}`, 46000, 1200, 46030, 0]);
  return rows;
}

const install = (): FakeExcel =>
  installFakeExcel([{ name: "Suivi 2026", cells: tracking() }, { name: "Paramètres Relances", cells: [["Clé", "Valeur", "Description"]] }]);

afterEach(removeFakeExcel);

const order = { sheet: "Suivi 2026", mapping, lastRow: 12_002, referenceDate: "2026-06-30" };

describe("writeOfficeLiveColumns", () => {
  it("writes the headers and one spilled formula per column right of the table, and the aged balance", async () => {
    const excel = install();
    const live = await writeOfficeLiveColumns(order);
    expect(isProblem(live)).toBe(false);
    expect(excel.names.has("RELANCES_DATE")).toBe(true);
    expect(excel.sheet("Suivi 2026")!.cells[1]!.slice(6)).toEqual(["Jours de retard", "Tranche d'âge", "Prochaine étape"]);
    expect(excel.cell("Suivi 2026", 2, 6)).toBe("=RELANCES.DAYSOVERDUE($E$3:$E$12002,RELANCES_DATE)");
    expect(excel.cell("Suivi 2026", 2, 8)).toBe("=RELANCES.NEXTSTAGE($E$3:$E$12002,($D$3:$D$12002-$F$3:$F$12002),,,RELANCES_DATE)");
    // One formula per column: the rows below are left to the spill.
    expect(excel.cell("Suivi 2026", 3, 6)).toBe("");
    expect(excel.cell("Balance âgée", 0, 1)).toBe("=RELANCES_DATE");
    expect(excel.cell("Balance âgée", 2, 0)).toBe("=RELANCES.AGINGSUMMARY('Suivi 2026'!$E$3:$E$12002,('Suivi 2026'!$D$3:$D$12002-'Suivi 2026'!$F$3:$F$12002),RELANCES_DATE)");
    expect(excel.format("Balance âgée", 0, 1)).toBe("dd/mm/yyyy");
    expect(excel.cell("Suivi 2026", 2, 0)).toBe("Client 0");
  });

  it("formats a computed due date column as dates over every row it spills to", async () => {
    const excel = install();
    const terms: ColumnMapping = { headerRow: 2, columns: { customer: 0, number: 1, invoiceDate: 2, amount: 3, terms: 4 }, headers: {} };
    excel.sheet("Suivi 2026")!.cells[1]![4] = "Conditions";
    await writeOfficeLiveColumns({ ...order, mapping: terms });
    expect(excel.cell("Suivi 2026", 2, 6)).toBe("=RELANCES.DUEDATE($C$3:$C$12002,$E$3:$E$12002)");
    expect(excel.format("Suivi 2026", 2, 6)).toBe("dd/mm/yyyy");
    expect(excel.format("Suivi 2026", 12_001, 6)).toBe("dd/mm/yyyy");
    expect(excel.format("Suivi 2026", 12_002, 6)).toBe("General");
  });

  it("writes nothing over a cell where a spill would go, and says so", async () => {
    const excel = install();
    // Someone types in the spill's way once the free columns are found (the reference date took 3 syncs).
    excel.afterSync = (index) => {
      if (index === 4) excel.sheet("Suivi 2026")!.cells[500]![7] = "à voir";
    };
    const result = await writeOfficeLiveColumns(order);
    expect(isProblem(result) && result.message).toMatch(/rien n'a été écrit/);
    expect(excel.cell("Suivi 2026", 1, 6)).toBe("");
    expect(excel.sheet("Balance âgée")).toBeUndefined();
  });

  it("does not add the columns twice", async () => {
    const excel = install();
    await writeOfficeLiveColumns(order);
    const second = await writeOfficeLiveColumns(order);
    expect(isProblem(second) && second.message).toMatch(/déjà/);
    expect(excel.sheet("Suivi 2026")!.cells[1]!.length).toBe(9);
  });
});
