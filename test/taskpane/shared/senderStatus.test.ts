import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { SAMPLE_COMPANY } from "../../../src/sample/sampleWorkbook";
import { senderStatus } from "../../../taskpane/shared/senderStatus";
import { setupView } from "../../../taskpane/shared/setupView";

describe("the sender settings on the Set-up screen", () => {
  it("shows what today's reminders need and the settings lack, with the documents that need it", () => {
    const status = senderStatus(DEFAULT_SETTINGS, [{ level: 1, channel: "email" }, { level: 1, channel: "email" }], "fr");
    expect(status.blocking.map((l) => l.key)).toContain("societe_iban");
    expect(status.blocking.find((l) => l.key === "societe_iban")).toEqual({ key: "societe_iban", label: "IBAN (règlement par virement)", neededBy: "Relance 1 par email (2)" });
  });

  it("lists apart what only a later level would need: the signatory of a formal notice", () => {
    const status = senderStatus({ ...DEFAULT_SETTINGS, company: { ...SAMPLE_COMPANY, signatoryName: undefined } }, [{ level: 1, channel: "email" }], "en");
    expect(status.blocking).toEqual([]);
    expect(status.later).toEqual([{ key: "signataire_nom", label: "name of the person signing the formal notice", neededBy: "from: Formal notice" }]);
  });

  it("finds nothing missing in a complete letterhead", () => {
    expect(senderStatus({ ...DEFAULT_SETTINGS, company: SAMPLE_COMPANY }, [{ level: 3, channel: "recommandé" }], "fr")).toEqual({ blocking: [], later: [] });
  });

  it("blocks a workbook without settings sheet whose reminders are due", async () => {
    const values = [["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "E-mail"], ["Dupont SARL", "F-1", 46023, 46053, 1200, "a@b.example"]];
    const view = await setupView([{ name: "Suivi", values }], "2026-06-30", "fr");
    expect(view.due).toBe(1);
    expect(view.sender.blocking[0]?.key).toBe("societe_raison_sociale");
  });
});
