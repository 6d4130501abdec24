// The figures of the Today screen's header, from the plan: outstanding, overdue and not due, and the
// ageing bands (DSO comes from the management report: useReportDso).
import { agingSummary, DEFAULT_AGING_BOUNDS, type AgingSummary } from "../../src/core/aging";
import type { Cents } from "../../src/core/money";
import type { Plan } from "../../src/core/plan";

export interface Receivables {
  readonly outstanding: Cents;
  readonly overdue: Cents;
  readonly notDue: Cents;
  readonly ageing: AgingSummary;
}

/** The receivables on the plan's date. */
export function receivablesOf(plan: Plan): Receivables {
  const ageing = agingSummary(plan.invoices.map((p) => ({ dueDate: p.record.dueDate, balance: p.balance })), plan.asOf, DEFAULT_AGING_BOUNDS);
  const notDue = ageing.amounts[0] ?? 0;
  return { outstanding: ageing.total, overdue: ageing.total - notDue, notDue, ageing };
}
