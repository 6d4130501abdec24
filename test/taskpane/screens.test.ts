// The Set-up, Report, Journal and Settings screens end to end, in the preview on Debian's Chromium:
// what each shows of the workbook, the corrections they save into « Paramètres Relances » read back
// by the engine, the report exported as a sheet, the journal filtered and grouped, the errors tied
// to their fields; axe-core on each screen, each photographed into docs/screenshots/.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cellValue";
import { dayFromIso, dayToExcelSerial } from "../../src/core/day";
import { JOURNAL_COLUMNS, JOURNAL_SHEET } from "../../src/core/journalEntry";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import { SAMPLE_AS_OF, writeSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { officeSheetsOf } from "../engine/officeWorkbook";
import { ROOT } from "../helpers/addin";
import { browserAvailable, openSheets, skipReason, startPreviewSession, type PreviewSession } from "./previewSession";

const SCREENSHOTS = path.join(ROOT, "docs", "screenshots");
const HOSTILE = "<img src=x onerror=alert(1)>";
const serial = (iso: string): number => dayToExcelSerial(dayFromIso(iso)!);

let session: PreviewSession;
let dir: string;
let sample: MemorySheet[];
const dialogs: string[] = [];

beforeAll(async () => {
  if (!browserAvailable) return;
  dir = await mkdtemp(path.join(tmpdir(), "relances-screens-"));
  const file = path.join(dir, "exemple.xlsx");
  await writeSampleWorkbook(file);
  [session, sample] = await Promise.all([startPreviewSession(), officeSheetsOf(file)]);
}, 120_000);

afterAll(async () => {
  await session?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function open(sheets?: readonly MemorySheet[], lang: "fr" | "en" = "fr"): Promise<Page> {
  const page = await session.open(`?asOf=${SAMPLE_AS_OF}&lang=${lang}`, { locale: lang === "en" ? "en-GB" : "fr-FR" });
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // The sample opens first; sheets given replace it once it is shown.
  await page.getByRole("tab").first().waitFor({ timeout: 30_000 });
  if (sheets !== undefined) {
    await openSheets(page, "essai.xlsx", sheets);
    await page.getByText("Classeur : essai.xlsx").or(page.getByText("Workbook: essai.xlsx")).waitFor({ timeout: 30_000 });
    await page.getByRole("tab").first().waitFor({ timeout: 30_000 });
  }
  return page;
}

async function screen(page: Page, name: RegExp): Promise<void> {
  await page.getByRole("tab", { name }).click();
}

/** A small workbook: a tracking sheet whose invoice number could be either of two columns, and a journal. */
function smallWorkbook(extra: MemorySheet[] = []): MemorySheet[] {
  return [
    {
      name: "Suivi 2026",
      values: [
        ["Suivi des encaissements", "", "", "", "", "", ""],
        ["Client", "Facture", "Date facture", "Échéance", "Montant TTC", "N° pièce", "E-mail"],
        ["Dupont SARL", "F-1", serial("2026-01-02"), serial("2026-02-01"), 1200, "P-1", "compta@dupont.example"],
        ["Martin SAS", "F-2", serial("2026-03-02"), serial("2026-04-01"), 800, "P-2", "compta@martin.example"],
      ],
    },
    ...extra,
  ];
}

describe.skipIf(!browserAvailable)(`the Set-up, Report, Journal and Settings screens${browserAvailable ? "" : ` (skipped: ${skipReason})`}`, () => {
  it("Set-up shows each sheet's columns and saves a corrected one, which the engine then reads", async () => {
    const page = await open(smallWorkbook());
    await screen(page, /Mise en place/);
    const form = page.getByTestId("mapping-form");
    await expect.poll(() => form.getByRole("heading").innerText()).toBe("Feuille « Suivi 2026 » — ligne d'en-tête 2");
    const number = form.getByLabel("N° facture (requis)");
    expect(await number.inputValue()).toBe("B");
    await number.selectOption("F");
    await form.getByRole("button", { name: "Enregistrer les colonnes" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Colonnes enregistrées" }).count()).toBeGreaterThan(0);
    // Read back from the settings sheet the save created: the column is now the saved one.
    await expect.poll(() => page.getByTestId("mapping-form").getByLabel("N° facture (requis)").inputValue()).toBe("F");
    expect(await page.getByTestId("mapping-form").getByText("colonne enregistrée dans « Paramètres Relances »").count()).toBe(1);
    await page.context().close();
  });

  it("Set-up refuses one column for two fields, the error tied to its field", async () => {
    const page = await open(smallWorkbook());
    await screen(page, /Mise en place/);
    const form = page.getByTestId("mapping-form");
    const email = form.getByLabel("E-mail", { exact: true });
    await email.selectOption("A");
    await form.getByRole("button", { name: "Enregistrer les colonnes" }).click();
    const message = "E-mail : la colonne A est déjà celle de « Client »";
    await expect.poll(() => form.getByText(message).count()).toBe(1);
    const described = (await email.getAttribute("aria-describedby")) ?? "";
    const texts = await Promise.all(described.split(" ").map((id) => page.locator(`[id="${id}"]`).innerText().catch(() => "")));
    expect(texts).toContain(message);
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    await page.context().close();
  });

  it("Set-up shows what the sender lacks before anything can go out", async () => {
    const page = await open(smallWorkbook());
    await screen(page, /Mise en place/);
    const sender = page.getByTestId("sender-status");
    await expect.poll(() => sender.innerText()).toContain("Rien ne peut partir : 2 relances dues attendent ces paramètres.");
    expect(await sender.innerText()).toContain("raison sociale (societe_raison_sociale)");
    expect(await sender.innerText()).toContain("IBAN (règlement par virement) (societe_iban) — nécessaire à : Relance 1 par email (2)");
    await page.context().close();
  });

  it("Set-up finds the sample's sender complete, and offers no live columns in the preview", async () => {
    const page = await open(sample);
    await screen(page, /Mise en place/);
    await expect.poll(() => page.getByTestId("sender-status").innerText()).toContain("L'expéditeur est complet");
    expect(await page.getByText("Ajouter les colonnes dynamiques").count()).toBe(0);
    await page.context().close();
  });

  it("Report shows the D441-6 table and exports it as a sheet of its own", async () => {
    const page = await open(sample);
    await screen(page, /Rapport/);
    const delays = page.getByTestId("report-delays");
    await delays.waitFor({ timeout: 30_000 });
    const headers = await delays.locator("thead th").allInnerTexts();
    expect(headers).toEqual(["1 à 30 jours", "31 à 60 jours", "61 à 90 jours", "91 jours et plus", "Total (1 jour et plus)"]);
    expect(await delays.locator("tbody th").allInnerTexts()).toEqual([
      "Nombre de factures concernées",
      "Montant total des factures concernées (TTC)",
      "Pourcentage du chiffre d'affaires TTC de l'exercice",
    ]);
    expect(await page.getByTestId("report-ageing").locator("tbody tr").count()).toBe(6);
    await page.getByTestId("report-export").click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Rapport ajouté à la feuille « Rapport Relances »" }).count()).toBeGreaterThan(0);
    await screen(page, /Mise en place/);
    await expect.poll(() => page.getByTestId("sheets-left-out").innerText()).toContain("Rapport Relances");
    await page.context().close();
  });

  it("Journal lists the last actions first, filters them and groups them by customer and by invoice", async () => {
    const journal: MemorySheet = {
      name: JOURNAL_SHEET,
      values: [
        [...JOURNAL_COLUMNS],
        [serial("2026-05-05"), "Dupont SARL", "F-1", "Relance 1", "email", "", "", "", "", ""],
        [serial("2026-05-20"), HOSTILE, "F-2", "Relance 1", "email", "", "", "", "", ""],
        [serial("2026-06-01"), "dupont sarl", "F-1", "", "téléphone", "", serial("2026-07-10"), "", "promet de payer", ""],
      ] as CellValue[][],
    };
    const page = await open(smallWorkbook([journal]));
    await screen(page, /Journal/);
    const lines = page.getByTestId("journal-lines");
    await lines.waitFor({ timeout: 30_000 });
    const firstCells = await lines.locator("tbody tr").evaluateAll((rows) => rows.map((r) => (r.children[0] as HTMLElement).innerText));
    expect(firstCells).toEqual(["01/06/2026", "20/05/2026", "05/05/2026"]);
    expect(await lines.innerText()).toContain(HOSTILE);
    expect(await page.locator("img[src=x]").count()).toBe(0);
    await page.getByTestId("journal-search").fill("DUPONT");
    await expect.poll(() => page.getByTestId("journal-count").innerText()).toBe("2 lignes affichées sur 2");
    await page.getByRole("tab", { name: "Par client" }).click();
    await expect.poll(() => page.getByTestId("journal-group").count()).toBe(1);
    expect(await page.getByTestId("journal-group").innerText()).toContain("2 actions, la dernière le 01/06/2026 ; niveau le plus haut : Relance 1");
    await page.getByTestId("journal-search").fill("");
    await page.getByRole("tab", { name: "Par facture" }).click();
    await expect.poll(() => page.getByTestId("journal-group").count()).toBe(2);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it("Settings names the field of a value it refuses, and saves a valid one into the settings sheet", async () => {
    const page = await open(sample);
    await screen(page, /Paramètres/);
    const delay = page.getByLabel("Relance 2 : jours après la relance 1");
    await delay.waitFor({ timeout: 30_000 });
    const before = await delay.inputValue();
    await delay.fill("dix");
    await page.getByRole("button", { name: "Enregistrer les paramètres" }).click();
    const message = "Relance 2 : jours après la relance 1 : «dix» n'est pas un nombre de jours";
    await expect.poll(() => page.getByText(message).count()).toBe(1);
    expect(await delay.getAttribute("aria-invalid")).toBe("true");
    const described = (await delay.getAttribute("aria-describedby")) ?? "";
    const texts = await Promise.all(described.split(" ").map((id) => page.locator(`[id="${id}"]`).innerText().catch(() => "")));
    expect(texts).toContain(message);
    expect(await delay.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByTestId("settings-outcome").innerText()).toContain("1 champs à corriger");

    const next = String(Number(before) + 2);
    await delay.fill(next);
    await page.getByLabel("Raison sociale").fill("Bâtir & Fils");
    await page.getByRole("button", { name: "Enregistrer les paramètres" }).click();
    await expect.poll(() => page.getByTestId("settings-outcome").innerText()).toBe("Paramètres enregistrés dans « Paramètres Relances » (2).");
    // The form starts again from the workbook as read back: the values are the sheet's now.
    await screen(page, /Aujourd'hui/);
    await screen(page, /Paramètres/);
    expect(await page.getByLabel("Relance 2 : jours après la relance 1").inputValue()).toBe(next);
    expect(await page.getByLabel("Raison sociale").inputValue()).toBe("Bâtir & Fils");
    await page.context().close();
  });

  it("speaks English when the pane does", async () => {
    const page = await open(smallWorkbook(), "en");
    await screen(page, /Set-up/);
    await expect.poll(() => page.getByTestId("mapping-form").getByLabel("Invoice number (required)").inputValue()).toBe("B");
    await screen(page, /Settings/);
    await page.getByLabel("Reminder 2: days after reminder 1").fill("");
    await page.getByRole("button", { name: "Save the settings" }).click();
    await expect.poll(() => page.getByText("Reminder 2: days after reminder 1: a value is required").count()).toBe(1);
    await page.context().close();
  });

  it("has no serious or critical axe-core violation on its four screens, each photographed", async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const page = await open();
    for (const [id, name] of [["setup", /Mise en place/], ["report", /Rapport/], ["journal", /Journal/], ["settings", /Paramètres/]] as const) {
      await screen(page, name);
      await page.locator("main h2").waitFor();
      await page.waitForTimeout(500);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const bad = results.violations.filter((v) => (v.impact === "serious" || v.impact === "critical") && v.nodes.some((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))));
      expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), id).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${id}.png`), fullPage: true });
    }
    await page.context().close();
  }, 90_000);
});
