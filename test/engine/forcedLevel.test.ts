// The injonction a user forces needs its mise en demeure first, and the deadline it gave.
import { describe, expect, it } from "vitest";
import { dayFromIso } from "../../src/core/day";
import type { InvoiceHistory } from "../../src/core/journalEntry";
import type { PlannedInvoice } from "../../src/core/plan";
import { DEFAULT_POLICY } from "../../src/core/reminderPolicy";
import { forcedLevelOf, mayFileInjunction } from "../../src/engine/forcedLevel";

const asOf = dayFromIso("2026-06-30")!;
const withHistory = (history: InvoiceHistory | undefined): PlannedInvoice => ({ history }) as PlannedInvoice;

describe("a forced injonction", () => {
  it("needs a mise en demeure sent at least the policy's 8 days before", () => {
    expect(mayFileInjunction(withHistory({ lastLevel: 3, lastLevelDate: asOf - 8, levelDates: { 3: asOf - 8 }, dispute: false }), asOf, DEFAULT_POLICY)).toBe(true);
    expect(mayFileInjunction(withHistory({ lastLevel: 3, lastLevelDate: asOf - 7, levelDates: { 3: asOf - 7 }, dispute: false }), asOf, DEFAULT_POLICY)).toBe(false);
  });

  it("is refused without any mise en demeure, even after two reminders", () => {
    expect(mayFileInjunction(withHistory({ lastLevel: 2, lastLevelDate: asOf - 60, levelDates: { 1: asOf - 80, 2: asOf - 60 }, dispute: false }), asOf, DEFAULT_POLICY)).toBe(false);
    expect(mayFileInjunction(withHistory(undefined), asOf, DEFAULT_POLICY)).toBe(false);
  });

  it("counts a mise en demeure taken over undated as old enough, and one followed by a gentler reminder still", () => {
    expect(mayFileInjunction(withHistory({ lastLevel: 3, lastLevelDate: undefined, levelDates: {}, dispute: false }), asOf, DEFAULT_POLICY)).toBe(true);
    expect(mayFileInjunction(withHistory({ lastLevel: 1, lastLevelDate: asOf - 2, levelDates: { 3: asOf - 20, 1: asOf - 2 }, dispute: false }), asOf, DEFAULT_POLICY)).toBe(true);
  });
});

it("a forced level is one of 0 to 4", () => {
  expect([0, 4, 3].map(forcedLevelOf)).toEqual([0, 4, 3]);
  expect([5, -1, 1.5, "2", null].map(forcedLevelOf)).toEqual([undefined, undefined, undefined, undefined, undefined]);
});
