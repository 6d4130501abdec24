// The pane's words: both dictionaries fill the same slots, and the engine's two-language messages
// show the half of the pane's language.
import { describe, expect, it } from "vitest";
import { format, languageOf, textsFor, type TextKey } from "../../taskpane/shared/i18n";
import { inLanguage } from "../../taskpane/shared/bilingual";

const slots = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe("the pane's dictionaries", () => {
  it("have, for every key, the same {slots} in French and in English", () => {
    const fr = textsFor("fr");
    const en = textsFor("en");
    for (const key of Object.keys(fr) as TextKey[]) expect(slots(en[key]), key).toEqual(slots(fr[key]));
  });

  it("fill the slots given and leave the others as written", () => {
    expect(format("{count} clients cochés sur {total}", { count: 3 })).toBe("3 clients cochés sur {total}");
  });

  it("count as French does: the singular for 0 and 1, the plural from 2", () => {
    const text = textsFor("fr")["today.customers"];
    expect([0, 1, 2, 13].map((count) => format(text, { count }))).toEqual(["0 client", "1 client", "2 clients", "13 clients"]);
    expect(format(textsFor("fr")["today.selected"], { count: 1, total: 8 })).toBe("1 client coché sur 8");
    expect(format(textsFor("en")["today.invoiceCount"], { count: 1 })).toBe("1 invoice");
    expect(format(textsFor("en")["today.invoiceCount"], { count: 2 })).toBe("2 invoices");
  });

  it("speak English for an English browser, French otherwise", () => {
    expect(languageOf(["en-GB", "fr"])).toBe("en");
    expect(languageOf(["fr-FR", "en"])).toBe("fr");
    expect(languageOf([])).toBe("fr");
  });

  it("show the half of an engine message in the pane's language", () => {
    expect(inLanguage("pas d'adresse e-mail / no e-mail address", "en")).toBe("no e-mail address");
    expect(inLanguage("pas d'adresse e-mail / no e-mail address", "fr")).toBe("pas d'adresse e-mail");
    expect(inLanguage("Relance 1", "en")).toBe("Relance 1");
  });
});
