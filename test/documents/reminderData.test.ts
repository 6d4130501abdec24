// What the documents claim, by customer type and level (DOMAIN sections 2 and 3).
import { describe, expect, it } from "vitest";
import { formatEuros } from "../../src/core/money";
import { reminderData } from "../../src/documents/reminderData";
import { sampleReminders } from "./sampleReminders";

describe("reminder data", () => {
  it("a business's formal notice claims penalties and EUR 40 per late invoice", async () => {
    const { data } = await sampleReminders();
    const tilleuls = data.find((d) => d.raison_sociale === "SCI Les Tilleuls")!;
    expect(tilleuls).toMatchObject({ niveau_numero: 3, reclame_penalites: true, total_indemnites: formatEuros(8000) });
    expect(tilleuls.total_du).toBe(formatEuros(tilleuls.totals.balance + tilleuls.totals.penalties + tilleuls.totals.fees));
  });

  it("a particulier's formal notice claims neither penalties nor EUR 40", async () => {
    const { data } = await sampleReminders();
    const castex = data.find((d) => d.raison_sociale === "M. Castex")!;
    expect(castex).toMatchObject({ niveau_numero: 3, reclame_penalites: false, penalites_applicables: false });
    expect(castex.total_du).toBe(castex.total_solde);
  });

  it("a particulier's injonction file claims the statutory interest run since the formal notice, without EUR 40", async () => {
    const { plan, settings } = await sampleReminders();
    const action = plan.actions.find((a) => a.level === 4)!;
    const claimed = action.claimed.map((invoice) => ({ ...invoice, penalties: 227, recoveryFee: 0 }));
    const customer = { ...action.customer, name: "M. Julien Roux", customerType: "particulier" as const };
    const consumer = { ...action, customer, claimed, penalties: 227, recoveryFee: 0 };
    const data = reminderData(consumer, plan, settings);
    expect(data.injonction).toMatchObject({ cerfa: "12948", penalites: formatEuros(227), indemnites: formatEuros(0) });
    expect(data.injonction!.montants.map((m) => m.libelle).join(" ")).not.toContain("Indemnit");
    expect(data.total_du).toBe(formatEuros(action.balance + 227));
  });
});
