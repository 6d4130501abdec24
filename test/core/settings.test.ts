import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cellValue";
import type { CustomerType } from "../../src/core/customerType";
import { isProblem } from "../../src/core/problem";
import { DEFAULT_RATES, ratesFor, withHalfYear, type RatesTable } from "../../src/core/rates";
import type { Channel } from "../../src/core/reminderPolicy";
import { DEFAULT_POLICY } from "../../src/core/reminderPolicy";
import { DEFAULT_SETTINGS, SETTINGS_HEADER, type CompanyDetails, type Settings } from "../../src/core/settings";
import { isTextSetting } from "../../src/core/settingsCatalog";
import { settingsFromRows } from "../../src/core/settingsFromRows";
import { rateKey } from "../../src/core/settingsRateKeys";
import { settingsToRows } from "../../src/core/settingsToRows";

const HEADER: CellValue[] = [...SETTINGS_HEADER];

/** Reads a sheet made of the header and these rows (the header is row 1). */
function read(...rows: CellValue[][]) {
  return settingsFromRows([HEADER, ...rows]);
}

describe("the settings sheet's rows", () => {
  it("start with the header Clé | Valeur | Description", () => {
    expect(settingsToRows(DEFAULT_SETTINGS)[0]).toEqual(["Clé", "Valeur", "Description"]);
  });

  it("describe every key in French, then in English after ' / '", () => {
    for (const [key, , description] of settingsToRows(DEFAULT_SETTINGS).slice(1)) {
      expect(typeof key).toBe("string");
      expect(description, String(key)).toMatch(/^[^/]+ \/ [^/]+$/);
    }
  });

  it("hold the policy of SPEC section 5 in French words", () => {
    const rows = new Map(settingsToRows(DEFAULT_SETTINGS).map(([key, value]) => [key, value]));
    expect(rows.get("grace_particulier")).toBe(14);
    expect(rows.get("grace_collectivite")).toBe(3);
    expect(rows.get("delai_relance_2")).toBe(10);
    expect(rows.get("retard_min_mise_en_demeure")).toBe(30);
    expect(rows.get("attente_pv_reception")).toBe("oui");
    expect(rows.get("escalade")).toBe("sequentielle");
    expect(rows.get("canal_3")).toBe("recommandé");
    expect(rows.get("delai_mise_en_demeure_paiement")).toBe(8);
    expect(rows.get("penalites_par_semestre")).toBe("oui");
    expect(rows.get("societe_raison_sociale")).toBeNull();
    expect(rows.get("boite_expedition")).toBeNull();
  });

  it("hold each half-year's rates as three numbers in %", () => {
    const rows = new Map(settingsToRows(DEFAULT_SETTINGS).map(([key, value]) => [key, value]));
    expect(rows.get("taux_bce_2025_S1")).toBe(3.15);
    expect(rows.get("til_particulier_2025_S1")).toBe(7.21);
    expect(rows.get("til_autres_2025_S1")).toBe(3.71);
    expect(rows.get("taux_bce_2026_S2")).toBeUndefined();
  });

  it("read back as the defaults", () => {
    expect(settingsFromRows(settingsToRows(DEFAULT_SETTINGS))).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it("give the defaults when the sheet is empty", () => {
    expect(settingsFromRows([])).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });
});

const text = fc.string({ minLength: 1, maxLength: 24 }).map((s) => s.trim()).filter((s) => s !== "");
const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9._-]{1,10}$/), fc.stringMatching(/^[a-z0-9-]{1,10}$/), fc.constantFrom("fr", "com", "eu"))
  .map(([user, domain, tld]) => `${user}@${domain}.${tld}`);
const days = fc.integer({ min: 0, max: 3650 });
const channel = fc.constantFrom<Channel>("email", "courrier", "recommandé", "téléphone", "autre");
const units = fc.integer({ min: -100_000, max: 1_000_000 });
const rates: fc.Arbitrary<RatesTable> = fc
  .array(fc.record({ year: fc.integer({ min: 2015, max: 2040 }), half: fc.constantFrom<1 | 2>(1, 2), ecb: units, tilP: units, tilA: units }), {
    maxLength: 5,
  })
  .map((entries) => entries.reduce((table, entry) => withHalfYear(table, entry), DEFAULT_RATES));
const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
const company: fc.Arbitrary<CompanyDetails> = fc.record({
  name: optional(text),
  legalForm: optional(text),
  shareCapital: optional(text),
  address: optional(text),
  postcode: optional(text),
  city: optional(text),
  siren: optional(text),
  siret: optional(text),
  rcsCity: optional(text),
  vatNumber: optional(text),
  iban: optional(text),
  bic: optional(text),
  email: optional(email),
  phone: optional(text),
  signatoryName: optional(text),
  signatoryTitle: optional(text),
});

/** Any valid settings: the rates are the shipped table, corrected and extended. */
const anySettings: fc.Arbitrary<Settings> = fc
  .record({
    grace: fc.tuple(days, days, days, days, days),
    courtesy: fc.tuple(days, days).map(([a, b]) => [Math.max(a, b), Math.min(a, b)] as const),
    delays: fc.tuple(days, days, days, days, days),
    waitForAcceptanceReport: fc.boolean(),
    escalation: fc.constantFrom<"sequential" | "byAge">("sequential", "byAge"),
    channels: fc.tuple(channel, channel, channel, channel, channel),
    rates,
    company,
    splitByHalfYear: fc.boolean(),
    formalNoticeDeadlineDays: days,
    registeredMailDays: days,
    senderMailbox: optional(email),
    publicBuyerMargin: fc.integer({ min: 0, max: 200 }).map((tenths) => tenths * 1000),
  })
  .map((r) => {
    const types: CustomerType[] = ["particulier", "professionnel", "architecte", "promoteur", "collectivite"];
    const settings: Settings = {
      policy: {
        graceDays: Object.fromEntries(types.map((t, i) => [t, r.grace[i]!])) as Record<CustomerType, number>,
        courtesyDaysBeforeMax: r.courtesy[0],
        courtesyDaysBeforeMin: r.courtesy[1],
        reminder2AfterDays: r.delays[0],
        formalNoticeAfterDays: r.delays[1],
        formalNoticeMinDaysLate: r.delays[2],
        injunctionAfterDays: r.delays[3],
        paymentMatchingDays: r.delays[4],
        waitForAcceptanceReport: r.waitForAcceptanceReport,
        escalation: r.escalation,
        channels: { 0: r.channels[0], 1: r.channels[1], 2: r.channels[2], 3: r.channels[3], 4: r.channels[4] },
        publicBuyerMargin: r.publicBuyerMargin,
      },
      rates: r.rates,
      company: r.company,
      splitByHalfYear: r.splitByHalfYear,
      formalNoticeDeadlineDays: r.formalNoticeDeadlineDays,
      registeredMailDays: r.registeredMailDays,
      senderMailbox: r.senderMailbox,
    };
    return settings;
  });

describe("settings round trip", () => {
  it("reads back any valid settings it writes (property)", () => {
    fc.assert(
      fc.property(anySettings, (settings) => {
        const { settings: back, problems } = settingsFromRows(settingsToRows(settings));
        expect(problems).toEqual([]);
        expect(back).toEqual(settings);
      }),
      { numRuns: 300 },
    );
  });
});

describe("reading the settings a user typed", () => {
  it("reports a bad value with its row, and keeps the default", () => {
    const { settings, problems } = read(
      ["grace_particulier", 21],
      ["grace_professionnel", 5],
      [null, null],
      ["escalade", "sequentielle"],
      ["canal_1", "email"],
      ["delai_relance_2", "dix"],
    );
    expect(problems).toEqual([
      {
        row: 7,
        key: "delai_relance_2",
        value: "dix",
        message: "Paramètres Relances ligne 7 : delai_relance_2 «dix» n'est pas un nombre de jours",
      },
    ]);
    expect(settings.policy.reminder2AfterDays).toBe(DEFAULT_POLICY.reminder2AfterDays);
    expect(settings.policy.graceDays.particulier).toBe(21);
  });

  it("reports an unknown key as a warning and goes on", () => {
    const { settings, problems } = read(["delai_relance_3", 12], ["grace_particulier", 7]);
    expect(problems).toEqual([
      {
        row: 2,
        key: "delai_relance_3",
        value: "12",
        message: "Paramètres Relances ligne 2 : clé «delai_relance_3» inconnue, ligne ignorée",
      },
    ]);
    expect(settings.policy.graceDays.particulier).toBe(7);
  });

  it("matches keys whatever the case, accents and spaces", () => {
    const { settings, problems } = read(["Délai relance 2", 12], ["GRACE-Particulier", 20], ["Taux BCE 2025 S1", 3.5]);
    expect(problems).toEqual([]);
    expect(settings.policy.reminder2AfterDays).toBe(12);
    expect(settings.policy.graceDays.particulier).toBe(20);
    expect(ratesFor(settings.rates, 2025, 1)).toMatchObject({ ecb: 35000 });
  });

  it("reads days as numbers or text, yes/no in French, English and Excel booleans", () => {
    const { settings, problems } = read(
      ["delai_relance_2", "12 jours"],
      ["delai_injonction", "15j"],
      ["attente_pv_reception", "NON"],
      ["penalites_par_semestre", false],
      ["escalade", "Par ancienneté"],
      ["canal_3", "LRAR"],
      ["canal_2", "lettre"],
    );
    expect(problems).toEqual([]);
    expect(settings.policy).toMatchObject({
      reminder2AfterDays: 12,
      injunctionAfterDays: 15,
      waitForAcceptanceReport: false,
      escalation: "byAge",
      channels: { 2: "courrier", 3: "recommandé" },
    });
    expect(settings.splitByHalfYear).toBe(false);
  });

  it("refuses negative, fractional and absurd delays", () => {
    const { problems } = read(["delai_relance_2", -3], ["delai_injonction", 2.5], ["grace_particulier", 99999]);
    expect(problems.map((p) => p.message)).toEqual([
      "Paramètres Relances ligne 2 : delai_relance_2 «-3» n'est pas un nombre de jours",
      "Paramètres Relances ligne 3 : delai_injonction «2.5» n'est pas un nombre de jours",
      "Paramètres Relances ligne 4 : grace_particulier «99999» n'est pas un nombre de jours entre 0 et 3650",
    ]);
  });

  it("reports a channel, an escalation or a yes/no it cannot read", () => {
    const { settings, problems } = read(["canal_1", "pigeon voyageur"], ["escalade", "au hasard"], ["attente_pv_reception", "bof"]);
    expect(problems.map((p) => p.message)).toEqual([
      "Paramètres Relances ligne 2 : canal_1 «pigeon voyageur» n'est pas un canal : email, courrier, recommandé, téléphone ou autre",
      "Paramètres Relances ligne 3 : escalade «au hasard» : écrivez sequentielle ou par_anciennete",
      "Paramètres Relances ligne 4 : attente_pv_reception «bof» : écrivez oui ou non",
    ]);
    expect(settings.policy).toEqual(DEFAULT_POLICY);
  });

  it("reports a setting left without value and keeps its default", () => {
    const { settings, problems } = read(["delai_relance_2", null]);
    expect(problems.map((p) => p.message)).toEqual([
      "Paramètres Relances ligne 2 : delai_relance_2 sans valeur : la valeur par défaut est retenue",
    ]);
    expect(settings.policy.reminder2AfterDays).toBe(10);
  });

  it("lets a later row of the same key win, and says so", () => {
    const { settings, problems } = read(["delai_relance_2", 12], ["delai_relance_2", 14]);
    expect(settings.policy.reminder2AfterDays).toBe(14);
    expect(problems.map((p) => p.message)).toEqual([
      "Paramètres Relances ligne 3 : delai_relance_2 déjà donnée ligne 2 : cette ligne-ci l'emporte",
    ]);
  });

  it("keeps the default courtesy window when its bounds are crossed", () => {
    const { settings, problems } = read(["preventive_jours_avant_min", 9]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe(
      "Paramètres Relances ligne 2 : preventive_jours_avant_min (9) dépasse preventive_jours_avant_max (5) : les valeurs par défaut sont retenues",
    );
    expect(settings.policy.courtesyDaysBeforeMin).toBe(1);
    expect(settings.policy.courtesyDaysBeforeMax).toBe(5);
  });

  it("reads the letterhead as text, numbers typed as numbers included, and empty cells as absent", () => {
    const { settings, problems } = read(
      ["societe_raison_sociale", "  Bâtir Ensemble  "],
      ["societe_siren", 123456789],
      ["societe_forme", ""],
      ["boite_expedition", "relances@batir.fr"],
    );
    expect(problems).toEqual([]);
    expect(settings.company).toEqual({ name: "Bâtir Ensemble", siren: "123456789" });
    expect(settings.senderMailbox).toBe("relances@batir.fr");
  });

  it("refuses a sender mailbox that is not an email address", () => {
    const { settings, problems } = read(["boite_expedition", "compta"]);
    expect(problems.map((p) => p.message)).toEqual([
      "Paramètres Relances ligne 2 : boite_expedition «compta» n'est pas une adresse e-mail",
    ]);
    expect(settings.senderMailbox).toBeUndefined();
  });

  it("reads keys in column A and values in column B when there is no header", () => {
    const { settings, problems } = settingsFromRows([["delai_relance_2", 11]]);
    expect(problems).toEqual([]);
    expect(settings.policy.reminder2AfterDays).toBe(11);
  });

  it("tells which text settings keep their cell as text", () => {
    expect(isTextSetting("societe_siren")).toBe(true);
    expect(isTextSetting("Boîte expédition")).toBe(true);
    expect(isTextSetting("delai_relance_2")).toBe(false);
    expect(isTextSetting("taux_bce_2025_S1")).toBe(false);
  });
});

describe("the rates a user adds or corrects", () => {
  it("adds 2026 S2 from three rows, and the engine then knows it", () => {
    expect(isProblem(ratesFor(DEFAULT_SETTINGS.rates, 2026, 2))).toBe(true);
    const { settings, problems } = read(
      [rateKey("ecb", 2026, 2), 2.15],
      [rateKey("tilP", 2026, 2), "6,70"],
      [rateKey("tilA", 2026, 2), "2,60 %"],
    );
    expect(problems).toEqual([]);
    expect(ratesFor(settings.rates, 2026, 2)).toEqual({ year: 2026, half: 2, ecb: 21500, tilP: 67000, tilA: 26000 });
    expect(settings.rates).toHaveLength(DEFAULT_RATES.length + 1);
  });

  it("corrects one rate of a shipped half-year, keeping the other two", () => {
    const { settings } = read(["taux_bce_2025_S2", 2.0]);
    expect(ratesFor(settings.rates, 2025, 2)).toEqual({ year: 2025, half: 2, ecb: 20000, tilP: 66500, tilA: 27600 });
  });

  it("ignores a new half-year with a rate missing, saying which", () => {
    const { settings, problems } = read(["taux_bce_2026_S2", 2.15], ["til_autres_2026_S2", 2.6]);
    expect(problems.map((p) => p.message)).toEqual([
      "Paramètres Relances ligne 2 : til_particulier_2026_S2 manque, le 2d semestre 2026 est ignoré",
    ]);
    expect(isProblem(ratesFor(settings.rates, 2026, 2))).toBe(true);
  });

  it("reports a rate that is not a number", () => {
    const { problems } = read(["taux_bce_2025_S1", "trois"]);
    expect(problems.map((p) => p.message)).toEqual([
      "Paramètres Relances ligne 2 : taux_bce_2025_S1 «trois» n'est pas un taux en %",
    ]);
  });

  it("takes the public buyers' margin over the ECB rate, 8 points unless the sheet says otherwise", () => {
    expect(DEFAULT_SETTINGS.policy.publicBuyerMargin).toBe(80000);
    expect(settingsToRows(DEFAULT_SETTINGS).find((r) => r[0] === "marge_bce_acheteur_public")?.[1]).toBe(8);
    expect(read(["marge_bce_acheteur_public", "7,5"]).settings.policy.publicBuyerMargin).toBe(75000);
    const { settings, problems } = read(["marge_bce_acheteur_public", "huit"]);
    expect(settings.policy.publicBuyerMargin).toBe(80000);
    expect(problems.map((p) => p.message)).toEqual(["Paramètres Relances ligne 2 : marge_bce_acheteur_public «huit» n'est pas un taux en %"]);
  });
});
