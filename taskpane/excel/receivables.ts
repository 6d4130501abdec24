// The figures of the Today screen's header, from the plan: outstanding, overdue and not due, the
// ageing bands, and DSO by the simple method (DOMAIN section 6) over the year before the date.
import { agingSummary, DEFAULT_AGING_BOUNDS, type AgingSummary } from "../../src/core/aging";
import { dso } from "../../src/core/dso";
import type { Cents } from "../../src/core/money";
import type { Plan } from "../../src/core/plan";

export interface Receivables {
  readonly outstanding: Cents;
  readonly overdue: Cents;
  readonly notDue: Cents;
  readonly ageing: AgingSummary;
  /** Days, rounded to one decimal; undefined when there were no sales in the year. */
  readonly dso: number | undefined;
}

const YEAR = 365;

/**
 * The receivables on the plan's date. DSO takes the sales as the invoices dated in the 365 days up to
 * the date (what the tracking sheet holds: an approximation of the year's turnover incl. VAT).
 */
export function receivablesOf(plan: Plan): Receivables {
  const ageing = agingSummary(plan.invoices.map((p) => ({ dueDate: p.record.dueDate, balance: p.balance })), plan.asOf, DEFAULT_AGING_BOUNDS);
  const notDue = ageing.amounts[0] ?? 0;
  let sales = 0;
  for (const p of plan.invoices) if (p.record.invoiceDate > plan.asOf - YEAR && p.record.invoiceDate <= plan.asOf) sales += p.record.amount;
  const days = dso(ageing.total, sales, YEAR);
  return { outstanding: ageing.total, overdue: ageing.total - notDue, notDue, ageing, dso: typeof days === "number" ? Math.round(days * 10) / 10 : undefined };
}
