// Account statements opened as a reader would: the PDF's text extracted with pdfjs-dist.
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { formatEuros } from "../../src/core/money";
import { renderStatement } from "../../src/documents/accountStatement";
import { pdfSafeText } from "../../src/documents/statement/pdfSafeText";
import type { InvoiceLine, ReminderData } from "../../src/documents/reminderData";
import { pageTexts } from "./readDocuments";
import { hostile, sampleReminders } from "./sampleReminders";

/** Amounts as the PDF shows them: the narrow and ordinary no-break spaces are plain spaces. */
const plain = (s: string): string => s.replace(/[\u202F\u00A0]/g, " ");

let all: readonly ReminderData[];
const customer = (name: string): ReminderData => {
  const data = all.find((d) => d.raison_sociale === name);
  if (data === undefined) throw new Error(`no sample customer ${name}`);
  return data;
};

beforeAll(async () => {
  all = (await sampleReminders()).data;
});

describe("renderStatement on the sample", () => {
  it("renders every sample customer's statement as a PDF", async () => {
    for (const data of all) {
      const pdf = await renderStatement(data);
      expect(pdf).toBeInstanceOf(Uint8Array);
      expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe("%PDF-");
      const pages = await pageTexts(pdf);
      expect(pages.length).toBe(1);
      const text = pages.join(" ");
      expect(text).toContain(pdfSafeText(data.raison_sociale));
      for (const line of data.releve.lignes) expect(text).toContain(line.numero);
      expect(text).toContain(`${data.langue === "en" ? "Balance to pay" : "Solde à régler"} ${plain(data.total_du)}`);
      expect(text).toContain("page 1 / 1");
    }
  });

  it("lists a B2B late customer's open items, totals, penalties, fees, IBAN and legal mentions", async () => {
    const data = customer("SCI Les Tilleuls");
    expect(data.penalites_applicables).toBe(true);
    const [text, ...more] = await pageTexts(await renderStatement(data));
    expect(more).toEqual([]);
    expect(text).toContain("Relevé de compte");
    expect(text).toContain(`au ${data.date_du_jour}`);
    // Letterhead and customer block.
    expect(text).toContain("EGPL — Entreprise Générale de la Lèze");
    expect(text).toContain("SARL au capital de 20 000 €");
    expect(text).toContain(data.societe.telephone);
    expect(text).toContain(data.societe.email);
    expect(text).toContain(data.adresse);
    expect(text).toContain(`${data.code_postal} ${data.ville}`);
    // The columns of SPEC section 5 and every open item, due or not, each with its figures.
    for (const header of ["N° facture", "Date", "Échéance", "Montant TTC", "Payé", "Avoirs imputés", "Solde", "Jours de retard", "Situation"]) {
      expect(text).toContain(header);
    }
    expect(data.releve.lignes.map((l) => l.numero)).toEqual(["F2026-027", "F2026-050", "F2026-059"]);
    for (const line of data.releve.lignes) {
      for (const value of [line.numero, line.date_facture, line.echeance, plain(line.montant), plain(line.paye), plain(line.avoirs), plain(line.solde), line.statut]) {
        expect(text).toContain(value);
      }
    }
    expect(text).toContain("F2026-027 10/03/2026 30/04/2026 18 600,00 € 5 000,00 € 0,00 € 13 600,00 € 61 Échue depuis 61 jours");
    expect(text).toContain("F2026-059 03/06/2026 03/07/2026 2 850,00 € 0,00 € 0,00 € 2 850,00 € — Non échue");
    expect(text).toContain("Total 25 770,00 € 5 000,00 € 0,00 € 20 770,00 €");
    // The formal notice's demand: F2026-027 with its penalties and EUR 40; the rest outside it.
    expect(text).toContain("Factures objet de la mise en demeure 13 600,00 €");
    expect(text).toContain(`Pénalités de retard ${plain(data.total_penalites)}`);
    expect(text).toContain(`Indemnités forfaitaires pour frais de recouvrement ${plain(data.total_indemnites)}`);
    expect(text).toContain("Solde à régler 13 916,15 €");
    expect(plain(data.total_du)).toBe("13 916,15 €");
    expect(text).toContain("Autres factures ouvertes (hors solde à régler) 7 170,00 €");
    expect(text).not.toContain("pour information");
    expect(text).toMatch(/indemnité forfaitaire pour frais de recouvrement de 40 € par facture \(art. D441-5\)/);
    // Balance per age band: 61-90, 1-30 and not due each hold one invoice.
    expect(text).toContain("Solde par tranche d'âge");
    expect(text).toContain("Non échu 2 850,00 € 1-30 4 320,00 € 31-60 0,00 € 61-90 13 600,00 € >90 0,00 € Total 20 770,00 €");
    // Bank details and footer mentions.
    expect(text).toContain(`IBAN ${data.societe.iban}`);
    expect(text).toContain(`BIC ${data.societe.bic}`);
    expect(text).toContain("SIRET 532 178 448 00016");
    expect(text).toContain("RCS Foix 532 178 448");
    expect(text).toContain("TVA FR 47 532178448");
    expect(text).toContain("page 1 / 1");
  });

  it("before the formal notice, shows penalties and the EUR 40 for information, outside the balance to pay", async () => {
    const data = customer("SAS Pyrène Promotion");
    expect(data.niveau_numero).toBe(1);
    const text = (await pageTexts(await renderStatement(data))).join(" ");
    expect(text).toContain("Solde à régler 36 900,00 €");
    expect(text).toContain(
      `Pour information, au ${data.date_du_jour} (hors solde à régler) : Pénalités de retard ${plain(data.total_penalites)} ` +
        `Indemnités forfaitaires pour frais de recouvrement ${plain(data.total_indemnites)}`,
    );
    expect(text).not.toContain("37 308,49"); // 36 900,00 + 368,49 + 40,00: never a total
    expect(text).not.toContain("Total dû");
  });

  it("gives a credit note that names no invoice a line of its own, and its amount in the invoice's credit notes", async () => {
    const data = customer("SAS Pyrène Promotion");
    const text = (await pageTexts(await renderStatement(data))).join(" ");
    expect(text).toContain("F2026-038 13/04/2026 31/05/2026 38 400,00 € 0,00 € 1 500,00 € 36 900,00 € 30 Échue depuis 30 jours");
    expect(text).toContain("AV2026-002 18/05/2026 -1 500,00 € Avoir imputé sur les factures les plus anciennes");
  });

  it("speaks to the customer: a dispute is « En litige », never a reminder stage", async () => {
    const data = customer("Occitanie Habitat Promotion");
    const text = (await pageTexts(await renderStatement(data))).join(" ");
    expect(text).toMatch(/F2026-031 .* En litige/);
    expect(text).not.toMatch(/Relance \d|Préventive|Mise en demeure/);
    expect(text).toContain(`Solde à régler ${plain(data.total_solde)}`);
    expect(text).toContain(`Factures non échues, en litige ou en attente (hors solde à régler) ${plain(data.releve.hors_demande)}`);
    expect(text).toContain(`(hors solde à régler) : Pénalités de retard ${plain(data.total_penalites)}`);
  });

  it("shows neither penalties nor recovery fees to a particulier", async () => {
    for (const name of ["M. Castex", "M. et Mme Dupuy"]) {
      const data = customer(name);
      expect(data.penalites_applicables).toBe(false);
      const text = (await pageTexts(await renderStatement(data))).join(" ");
      expect(text).toContain(`Solde à régler ${plain(data.total_solde)}`);
      expect(text).not.toMatch(/pénalit/i);
      expect(text).not.toMatch(/indemnit/i);
      expect(text).not.toContain("Total dû");
      expect(text).not.toContain("40,00 €");
      expect(text).toContain(`IBAN ${data.societe.iban}`);
      expect(text).toContain("SIRET 532 178 448 00016");
    }
  });

  it("writes the English customer's statement in English", async () => {
    const data = customer("Thornton & Hale Ltd");
    expect(data.langue).toBe("en");
    const text = (await pageTexts(await renderStatement(data))).join(" ");
    expect(text).toContain("Statement of account");
    expect(text).toContain(`as at ${data.date_du_jour}`);
    for (const header of ["Invoice no.", "Due date", "Amount incl. VAT", "Paid", "Credit notes", "Balance", "Days overdue", "Status"]) expect(text).toContain(header);
    expect(text).toContain(`Balance to pay ${data.total_du}`);
    expect(text).toContain("€16,250.00");
    expect(text).toContain("Not yet due");
    expect(text).toContain("Payment by bank transfer");
    expect(text).not.toContain("Relevé");
    expect(text).not.toContain("Échéance");
    expect(text).not.toContain("Solde");
    expect(text).toContain("page 1 / 1");
  });

  it("sets the document's metadata", async () => {
    const data = customer("SCI Les Tilleuls");
    const doc = await PDFDocument.load(await renderStatement(data), { updateMetadata: false });
    expect(doc.getTitle()).toBe(`Relevé de compte — SCI Les Tilleuls — au ${data.date_du_jour}`);
    expect(doc.getAuthor()).toBe(data.societe.raison_sociale);
    expect(doc.getProducer()).toBe("Relances");
    expect(doc.getCreator()).toBe("Relances");
    expect(doc.getCreationDate()?.toISOString()).toBe(`${data.date_iso}T12:00:00.000Z`);
    expect(doc.getModificationDate()?.toISOString()).toBe(`${data.date_iso}T12:00:00.000Z`);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });

  it("gives the same bytes for the same data", async () => {
    for (const data of [customer("SCI Les Tilleuls"), customer("Thornton & Hale Ltd")]) {
      const first = await renderStatement(data);
      const second = await renderStatement(data);
      expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    }
  });
});

describe("renderStatement across pages", () => {
  /** The same customer with `count` open invoices, numbered F-0001 to F-nnnn, all asked for. */
  function manyInvoices(data: ReminderData, count: number): ReminderData {
    const model = data.factures[0]!;
    const factures: InvoiceLine[] = Array.from({ length: count }, (_, i) => ({ ...model, numero: `F-${String(i + 1).padStart(4, "0")}` }));
    const balance = model.solde_centimes * count;
    const total = formatEuros(balance);
    const releve = { ...data.releve, lignes: factures, avoirs: [], total_solde: total, solde_demande: total, solde_a_regler: total, hors_demande: formatEuros(0), total_solde_centimes: balance };
    return { ...data, factures, nombre_factures: count, totals: { ...data.totals, balance }, total_solde: total, total_du: total, releve };
  }

  it("breaks 80 invoices over several pages, the table header and footer on each", async () => {
    const data = manyInvoices(customer("SARL Fournier et Fils"), 80);
    const pdf = await renderStatement(data);
    const pages = await pageTexts(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(pages.length);
    const n = pages.length;
    pages.forEach((text, i) => {
      expect(text).toContain("N° facture");
      expect(text).toContain("Jours de retard");
      expect(text).toContain(`page ${i + 1} / ${n}`);
      expect(text).toContain("SIRET 532 178 448 00016");
      if (i > 0) expect(text).toContain("Relevé de compte — SARL Fournier et Fils");
    });
    // Every invoice exactly once, in order, and the totals after the last one.
    const all = pages.join(" ");
    const numbers = [...all.matchAll(/F-\d{4}/g)].map((m) => m[0]);
    expect(numbers).toEqual(data.factures.map((f) => f.numero));
    expect(pages[n - 1]).toContain(`Solde à régler ${plain(data.total_du)}`);
    expect(pages[n - 1]).toContain("Solde par tranche d'âge");
    expect(pages[n - 1]).toContain("Solde à régler 316 800,00 €"); // 80 x 3 960,00
    expect(pages[n - 1]).toContain("Non échu 0,00 € 1-30 316 800,00 € 31-60 0,00 € 61-90 0,00 € >90 0,00 € Total 316 800,00 €");
    expect(pages[n - 1]).toContain(`IBAN ${data.societe.iban}`);
  });

  it("counts the pages of a very long statement", async () => {
    const data = manyInvoices(customer("M. Castex"), 400);
    const pages = await pageTexts(await renderStatement(data));
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(pages.at(-1)).toContain(`page ${pages.length} / ${pages.length}`);
  });
});

describe("renderStatement's totals", () => {
  it("says when the penalties are still to be calculated", async () => {
    const base = customer("SCI Les Tilleuls");
    const releve = { ...base.releve, solde_a_regler: formatEuros(1364000) }; // 13 600,00 + 40,00
    const data: ReminderData = { ...base, penalites_connues: false, total_penalites: "à calculer", totals: { ...base.totals, penalties: 0 }, releve };
    const text = (await pageTexts(await renderStatement(data))).join(" ");
    expect(text).toContain("Pénalités de retard à calculer");
    expect(text).toContain("Solde à régler (hors pénalités, à parfaire) 13 640,00 €");
  });

  it("names a public buyer's charges under the Code de la commande publique", async () => {
    const base = customer("SCI Les Tilleuls");
    const data: ReminderData = { ...base, penalites_connues: false, total_penalites: "à calculer", releve: { ...base.releve, regime: "acheteur_public" } };
    const text = (await pageTexts(await renderStatement(data))).join(" ");
    expect(text).toContain("Intérêts moratoires à calculer");
    expect(text).toContain("Solde à régler (hors intérêts moratoires, à parfaire)");
    expect(text).toContain("art. L2192-13 et R2192-31 du Code de la commande publique");
    expect(text).toContain("(art. D2192-35)");
    expect(text).not.toContain("L441-10");
  });

  it("sums the balance per age band from the lines", async () => {
    const base = customer("SCI Les Tilleuls");
    const text = (await pageTexts(await renderStatement(base))).join(" ");
    expect(text).toContain("Solde par tranche d'âge");
    const bands = new Map<string, number>();
    for (const line of base.releve.lignes) bands.set(line.tranche, (bands.get(line.tranche) ?? 0) + line.solde_centimes);
    for (const [band, cents] of bands) expect(text, band).toContain(formatEuros(cents).replace(/[\u202f\u00a0]/g, " "));
  });

  it("leaves out the balance per age band of a statement without open items", async () => {
    const base = customer("SCI Les Tilleuls");
    const text = (await pageTexts(await renderStatement({ ...base, releve: { ...base.releve, lignes: [] } }))).join(" ");
    expect(text).not.toContain("Solde par tranche d'âge");
  });
});

describe("renderStatement with hostile or unusual text", () => {
  const HOSTILE = ["<img src=x onerror=alert(1)>", "=cmd|' /C calc'!A0", "Café 😀 Ünïcødé 👨‍👩‍👧", "北京贸易有限公司 中文", "Tab\there\nnew line\u0000nul"];

  it("renders hostile customer names as literal text, never throwing", async () => {
    const base = customer("SCI Les Tilleuls");
    for (const value of HOSTILE) {
      const data = hostile(base, value);
      const pdf = await renderStatement(data);
      const text = (await pageTexts(pdf)).join(" ");
      const expected = pdfSafeText(value).replace(/\s+/g, " ").trim();
      expect(text).toContain(expected);
      expect(text).toContain("20 770,00 €");
      const doc = await PDFDocument.load(pdf, { updateMetadata: false });
      expect(doc.getTitle()).toContain(value.split(/\s/)[0]);
    }
    const markup = (await pageTexts(await renderStatement(hostile(base, HOSTILE[0]!)))).join(" ");
    expect(markup).toContain("<img src=x onerror=alert(1)>");
    const formula = (await pageTexts(await renderStatement(hostile(base, HOSTILE[1]!)))).join(" ");
    expect(formula).toContain("=cmd|' /C calc'!A0");
    const emoji = (await pageTexts(await renderStatement(hostile(base, HOSTILE[2]!)))).join(" ");
    expect(emoji).toContain("Café ? Ünïcødé ???");
    const chinese = (await pageTexts(await renderStatement(hostile(base, HOSTILE[3]!)))).join(" ");
    expect(chinese).toContain("???????? ??");
  });

  it("draws parentheses, backslashes and WinAnsi's own characters as they are typed", async () => {
    const base = customer("SCI Les Tilleuls");
    const name = "Dupont (Père) \\ Fils – « Œuvres » ‰ ™ “q” 100 €";
    const pdf = await renderStatement(hostile(base, name));
    expect((await pageTexts(pdf)).join(" ")).toContain(name);
    expect(await renderStatement(hostile(base, name))).toEqual(pdf);
  });

  it("wraps or cuts long names and addresses to their column", async () => {
    const base = customer("SCI Les Tilleuls");
    const long = "Société Coopérative Ouvrière de Production des Travaux Publics et du Bâtiment de la Haute Vallée de l'Ariège et des Pyrénées Centrales";
    const data: ReminderData = {
      ...base,
      raison_sociale: long,
      adresse: `${"Zone artisanale des Grands Champs, ".repeat(6)}lot 12`,
      ville: "A".repeat(300),
      releve: { ...base.releve, lignes: base.releve.lignes.map((f, i) => (i === 0 ? { ...f, numero: "FACTURE-2026-0000000000000000000000000000000000000000000042" } : f)) },
    };
    const pdf = await renderStatement(data);
    const pages = await pageTexts(pdf);
    expect(pages.length).toBe(1);
    const text = pages[0]!;
    const lines = (await pageTexts(await renderStatement({ ...base, adresse: "Bâtiment B\nEscalier 3\nPorte 12\nRésidence des Lilas\n4 rue Haute" })))[0]!;
    expect(lines).toContain("Bâtiment B Escalier 3 Porte 12 Résidence des Lilas…"); // three lines, the last cut
    expect(lines).not.toContain("4 rue Haute");
    expect(text).toContain("Société Coopérative Ouvrière de Production");
    expect(text).toContain("…");
    expect(text).not.toContain("Pyrénées Centrales"); // three lines at most, then "…"
    expect(text).toMatch(/FACTURE-\S* \S+ \S+… 10\/03\/2026/); // wrapped in its column, three lines at most, then cut
    expect(text).toContain("20 770,00 €");
    // Nothing is drawn outside the page.
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
  });

  it("renders a statement with no open items and blank fields", async () => {
    const base = customer("M. Castex");
    const data: ReminderData = {
      ...base,
      factures: [],
      nombre_factures: 0,
      contact: "",
      adresse: "",
      totals: { balance: 0, penalties: 0, fees: 0 },
      total_solde: "0,00 €",
      reclame_penalites: false,
      releve: { ...base.releve, lignes: [], avoirs: [], total_solde: "0,00 €", solde_a_regler: "0,00 €", hors_demande: "0,00 €", total_solde_centimes: 0 },
      societe: { ...base.societe, iban: "", bic: "", telephone: "", email: "", mentions_legales: "" },
    };
    const text = (await pageTexts(await renderStatement(data))).join(" ");
    expect(text).toContain("Aucune facture ouverte.");
    expect(text).toContain("Solde à régler 0,00 €");
    expect(text).not.toContain("IBAN");
    expect(text).toContain("page 1 / 1");
  });
});

describe("pdfSafeText", () => {
  it("turns no-break and narrow no-break spaces into spaces", () => {
    expect(pdfSafeText("20\u202F770,00\u00A0€")).toBe("20 770,00 €");
    expect(pdfSafeText("a\tb\nc\u2009d\u3000e")).toBe("a b c d e");
  });

  it("keeps French letters and what WinAnsi has: quotes, dashes, ellipsis, euro, Œ", () => {
    const kept = "Élise Œuvre « d’accord » ‘x’ “y” „z‚ – — … € ™ • † ‰ ‹› ŠšŽžŸƒ ˆ˜ ÿ ß ç";
    expect(pdfSafeText(kept)).toBe(kept);
  });

  it("composes decomposed accents and strips the ones WinAnsi lacks", () => {
    expect(pdfSafeText("Ele\u0301onore")).toBe("Eléonore");
    expect(pdfSafeText("Dvořák Łódź")).toBe("Dvorák ?ódz");
  });

  it("replaces emoji and Chinese with ? and drops invisible characters", () => {
    expect(pdfSafeText("Dvořák 中文 😀")).toBe("Dvorák ?? ?");
    expect(pdfSafeText("👍🏽 👨‍👩‍👧 ❤️")).toBe("? ??? ?");
    expect(pdfSafeText("a\u200Bb\u202Ec\uFEFFd\u0007e\u00ADf")).toBe("abcdef");
    expect(pdfSafeText("x\uD800y")).toBe("x?y"); // a lone surrogate
    expect(pdfSafeText("−5 ‐ x")).toBe("-5 - x");
  });

  it("only ever returns characters Helvetica and Helvetica-Bold encode", async () => {
    const doc = await PDFDocument.create();
    const fonts = [await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold)];
    let sample = "";
    for (let c = 0; c < 0x3000; c += 1) sample += String.fromCodePoint(c);
    sample += "😀👨‍👩‍👧中文𝔘\uD800\uDFFF\uFFFD";
    const safe = pdfSafeText(sample);
    for (const font of fonts) {
      const encodable = new Set(font.getCharacterSet());
      for (const ch of safe) expect(encodable.has(ch.codePointAt(0)!), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(true);
      expect(() => font.encodeText(safe)).not.toThrow();
      expect(() => font.widthOfTextAtSize(safe, 9)).not.toThrow();
    }
  });
});
