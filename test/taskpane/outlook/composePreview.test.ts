// The Outlook compose pane in Debian's Chromium on /preview/outlook?mode=compose, over the real
// server and its embedded workbook (a copy of the sample, RELANCES_WORKBOOK, one customer's name
// and address made hostile): the reminder inserted holds the customer's invoices and total, the
// statement attached is a PDF with the same total, the journal gets the run's lines on the click
// only and once, the recipients are followed, older Outlooks fall back, markup stays text, and
// axe-core finds no serious or critical violation. The pane is photographed for the README.
import AxeBuilder from "@axe-core/playwright";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { dayToIso } from "../../../src/core/day";
import { JOURNAL_SHEET, type JournalEntry } from "../../../src/core/journalEntry";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../../src/sample/sampleWorkbook";
import { readJournalOnly } from "../../../src/workbook/earlierRuns";
import { COMPOSE_REFERENCE_PREFIX } from "../../../taskpane/outlook/composeReminder";
import { pageTexts, spaced } from "../../documents/readDocuments";
import { ROOT } from "../../helpers/addin";
import { browserAvailable, skipReason } from "../previewSession";
import { embeddedWorkbookSession } from "./embeddedWorkbookSession";

const HOSTILE = 'Pyrène <img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
const HOSTILE_ADDRESS = '<b onmouseover="window.__pwned=1">8 boulevard</b>';
const HOSTILE_INVOICE = 'F2026-038<img src=x onerror="window.__pwned=1">';
const SCREENSHOT = path.join(ROOT, "docs", "screenshots", "outlook-compose.png");

/** The sample with SAS Pyrène Promotion's name, address and invoice number made of markup. */
async function hostileSample(target: string): Promise<void> {
  await writeSampleWorkbook(target);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(target);
  const sheet = workbook.worksheets[0]!;
  sheet.eachRow((row) => {
    if (!/Pyrène Promotion$/.test(String(row.getCell(1).value ?? ""))) return;
    row.getCell(1).value = HOSTILE;
    row.getCell(15).value = HOSTILE_ADDRESS;
    if (row.getCell(3).value === "F2026-038") row.getCell(3).value = HOSTILE_INVOICE;
  });
  await workbook.xlsx.writeFile(target);
}

const { session, file } = embeddedWorkbookSession(hostileSample);

async function openCompose(query = ""): Promise<Page> {
  const page = await session().open(`/outlook?mode=compose${query}`);
  await page.getByRole("heading", { name: "Insérer la relance", level: 1 }).waitFor({ timeout: 30_000 });
  return page;
}

async function write(page: Page, label: RegExp, customer: string | RegExp): Promise<void> {
  const select = page.getByLabel("Message à écrire");
  const value = await select.locator("option").filter({ hasText: label }).getAttribute("value");
  await select.selectOption(value!);
  await page.getByRole("heading", { name: customer, level: 2 }).waitFor({ timeout: 30_000 });
}

async function click(page: Page, button: string, said: RegExp): Promise<void> {
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect.poll(() => page.getByRole("status").innerText(), { timeout: 20_000 }).toMatch(said);
}

const bodyText = async (page: Page): Promise<string> => spaced(await page.getByTestId("compose-body").innerText());
const composeLines = async (customer: RegExp): Promise<JournalEntry[]> =>
  (await readJournalOnly(file())).entries.filter((e) => e.reference?.startsWith(COMPOSE_REFERENCE_PREFIX) && customer.test(e.customer));

describe.skipIf(!browserAvailable)(`the Outlook compose preview in Chromium${browserAvailable ? "" : ` (skipped: ${skipReason})`}`, () => {
  it("inserts the customer's reminder at the cursor, with its invoices and total, and fills the empty subject", async () => {
    const page = await openCompose();
    await write(page, /Cabinet Martin/, "Cabinet Martin Architecture");
    const total = spaced(await page.getByTestId("compose-total").innerText()).replace(/^Total à régler : /, "");
    expect(total).toBe("7 840,00 €");
    // The user's own words first, the cursor after them: the reminder goes there, they stay.
    await page.getByTestId("compose-body").fill("Suite à notre appel :");
    await click(page, "Insérer la relance", /Relance insérée/);
    const text = await bodyText(page);
    expect(text.startsWith("Suite à notre appel :")).toBe(true);
    expect(text.indexOf("F2026-049")).toBeGreaterThan(0);
    expect(text).toContain("Total restant dû");
    expect(text).toContain(total);
    expect(await page.getByLabel("Objet").inputValue()).toMatch(/^Relance — facture échue F2026-049/);
    expect(await composeLines(/Martin/)).toEqual([]);
  });

  it("replaces the body, leaving a subject the user wrote", async () => {
    const page = await openCompose();
    await write(page, /Tilleuls/, "SCI Les Tilleuls");
    await page.getByLabel("Objet").fill("Notre appel de ce matin");
    await page.getByTestId("compose-body").fill("brouillon à jeter");
    await click(page, "Remplacer le corps", /Corps du message remplacé/);
    const text = await bodyText(page);
    expect(text).not.toContain("brouillon à jeter");
    expect(text).toContain("F2026-027");
    expect(text).toContain("F2026-050");
    expect(await page.getByLabel("Objet").inputValue()).toBe("Notre appel de ce matin");
    await expect.poll(() => page.getByText("Le suivi prévoit ce niveau par recommandé").count()).toBe(1);
  });

  it("attaches the statement: a PDF whose balance is the reminder's total", async () => {
    const page = await openCompose();
    await write(page, /Cabinet Martin/, "Cabinet Martin Architecture");
    await click(page, "Joindre le relevé", /Relevé joint : Releve-cabinet-martin-architecture-2026-06-30\.pdf/);
    const attachments = await page.evaluate(() => window.relancesCompose!.attachments());
    expect(attachments.map((a) => a.name)).toEqual(["Releve-cabinet-martin-architecture-2026-06-30.pdf"]);
    const bytes = Buffer.from(attachments[0]!.base64, "base64");
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pdf = spaced((await pageTexts(new Uint8Array(bytes))).join(" "));
    expect(pdf).toContain("F2026-049");
    expect(pdf).toContain("Solde à régler 7 840,00 €");
    await expect.poll(() => page.getByTestId("compose-attachments").innerText()).toContain("Releve-cabinet-martin-architecture");
  });

  it("journals the reminder's lines on the click, as the run would, and a second click adds nothing", async () => {
    const page = await openCompose();
    await write(page, /Tilleuls/, "SCI Les Tilleuls");
    await click(page, "Insérer la relance", /Relance insérée/);
    expect(await composeLines(/Tilleuls/)).toEqual([]);
    await click(page, "Journaliser l'envoi", /2 lignes ajoutées au journal/);
    expect(await page.getByTestId("compose-logged").innerText()).toMatch(/F2026-027 · niveau 3 · email[\s\S]*F2026-050 · niveau 1 · email/);
    const lines = await composeLines(/Tilleuls/);
    expect(lines.map((l) => [dayToIso(l.date), l.invoice, l.level, l.channel])).toEqual([
      [SAMPLE_AS_OF, "F2026-027", 3, "email"],
      [SAMPLE_AS_OF, "F2026-050", 1, "email"],
    ]);
    await click(page, "Journaliser l'envoi", /Déjà au journal/);
    expect(await composeLines(/Tilleuls/)).toHaveLength(2);
    // The server's own view of the workbook shows them too.
    const sheets = await page.evaluate(async () => (await (await fetch("/api/local-workbook/sheets")).json()) as { sheets: { name: string; values: unknown[][] }[] });
    const journal = sheets.sheets.find((s) => s.name === JOURNAL_SHEET)!;
    expect(journal.values.filter((row) => row.some((c) => typeof c === "string" && c.startsWith(COMPOSE_REFERENCE_PREFIX))).length).toBe(2);
  });

  it("follows the recipients as they are typed, and offers the candidates of a shared address", async () => {
    const page = await openCompose();
    await write(page, /Cabinet Martin/, "Cabinet Martin Architecture");
    await page.getByLabel("À", { exact: true }).fill("accounts@thorntonhale.example");
    await page.getByRole("heading", { name: "Thornton & Hale Ltd", level: 2 }).waitFor({ timeout: 20_000 });
    expect(await page.getByText("Langue du client : anglais").count()).toBe(1);
    await page.getByLabel("À", { exact: true }).fill("fournier.mazeres@example.com");
    const choose = page.getByLabel("Plusieurs clients possibles : lequel ?");
    await choose.waitFor({ timeout: 20_000 });
    expect((await choose.locator("option").allInnerTexts()).sort()).toEqual(["Boulangerie Fournier", "SARL Fournier et Fils", "—"]);
  });

  it("falls back where Outlook lacks Mailbox 1.7 and 1.8: recipients read on demand, the statement left to the user", async () => {
    const page = await openCompose("&mailbox=1.5");
    const select = page.getByLabel("Message à écrire");
    await select.selectOption((await select.locator("option").filter({ hasText: /Cabinet Martin/ }).getAttribute("value"))!);
    await page.getByRole("button", { name: "Relire les destinataires" }).click();
    await page.getByRole("heading", { name: "Cabinet Martin Architecture", level: 2 }).waitFor({ timeout: 20_000 });
    await click(page, "Joindre le relevé", /ne sait pas joindre un fichier/);
    expect(await page.evaluate(() => window.relancesCompose!.attachments().length)).toBe(0);
  });

  it("speaks English where the display language is, and writes to an English customer in English", async () => {
    const page = await session().open("/outlook?mode=compose", { locale: "en-GB" });
    await page.getByRole("heading", { name: "Insert reminder", level: 1 }).waitFor({ timeout: 30_000 });
    const select = page.getByLabel("Message to write");
    await select.selectOption((await select.locator("option").filter({ hasText: /Thornton/ }).getAttribute("value"))!);
    await page.getByRole("heading", { name: "Thornton & Hale Ltd", level: 2 }).waitFor({ timeout: 30_000 });
    expect(await page.getByText("Customer's language: English").count()).toBe(1);
    await page.getByRole("button", { name: "Insert the reminder" }).click();
    await expect.poll(() => page.getByRole("status").innerText(), { timeout: 20_000 }).toMatch(/Reminder inserted/);
    const text = await bodyText(page);
    expect(text).toContain("F2026-045");
    expect(text).toMatch(/Dear/);
    expect(text).not.toMatch(/Madame|Cordialement/);
  });

  it("keeps a hostile customer's name, address and invoice number inert in the pane and in the body", async () => {
    const page = await openCompose();
    await write(page, /Pyrène/, /Pyrène <img/);
    await click(page, "Insérer la relance", /Relance insérée/);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const body = page.getByTestId("compose-body");
    expect(await body.locator("img, script, [onerror], [onmouseover]").count()).toBe(0);
    expect(await page.locator("main img, main script").count()).toBe(0);
    expect(await bodyText(page)).toContain(HOSTILE_INVOICE);
    expect(await page.getByTestId("compose-invoices").innerText()).toContain(HOSTILE_INVOICE);
    // The statement prints the name and the address: as text too.
    await click(page, "Joindre le relevé", /Relevé joint/);
    const [pdf] = await page.evaluate(() => window.relancesCompose!.attachments().map((a) => a.base64));
    const text = spaced((await pageTexts(new Uint8Array(Buffer.from(pdf!, "base64")))).join(" "));
    expect(text).toContain("<img src=x");
    expect(text).toContain("8 boulevard</b>");
  });

  it("has no serious or critical axe-core violation, the reminder inserted and attached; photographed", async () => {
    const page = await openCompose();
    await write(page, /Cabinet Martin/, "Cabinet Martin Architecture");
    await click(page, "Insérer la relance", /Relance insérée/);
    await click(page, "Joindre le relevé", /Relevé joint/);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const bad = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .filter((v) => v.nodes.some((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))));
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 200)).join(" | ")}`)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      document.querySelector("[data-testid=compose-body]")?.scrollTo(0, 0);
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });
});
