// The worklist's rows: levels highest first, a customer's invoices under it only when expanded,
// the customers whose invoices are all on hold at the end; and the Today screen's totals.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dayFromIso } from "../../../src/core/day";
import type { Plan } from "../../../src/core/plan";
import { planWorkbook } from "../../../src/engine/planWorkbook";
import { readWorkbook } from "../../../src/engine/readWorkbook";
import { memoryWorkbook } from "../../../src/engine/memoryWorkbook";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../../src/sample/sampleWorkbook";
import { receivablesOf } from "../../../taskpane/excel/receivables";
import { heldCustomers, worklistRows } from "../../../taskpane/excel/worklistRows";
import { officeSheetsOf } from "../../engine/officeWorkbook";

async function samplePlan(): Promise<Plan> {
  const dir = await mkdtemp(path.join(tmpdir(), "relances-worklist-"));
  try {
    const file = path.join(dir, "sample.xlsx");
    await writeSampleWorkbook(file);
    const asOf = dayFromIso(SAMPLE_AS_OF)!;
    return planWorkbook(await readWorkbook(memoryWorkbook(await officeSheetsOf(file)), { asOf }), asOf);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("the worklist's rows", async () => {
  const plan = await samplePlan();
  const held = heldCustomers(plan);

  it("lists the levels highest first, each heading followed by its customers in the plan's order", () => {
    const rows = worklistRows(plan, held, new Set());
    const levels = rows.filter((r) => r.kind === "level").map((r) => (r.kind === "level" ? r.level : -1));
    expect(levels).toEqual([...new Set(plan.actions.map((a) => a.level))].sort((a, b) => b - a));
    const customers = rows.flatMap((r) => (r.kind === "customer" ? [r.action.customer.name] : []));
    expect(customers).toEqual(plan.actions.map((a) => a.customer.name));
    expect(rows.some((r) => r.kind === "invoices")).toBe(false);
  });

  it("shows a customer's open invoices right under it once expanded, and only that customer's", () => {
    const action = plan.actions[0]!;
    const rows = worklistRows(plan, held, new Set([action.customerKey]));
    const at = rows.findIndex((r) => r.kind === "customer" && r.action === action);
    const next = rows[at + 1]!;
    expect(next.kind).toBe("invoices");
    if (next.kind !== "invoices") return;
    expect(next.name).toBe(action.customer.name);
    expect(next.invoices.every((i) => i.customerKey === action.customerKey && i.hold !== "paid")).toBe(true);
    expect(rows.filter((r) => r.kind === "invoices")).toHaveLength(1);
  });

  it("ends with the customers whose open invoices are all on hold, none of them due for a reminder", () => {
    expect(held.size).toBeGreaterThan(0);
    const acting = new Set(plan.actions.map((a) => a.customerKey));
    for (const [key, { invoices }] of held) {
      expect(acting.has(key)).toBe(false);
      expect(invoices.every((i) => i.hold !== null && i.hold !== "paid")).toBe(true);
    }
    const rows = worklistRows(plan, held, new Set());
    expect(rows.findIndex((r) => r.kind === "held")).toBe(rows.length - held.size - 1);
  });

  it("totals: outstanding is overdue plus not due, and the ageing bands add up to it", () => {
    const totals = receivablesOf(plan);
    expect(totals.outstanding).toBe(totals.overdue + totals.notDue);
    expect(totals.ageing.amounts.reduce((a, b) => a + b, 0)).toBe(totals.outstanding);
    expect(totals.notDue).toBe(totals.ageing.amounts[0]);
    expect(totals.overdue).toBeGreaterThan(0);
  });
});
