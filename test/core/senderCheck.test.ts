import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/core/plan";
import { missingSenderSettings, missingSettingMessage, SENDER_SETTING_KEYS, withSenderWarnings } from "../../src/core/senderCheck";
import { DEFAULT_SETTINGS, type CompanyDetails, type Settings } from "../../src/core/settings";
import { settingsToRows } from "../../src/core/settingsToRows";
import { SAMPLE_COMPANY } from "../../src/sample/sampleWorkbook";

const LETTERHEAD = [
  "societe_raison_sociale",
  "societe_forme",
  "societe_capital",
  "societe_adresse",
  "societe_code_postal",
  "societe_ville",
  "societe_siren",
  "societe_rcs",
  "societe_tva",
];
const withCompany = (company: CompanyDetails, over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, company, ...over });
const keys = (settings: Settings, ...actions: Parameters<typeof missingSenderSettings>[1]) => missingSenderSettings(settings, actions).map((m) => m.key);

describe("the sender check", () => {
  it("asks an empty settings sheet for the letterhead, the sender address and the IBAN of a reminder 1 by e-mail", () => {
    expect(keys(DEFAULT_SETTINGS, { level: 1, channel: "email" })).toEqual([...LETTERHEAD, "societe_email", "societe_iban"]);
  });

  it("finds nothing missing in a complete letterhead", () => {
    const all = ([0, 1, 2, 3, 4] as const).flatMap((level) => (["email", "courrier", "recommandé", "autre"] as const).map((channel) => ({ level, channel })));
    expect(missingSenderSettings(withCompany(SAMPLE_COMPANY), all)).toEqual([]);
  });

  it("asks nothing when nothing goes out", () => {
    expect(missingSenderSettings(DEFAULT_SETTINGS, [])).toEqual([]);
  });

  it("does not ask for the IBAN of a courtesy reminder, which asks for no payment", () => {
    expect(keys(withCompany({ ...SAMPLE_COMPANY, iban: undefined }), { level: 0, channel: "email" })).toEqual([]);
  });

  it("asks for the IBAN of every demand, reminder 1 to the injunction, whatever its channel", () => {
    const company = withCompany({ ...SAMPLE_COMPANY, iban: undefined });
    for (const [level, channel] of [[1, "email"], [2, "courrier"], [3, "recommandé"], [4, "autre"]] as const) {
      expect(keys(company, { level, channel }), `level ${level}`).toEqual(["societe_iban"]);
    }
  });

  it("asks for the sender address only when something goes by e-mail", () => {
    const company = withCompany({ ...SAMPLE_COMPANY, email: undefined });
    expect(keys(company, { level: 3, channel: "recommandé" })).toEqual([]);
    expect(keys(company, { level: 0, channel: "email" })).toEqual(["societe_email"]);
  });

  it("takes the Microsoft 365 mailbox as the sender address, and a SIRET for the SIREN", () => {
    const company = withCompany({ ...SAMPLE_COMPANY, email: undefined, siren: undefined }, { senderMailbox: "relances@egpl.example" });
    expect(keys(company, { level: 1, channel: "email" })).toEqual([]);
    expect(keys(withCompany({ ...SAMPLE_COMPANY, siren: undefined, siret: undefined }), { level: 1, channel: "email" })).toEqual(["societe_siren"]);
  });

  it("takes a value of blanks as missing", () => {
    expect(keys(withCompany({ ...SAMPLE_COMPANY, name: "   " }), { level: 2, channel: "courrier" })).toEqual(["societe_raison_sociale"]);
  });

  it("asks for a named signatory and their title from the formal notice on, whatever the channel", () => {
    const unsigned = withCompany({ ...SAMPLE_COMPANY, signatoryName: undefined, signatoryTitle: "  " });
    for (const [level, channel] of [[3, "recommandé"], [3, "email"], [4, "autre"]] as const) {
      expect(keys(unsigned, { level, channel }), `level ${level}`).toEqual(["signataire_nom", "signataire_fonction"]);
    }
  });

  it("lets reminders before the formal notice go out unsigned (the accounts department signs them)", () => {
    const unsigned = withCompany({ ...SAMPLE_COMPANY, signatoryName: undefined, signatoryTitle: undefined });
    for (const level of [0, 1, 2] as const) expect(keys(unsigned, { level, channel: "courrier" }), `level ${level}`).toEqual([]);
  });

  it("asks nothing for a phone call, which makes no document", () => {
    expect(keys(DEFAULT_SETTINGS, { level: 0, channel: "téléphone" })).toEqual([]);
  });

  it("names the documents that need each setting, with how many", () => {
    const [iban] = missingSenderSettings(withCompany({ ...SAMPLE_COMPANY, iban: undefined }), [
      { level: 3, channel: "recommandé" },
      { level: 1, channel: "email" },
      { level: 1, channel: "email" },
      { level: 0, channel: "email" },
    ]);
    expect(iban!.documents).toEqual([
      { level: 1, channel: "email", count: 2 },
      { level: 3, channel: "recommandé", count: 1 },
    ]);
    expect(missingSettingMessage(iban!)).toBe(
      "Paramètres Relances : societe_iban (IBAN (règlement par virement)) manque, nécessaire à : Relance 1 par email (2), Mise en demeure par recommandé (1) / " +
        "societe_iban (IBAN (payment by transfer)) is missing, needed by: Reminder 1 by e-mail (2), Formal notice by registered letter (1)",
    );
  });

  it("asks only for keys the settings sheet has", () => {
    const sheetKeys = new Set(settingsToRows(DEFAULT_SETTINGS).map(([key]) => key));
    for (const key of SENDER_SETTING_KEYS) expect(sheetKeys.has(key), key).toBe(true);
  });

  it("adds one warning per missing setting to the plan, after its own", () => {
    const plan = { warnings: ["déjà là"], actions: [{ level: 2, channel: "courrier" }] } as unknown as Plan;
    const warned = withSenderWarnings(plan, withCompany({ ...SAMPLE_COMPANY, iban: undefined, vatNumber: undefined }));
    expect(warned.warnings).toHaveLength(3);
    expect(warned.warnings[0]).toBe("déjà là");
    expect(warned.warnings[1]).toMatch(/^Paramètres Relances : societe_tva .* \/ societe_tva .*is missing/);
    expect(withSenderWarnings(plan, withCompany(SAMPLE_COMPANY))).toBe(plan);
  });
});
