import { describe, expect, it } from "vitest";
import { planTable } from "../../src/cli/planTable";
import { planRun } from "../../src/core/plan";
import { DEFAULT_RATES } from "../../src/core/rates";
import { DEFAULT_POLICY } from "../../src/core/reminderPolicy";
import { customer, d, invoice } from "../core/records";

describe("the plan table", () => {
  it("names the invoices an action claims, then in parentheses those it lists outside its demand", () => {
    // A had reminder 2 long enough ago and is 46 days late: formal notice; B is at reminder 1 only.
    const tilleuls = customer("SCI Les Tilleuls");
    const plan = planRun(
      {
        invoices: [
          invoice({ number: "A", customer: tilleuls, amount: 300000, dueDate: d("2021-04-30") }),
          invoice({ number: "B", customer: tilleuls, amount: 100000, dueDate: d("2021-06-10") }),
        ],
        creditNotes: [],
        rejected: [],
        rows: 2,
        skipped: 0,
        warnings: [],
        histories: new Map([["A", { lastLevel: 2, lastLevelDate: d("2021-05-20"), levelDates: { 2: d("2021-05-20") }, dispute: false }]]),
      },
      { asOf: d("2021-06-15"), policy: DEFAULT_POLICY, rates: DEFAULT_RATES, splitByHalfYear: true },
    );
    const row = planTable(plan).split("\n").find((line) => line.startsWith("Mise en demeure"))!;
    expect(row).toContain("A (+ B)");
    expect(row).toMatch(/3\s000,00\s€/);
  });

  it("shows a « déjà payé » being matched among the holds, and one not received after the delay, French first", () => {
    const announced = (asOf: string) =>
      planRun(
        {
          invoices: [invoice({ number: "P", customer: customer("Delmas"), dueDate: d("2021-04-30") })],
          creditNotes: [],
          rejected: [],
          rows: 1,
          skipped: 0,
          warnings: [],
          histories: new Map([["P", { lastLevel: 1, lastLevelDate: d("2021-05-05"), levelDates: { 1: d("2021-05-05") }, dispute: false, announcedPayment: d("2021-06-28") }]]),
        },
        { asOf: d(asOf), policy: DEFAULT_POLICY, rates: DEFAULT_RATES, splitByHalfYear: true },
      );
    expect(planTable(announced("2021-07-01"))).toMatch(/En attente \/ On hold:\n {2}P {2}Delmas : paiement annoncé, en rapprochement \/ payment announced, being matched/);
    const lapsed = planTable(announced("2021-07-20"));
    expect(lapsed).toMatch(/Paiements annoncés non reçus \/ Announced payments not received:\n {2}P {2}Delmas/);
    expect(lapsed).not.toContain("En attente");
  });
});
