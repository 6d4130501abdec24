import { describe, expect, it } from "vitest";
import { dayFromIso } from "../../src/core/day";
import { daysOverdue } from "../../src/core/daysOverdue";

describe("days overdue", () => {
  it("counts whole days from the due date", () => {
    expect(daysOverdue(dayFromIso("2025-03-31")!, dayFromIso("2025-04-30")!)).toBe(30);
  });
  it("is 0 on the due date and before it", () => {
    expect(daysOverdue(dayFromIso("2025-03-31")!, dayFromIso("2025-03-31")!)).toBe(0);
    expect(daysOverdue(dayFromIso("2025-03-31")!, dayFromIso("2025-03-01")!)).toBe(0);
  });
  it("counts across a leap day", () => {
    expect(daysOverdue(dayFromIso("2024-02-28")!, dayFromIso("2024-03-01")!)).toBe(2);
  });
});
