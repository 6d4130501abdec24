import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { SETTINGS } from "../../../src/core/settingsCatalog";
import { SAMPLE_COMPANY } from "../../../src/sample/sampleWorkbook";
import { checkSettingsForm, settingsFields, settingsFormValues } from "../../../taskpane/shared/settingsForm";

const initial = settingsFormValues(DEFAULT_SETTINGS);
const check = (changes: Record<string, string>, language: "fr" | "en" = "fr") => checkSettingsForm({ ...initial, ...changes }, initial, language);

describe("the Settings screen's form", () => {
  it("has a field for every key of the catalog, in three sections", () => {
    const fields = settingsFields("fr");
    expect(fields.map((f) => f.key)).toEqual(SETTINGS.map((s) => s.key));
    expect(fields.filter((f) => f.section === "sender").map((f) => f.key)).toEqual(["societe_email", "boite_expedition"]);
    expect(fields.find((f) => f.key === "societe_iban")?.section).toBe("letterhead");
    expect(fields.find((f) => f.key === "escalade")).toMatchObject({ section: "policy", input: "choice" });
    expect(fields.every((f) => f.label !== f.key && f.hint !== "")).toBe(true);
  });

  it("starts from the workbook's settings as the sheet stores them", () => {
    expect(initial.grace_particulier).toBe("14");
    expect(initial.escalade).toBe("sequentielle");
    expect(initial.canal_2).toBe("courrier");
    expect(settingsFormValues({ ...DEFAULT_SETTINGS, company: SAMPLE_COMPANY }).societe_iban).toBe(SAMPLE_COMPANY.iban);
  });

  it("gives only the keys that changed, as the sheet's cells", () => {
    const result = check({ delai_relance_2: "12", societe_raison_sociale: "Bâtir SARL", attente_pv_reception: "non", societe_bic: "" });
    expect(result.errors).toEqual({});
    expect([...result.values]).toEqual([["delai_relance_2", 12], ["attente_pv_reception", "non"], ["societe_raison_sociale", "Bâtir SARL"]]);
  });

  it("empties a text setting that is cleared", () => {
    const values = settingsFormValues({ ...DEFAULT_SETTINGS, company: SAMPLE_COMPANY });
    expect(checkSettingsForm({ ...values, societe_bic: "" }, values, "fr").values.get("societe_bic")).toBeNull();
  });

  it("names the field of a value that is not a number of days", () => {
    expect(check({ delai_relance_2: "dix" }).errors).toEqual({ delai_relance_2: "Relance 2 : jours après la relance 1 : «dix» n'est pas un nombre de jours" });
    expect(check({ delai_relance_2: "" }, "en").errors.delai_relance_2).toBe("Reminder 2: days after reminder 1: a value is required");
    expect(check({ grace_particulier: "99999" }, "en").errors.grace_particulier).toBe('Grace: individual (days): "99999" is not a number of days from 0 to 3650');
  });

  it("checks the identifiers: SIREN, SIRET, IBAN, VAT number, e-mail", () => {
    const errors = check({ societe_siren: "123 456 789", societe_siret: "1234", societe_iban: "FR76 3000 6000 0112 3456 7890 188", societe_tva: "12", societe_email: "compta" }).errors;
    expect(Object.keys(errors).sort()).toEqual(["societe_email", "societe_iban", "societe_siren", "societe_siret", "societe_tva"]);
    expect(errors.societe_siren).toBe("SIREN : «123 456 789» n'est pas un SIREN (9 chiffres)");
    expect(check({ societe_siren: "732 829 320", societe_siret: "732 829 320 00074", societe_iban: "FR76 3000 6000 0112 3456 7890 189", societe_tva: "FR 47 532178448" }).errors).toEqual({});
  });

  it("checks the fiscal year's first day", () => {
    expect(check({ debut_exercice: "1er juillet" }).values.get("debut_exercice")).toBe("1er juillet");
    expect(check({ debut_exercice: "31.02" }).errors.debut_exercice).toBe("Début de l'exercice (jj/mm) : «31.02» n'est pas un jour de l'année (01/07 ou 1er juillet)");
  });

  it("refuses a text a cell would read as a formula", () => {
    expect(check({ societe_raison_sociale: "=HYPERLINK(\"http://x\")" }).errors.societe_raison_sociale).toMatch(/^Raison sociale : ne peut pas commencer par =/);
  });

  it("takes a phone number in international form", () => {
    expect(check({ societe_telephone: "+33 5 61 00 00 00" }).values.get("societe_telephone")).toBe("+33 5 61 00 00 00");
    expect(check({ societe_telephone: "+cmd" }).errors.societe_telephone).toMatch(/^Téléphone : ne peut pas/);
  });

  it("does not check again what the sheet already holds", () => {
    const values = settingsFormValues({ ...DEFAULT_SETTINGS, company: { ...SAMPLE_COMPANY, iban: "FR00 invalide" } });
    expect(checkSettingsForm({ ...values, delai_relance_2: "15" }, values, "fr")).toEqual({ errors: {}, values: new Map([["delai_relance_2", 15]]) });
  });

  it("refuses a latest courtesy day before the earliest", () => {
    expect(check({ preventive_jours_avant_min: "9" }).errors.preventive_jours_avant_min).toBe("Préventive au plus tard (jours avant l'échéance) : 9 dépasse le jour au plus tôt (5)");
  });
});
