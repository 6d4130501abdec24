// The sender's customer found in the sample's plan, by address, by domain, or ambiguous; and the
// account the read pane shows, from the engine.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayFromIso } from "../../../src/core/day";
import type { Plan } from "../../../src/core/plan";
import { memoryWorkbook } from "../../../src/engine/memoryWorkbook";
import { planWorkbook } from "../../../src/engine/planWorkbook";
import { readWorkbook, type WorkbookSource } from "../../../src/engine/readWorkbook";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../../src/sample/sampleWorkbook";
import { accountView, findSender } from "../../../taskpane/outlook/senderAccount";
import { officeSheetsOf } from "../../engine/officeWorkbook";

let dir: string;
let plan: Plan;
let source: WorkbookSource;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "outlook-account-"));
  const file = path.join(dir, "suivi.xlsx");
  await writeSampleWorkbook(file);
  const asOf = dayFromIso(SAMPLE_AS_OF)!;
  source = await readWorkbook(memoryWorkbook(await officeSheetsOf(file)), { asOf });
  plan = planWorkbook(source, asOf);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("findSender", () => {
  it("finds the customer by its address, in any case", () => {
    const match = findSender(plan, "Gestion@SCI-LesTilleuls.example");
    expect(match.by).toBe("address");
    expect(match.candidates.map((c) => c.name)).toEqual(["SCI Les Tilleuls"]);
  });

  it("finds it by the domain when the address is unknown", () => {
    const match = findSender(plan, "nadine.garrigues@sci-lestilleuls.example");
    expect(match).toMatchObject({ by: "domain", candidates: [{ name: "SCI Les Tilleuls" }] });
  });

  it("offers every customer when one address is several accounts", () => {
    const match = findSender(plan, "fournier.mazeres@example.com");
    expect(match.candidates.map((c) => c.name).sort()).toEqual(["Boulangerie Fournier", "SARL Fournier et Fils"]);
  });

  it("finds nobody by a public mail domain, nor for a stranger", () => {
    expect(findSender(plan, "inconnu@gmail.com")).toEqual({ by: "none", candidates: [] });
    expect(findSender(plan, "someone@elsewhere.example")).toEqual({ by: "none", candidates: [] });
    expect(findSender(plan, "")).toEqual({ by: "none", candidates: [] });
  });
});

describe("accountView", () => {
  const keyOf = (name: string): string => plan.invoices.find((p) => p.record.customer.name === name)!.customerKey;

  it("shows the open invoices with balance, status, levels and penalties, and the next step due", () => {
    const view = accountView(plan, source.journal.entries, keyOf("SCI Les Tilleuls"))!;
    expect(view.name).toBe("SCI Les Tilleuls");
    expect(view.nextStep).toMatchObject({ kind: "reminder", level: 3, invoices: ["F2026-027", "F2026-050"] });
    const f027 = view.invoices.find((i) => i.number === "F2026-027")!;
    expect(f027).toMatchObject({ status: "overdue", level: 2, nextLevel: 3 }); // the journal's Relance 2 of 08/06
    expect(f027.balance).toBeGreaterThan(0);
    expect(view.balance).toBe(view.invoices.reduce((s, i) => s + i.balance, 0));
    expect(view.penalties).toBeGreaterThan(0);
    expect(view.lastActions[0]).toMatchObject({ invoice: "F2026-027" });
  });

  it("says when the account is held (a dispute) and leaves paid invoices out", () => {
    const view = accountView(plan, source.journal.entries, keyOf("Occitanie Habitat Promotion"))!;
    expect(view.invoices.find((i) => i.number === "F2026-031")?.status).toBe("dispute");
    const paid = new Set(plan.invoices.filter((p) => p.hold === "paid").map((p) => p.record.number));
    expect(view.invoices.some((i) => paid.has(i.number))).toBe(false);
  });

  it("is undefined for a customer with nothing open", () => {
    expect(accountView(plan, source.journal.entries, "no such key")).toBeUndefined();
  });
});
