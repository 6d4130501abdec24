import type { Day } from "./day";

/**
 * Whole days late on the reference date, counted from the due date; 0 when not yet due.
 * @example daysOverdue(dayFromIso("2025-03-31")!, dayFromIso("2025-04-30")!) // 30
 */
export function daysOverdue(dueDate: Day, today: Day): number {
  return today > dueDate ? today - dueDate : 0;
}
