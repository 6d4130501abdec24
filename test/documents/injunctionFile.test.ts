// The court file as a person reads it (DOMAIN sections 2 to 4): the merged Word file's text for an
// SARL, an SCI, a particulier, a mairie (its référé-provision) and a company abroad.
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import type { InvoiceHistory } from "../../src/core/journalEntry";
import { planRun, type PlannedAction } from "../../src/core/plan";
import { DEFAULT_RATES } from "../../src/core/rates";
import { DEFAULT_POLICY } from "../../src/core/reminderPolicy";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import type { CustomerDetails, InvoiceRecord } from "../../src/core/trackingRecord";
import { defaultWordTemplate } from "../../src/node/defaultTemplates";
import { reminderData, type ReminderData } from "../../src/documents/reminderData";
import { renderLetters } from "../../src/documents/wordLetters";
import { SAMPLE_COMPANY } from "../../src/sample/sampleWorkbook";
import { customer, d, invoice } from "../core/records";

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, company: SAMPLE_COMPANY };
const ENTITIES: Readonly<Record<string, string>> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&apos;": "'" };

/** The text a reader sees: one line per paragraph, no-break spaces as plain ones. */
function text(docx: Uint8Array): string {
  const xml = new PizZip(docx).file("word/document.xml")!.asText();
  const paragraphs = xml.match(/<w:p\b[^>]*?(?:\/>|>[\s\S]*?<\/w:p>)/g) ?? [];
  return paragraphs
    .map((p) => (p.match(/<w:t\b[^>]*>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, "")).join(""))
    .join("\n")
    .replace(/&(?:lt|gt|amp|quot|apos);/g, (e) => ENTITIES[e]!)
    .replace(/[\u00a0\u202f]/g, " ");
}

/** Reminded at R1, R2 and formal notice on the dates given, the last one long enough ago for the court file. */
function reminded(r1: string, r2: string, notice: string): InvoiceHistory {
  return { lastLevel: 3, lastLevelDate: d(notice), levelDates: { 1: d(r1), 2: d(r2), 3: d(notice) }, dispute: false };
}

/** The last level's action of one customer on a date, and its court file's data and text. */
async function courtFile(
  invoices: InvoiceRecord[],
  histories: Record<string, InvoiceHistory>,
  asOf: string,
  settings: Settings = SETTINGS,
): Promise<{ action: PlannedAction; data: ReminderData; text: string }> {
  const plan = planRun(
    { invoices, creditNotes: [], rejected: [], rows: invoices.length, skipped: 0, warnings: [], histories: new Map(Object.entries(histories)) },
    { asOf: d(asOf), policy: settings.policy, rates: DEFAULT_RATES, splitByHalfYear: true },
  );
  const action = plan.actions.find((a) => a.level === 4);
  if (action === undefined) throw new Error("no court file due");
  const data = reminderData(action, plan, settings);
  const template = await defaultWordTemplate(4, data.langue);
  return { action, data, text: text(renderLetters(template, [data])) };
}

const address = { address: "2 rue du Rocher", postcode: "09000", city: "Foix" };

/** The court file of EUR 10,000 due 2025-03-31, reminded in April, on 2025-04-30: 30 days late. */
function tenThousandDue31March(who: CustomerDetails, over: Partial<InvoiceRecord> = {}, settings: Settings = SETTINGS): ReturnType<typeof courtFile> {
  const record = invoice({ number: "F1", customer: who, invoiceDate: d("2025-01-15"), dueDate: d("2025-03-31"), amount: 1000000, ...over });
  return courtFile([record], { [record.number]: reminded("2025-04-05", "2025-04-15", "2025-04-22") }, "2025-04-30", settings);
}

describe("the injonction de payer file", () => {
  it("sends an SARL to the tribunal de commerce on Cerfa 12946, with L441-10 penalties and EUR 40 per invoice", async () => {
    const sarl = customer("SARL Hôtel du Château", address);
    const { text: file } = await tenThousandDue31March(sarl);
    expect(file).toContain("DOSSIER DE REQUÊTE EN INJONCTION DE PAYER");
    expect(file).toContain("Tribunal de commerce du ressort du siège ou du domicile du débiteur, 09000 Foix (article 1406 du Code de procédure civile).");
    expect(file).toContain("Cerfa n° 12946");
    expect(file).toContain("SARL Hôtel du Château (SARL, société commerciale par la forme (article L210-1 du Code de commerce))");
    // DOMAIN section 2: EUR 10,000 due 2025-03-31, 30 days at 13.15 % = EUR 108.08, plus EUR 40.
    expect(file).toContain("Pénalités de retard (article L441-10 du Code de commerce), arrêtées au 30/04/2025\n108,08 €");
    expect(file).toContain("Indemnité forfaitaire pour frais de recouvrement (40 € par facture, article D441-5 du Code de commerce)\n40,00 €");
    expect(file).toContain("Total réclamé\n10 148,08 €");
    expect(file).not.toMatch(/petites créances|à parfaire|Code de la commande publique/);
  });

  it("sends an SCI to the tribunal judiciaire on Cerfa 12948, listing every supporting document in date order", async () => {
    const sci = customer("SCI Les Tilleuls", { address: "12 avenue de Toulouse", postcode: "09700", city: "Saverdun" });
    const { text: file } = await courtFile(
      [
        invoice({ number: "F2", customer: sci, invoiceDate: d("2025-02-10"), dueDate: d("2025-03-12"), amount: 240000, acceptanceDate: d("2025-02-05") }),
        invoice({ number: "F1", customer: sci, invoiceDate: d("2025-01-20"), dueDate: d("2025-02-19"), amount: 180000 }),
      ],
      { F1: reminded("2025-02-24", "2025-03-06", "2025-04-01"), F2: reminded("2025-03-17", "2025-03-27", "2025-04-01") },
      "2025-04-15",
    );
    expect(file).toContain("Tribunal judiciaire du ressort du siège ou du domicile du débiteur, 09700 Saverdun");
    expect(file).toContain("Cerfa n° 12948");
    expect(file).not.toContain("12946");
    expect(file).toContain("SCI Les Tilleuls (SCI, société civile, non commerçante)");
    const pieces = file.slice(file.indexOf("Pièces justificatives")).split("\n").filter((l) => l.startsWith("• "));
    expect(pieces).toEqual([
      "• Facture F1 du 20/01/2025",
      "• Facture F2 du 10/02/2025",
      "• Conditions générales de vente acceptées par le client, ou le contrat signé",
      "• Devis signé ou bon de commande",
      "• Procès-verbal de réception des travaux (facture F2) du 05/02/2025",
      "• Bon de livraison ou procès-verbal de réception (facture F1)",
      "• Relance 1 (facture F1) du 24/02/2025",
      "• Relance 2 (facture F1) du 06/03/2025",
      "• Relance 1 (facture F2) du 17/03/2025",
      "• Relance 2 (facture F2) du 27/03/2025",
      "• Mise en demeure (factures F1, F2) du 01/04/2025, envoyée en lettre recommandée avec accusé de réception — avis de réception du ____/____/________",
    ]);
    expect(file).toContain("Indemnités forfaitaires pour frais de recouvrement (40 € par facture, article D441-5 du Code de commerce)\n80,00 €");
    // 4,200 in principal and interest: the small-claims route, with the debtor's agreement.
    expect(file).toContain("La créance n'excédant pas 5 000 € en principal et intérêts (article R125-1 du Code des procédures civiles d'exécution)");
    expect(file).toContain("Elle suppose l'accord du débiteur");
  });

  it("claims from a particulier the statutory interest since the formal notice, without EUR 40 or penalties (DOMAIN section 3)", async () => {
    const castex = customer("M. Castex", { customerType: "particulier", address: "Lieu-dit Le Pech", postcode: "09700", city: "Saverdun" });
    const { text: file, data } = await courtFile(
      [invoice({ number: "F9", customer: castex, invoiceDate: d("2025-08-01"), dueDate: d("2025-08-31"), amount: 100000 })],
      { F9: reminded("2025-09-20", "2025-09-30", "2025-10-10") },
      "2025-11-09",
    );
    expect(data.langue).toBe("fr");
    expect(file).toContain("Tribunal judiciaire du ressort du siège ou du domicile du débiteur, 09700 Saverdun");
    expect(file).toContain("Cerfa n° 12948");
    // EUR 1,000, formal notice 2025-10-10, 30 days at 2.76 % = EUR 2.27.
    expect(file).toContain("Intérêts au taux légal depuis la mise en demeure (articles 1231-6 et 1344-1 du Code civil), arrêtés au 09/11/2025\n2,27 €");
    expect(file).toContain("Total réclamé\n1 002,27 €");
    expect(file).not.toMatch(/Indemnit|40 €|Pénalités de retard|à calculer|L441-10|D441-5/);
    expect(file).toContain("à ajuster à la date de l'avis de réception");
  });

  it("asks to check the court when the name shows no legal form", async () => {
    const trade = await tenThousandDue31March(customer("Boulangerie Fournier", address));
    expect(trade.text).toContain("Tribunal de commerce du ressort");
    expect(trade.text).toContain("La forme juridique du débiteur n'apparaît pas dans son nom : le tribunal de commerce est compétent s'il est commerçant");
    // An architect is reminded after the acceptance report of the works.
    const architect = await tenThousandDue31March(customer("Cabinet Martin Architecture", { ...address, customerType: "architecte" }), { acceptanceDate: d("2025-01-10") });
    expect(architect.text).toContain("Tribunal judiciaire du ressort");
    expect(architect.text).toContain("Cerfa n° 12948");
    expect(architect.text).toContain("tribunal judiciaire s'il exerce sa profession libérale en nom propre ou en société civile");
  });

  it("says « hors pénalités, à parfaire » when a half-year's rate is unknown", async () => {
    const sarl = customer("SARL Hôtel du Château", address);
    const { text: file } = await courtFile(
      [invoice({ number: "F1", customer: sarl, invoiceDate: d("2026-05-01"), dueDate: d("2026-06-30"), amount: 1000000 })],
      { F1: reminded("2026-07-05", "2026-07-15", "2026-07-25") },
      "2026-08-10",
    );
    expect(file).toContain("Pénalités de retard (article L441-10 du Code de commerce), arrêtées au 10/08/2026\nà calculer");
    expect(file).toContain("Total réclamé (hors pénalités, à parfaire)\n10 040,00 €");
  });

  it("flags a company abroad: no court by CPC 1406, no Cerfa, the European order for payment only inside the EU, in French", async () => {
    const thornton = customer("Thornton & Hale Ltd", { language: "en", address: "18 Farringdon Road", postcode: "EC1M 3HE", city: "London", vatNumber: "GB293481756" });
    const { text: file, data } = await tenThousandDue31March(thornton, { number: "F45" });
    expect(data.langue).toBe("fr");
    expect(file).toContain("DOSSIER DE REQUÊTE EN INJONCTION DE PAYER");
    expect(file).toContain("Juridiction compétente à déterminer (adresse du débiteur : EC1M 3HE London, Royaume-Uni).");
    expect(file).toContain("Débiteur établi hors de France (Royaume-Uni) : n° de TVA GB293481756, code postal EC1M 3HE, forme Ltd.");
    expect(file).toContain("ne résulte pas de l'article 1406 du Code de procédure civile et doit être vérifiée");
    expect(file).toContain("hors de l'Union européenne, la procédure européenne d'injonction de payer (règlement (CE) n° 1896/2006) n'est pas ouverte");
    expect(file).not.toMatch(/Tribunal de commerce|Cerfa|petites créances|Invoice|Amount/);

    const gmbh = customer("Bauer Holz GmbH", { postcode: "80331", city: "München", vatNumber: "DE123456789" });
    const { text: german } = await tenThousandDue31March(gmbh, { number: "F46" });
    expect(german).toContain("Débiteur établi hors de France (Allemagne)");
    expect(german).toContain("la procédure européenne d'injonction de payer (règlement (CE) n° 1896/2006, formulaire A) est ouverte");
  });
});

describe("the référé-provision file of a public buyer", () => {
  const mairie: CustomerDetails = customer("Mairie de Saverdun", {
    customerType: "collectivite",
    address: "1 place du Balouard",
    postcode: "09700",
    city: "Saverdun",
  });

  it("goes to the tribunal administratif with intérêts moratoires at ECB + 8 and the EUR 40 of the Code de la commande publique", async () => {
    const { text: file } = await tenThousandDue31March(mairie, { number: "F32", acceptanceDate: d("2025-01-10") });
    expect(file).toContain("DOSSIER DE REQUÊTE EN RÉFÉRÉ-PROVISION");
    expect(file).toContain("article R541-1 du Code de justice administrative");
    expect(file).toContain("Tribunal administratif de Toulouse dans le ressort duquel se trouve le siège de l'acheteur public (09700 Saverdun).");
    expect(file).toContain("lieu prévu pour l'exécution du contrat");
    expect(file).toContain("(article R312-11 du Code de justice administrative) : à vérifier");
    // EUR 10,000, 30 days at 3.15 % + 8 = 11.15 %: 91.64.
    expect(file).toContain("Intérêts moratoires au taux BCE majoré de 8 points (articles L2192-13 et R2192-31 du Code de la commande publique), arrêtés au 30/04/2025\n91,64 €");
    expect(file).toContain("Indemnité forfaitaire pour frais de recouvrement (40 € par facture, article D2192-35 du Code de la commande publique)\n40,00 €");
    expect(file).toContain("Provision demandée\n10 131,64 €");
    expect(file).not.toMatch(/INJONCTION DE PAYER|Cerfa|Tribunal de commerce|Tribunal judiciaire|L441-10|D441-5|petites créances/);
  });

  it("runs the whole delay at the rate of the half-year it began in (R2192-31), known even when the next is not", async () => {
    const { text: file, action } = await courtFile(
      [invoice({ number: "F33", customer: mairie, invoiceDate: d("2026-03-25"), dueDate: d("2026-04-24"), amount: 487000, acceptanceDate: d("2026-03-20") })],
      { F33: reminded("2026-05-04", "2026-06-25", "2026-07-10") },
      "2026-07-21",
    );
    // 88 days at 2.15 % + 8 = 10.15 % of EUR 4,870 = 119.17, though 2026 S2 is not in the table.
    expect(action.claimed[0]!.penalties).toBe(11917);
    expect(file).toContain("\n119,17 €");
  });

  it("takes the margin over the ECB rate from the settings", async () => {
    const settings: Settings = { ...SETTINGS, policy: { ...DEFAULT_POLICY, publicBuyerMargin: 70000 } };
    const { text: file } = await tenThousandDue31March(mairie, { number: "F32", acceptanceDate: d("2025-01-10") }, settings);
    // 30 days at 3.15 % + 7 = 10.15 %: 83.42.
    expect(file).toContain("Intérêts moratoires au taux BCE majoré de 7 points");
    expect(file).toContain("\n83,42 €");
  });
});
