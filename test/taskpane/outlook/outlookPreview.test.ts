// The Outlook read pane in Debian's Chromium on /preview/outlook, over the real server and its
// embedded workbook (a copy of the sample, RELANCES_WORKBOOK): each of the four sample replies
// sorted in one click writes its journal lines into the file, a second click writes nothing,
// axe-core finds no serious or critical violation, and markup in a message stays text.
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { dayToIso } from "../../../src/core/day";
import type { JournalEntry } from "../../../src/core/journalEntry";
import { writeSampleWorkbook } from "../../../src/sample/sampleWorkbook";
import { readJournalOnly } from "../../../src/workbook/earlierRuns";
import { browserAvailable, skipReason } from "../previewSession";
import { embeddedWorkbookSession } from "./embeddedWorkbookSession";

const { session, file } = embeddedWorkbookSession(writeSampleWorkbook);

async function openOutlook(): Promise<Page> {
  const page = await session().open("/outlook");
  await page.getByRole("heading", { name: "Compte client" }).waitFor({ timeout: 30_000 });
  return page;
}

async function pick(page: Page, label: RegExp, customer: string): Promise<void> {
  const select = page.getByLabel("Message d'exemple");
  const value = await select.locator("option").filter({ hasText: label }).getAttribute("value");
  await select.selectOption(value!);
  await page.getByRole("heading", { name: customer, level: 2 }).waitFor({ timeout: 30_000 });
}

async function logTwice(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Enregistrer dans le journal" }).click();
  await expect.poll(() => page.getByRole("status").innerText(), { timeout: 20_000 }).toMatch(/ajoutées? au journal/);
  await page.getByRole("button", { name: "Enregistrer dans le journal" }).click();
  await expect.poll(() => page.getByRole("status").innerText(), { timeout: 20_000 }).toMatch(/Déjà au journal/);
}

async function linesOf(messageId: string): Promise<JournalEntry[]> {
  return (await readJournalOnly(file())).entries.filter((e) => e.reference === messageId);
}

describe.skipIf(!browserAvailable)(`the Outlook preview in Chromium${browserAvailable ? "" : ` (skipped: ${skipReason})`}`, () => {
  it("« déjà payé »: the date and the reference read from the text, the invoice it names held until matched; once", async () => {
    const page = await openOutlook();
    await pick(page, /Déjà payé/, "Delmas & Associés");
    expect(await page.getByRole("radio", { name: "Déjà payé" }).isChecked()).toBe(true);
    expect(await page.getByLabel("Date du paiement").inputValue()).toBe("2026-06-26");
    expect(await page.getByLabel("Référence du paiement").inputValue()).toBe("VIR-0626-DELMAS");
    await logTwice(page);
    const lines = await linesOf("preview-deja-paye");
    // The reply names F2026-033 (in its subject): Delmas's other open invoice is left as it was.
    expect(lines.map((l) => l.invoice)).toEqual(["F2026-033"]);
    for (const line of lines) {
      expect(line.note).toContain("VIR-0626-DELMAS");
      expect(dayToIso(line.announcedPayment!)).toBe("2026-06-26");
      expect(line.promiseDate).toBeUndefined();
    }
    // Read again, the pane shows the invoice held while the payment is matched.
    await expect.poll(() => page.getByText(/F2026-033 · .* · paiement annoncé, en rapprochement/).count(), { timeout: 20_000 }).toBe(1);
  });

  it("« promesse »: the promised date from the text on every open invoice; once", async () => {
    const page = await openOutlook();
    await pick(page, /Promesse/, "SCI Les Tilleuls");
    expect(await page.getByLabel("Date promise").inputValue()).toBe("2026-07-15");
    await logTwice(page);
    const lines = await linesOf("preview-promesse");
    expect(lines.map((l) => l.invoice)).toEqual(expect.arrayContaining(["F2026-027", "F2026-050"]));
    expect(lines.every((l) => dayToIso(l.promiseDate!) === "2026-07-15")).toBe(true);
    // The account's next step, as a French reader writes a date.
    await page.getByText("En attente jusqu'au 15/07/2026").waitFor({ timeout: 10_000 });
    // Without Outlook, the calendar reminder of the promise is an .ics file for the promised day.
    const download = page.waitForEvent("download", { timeout: 20_000 });
    await page.getByRole("button", { name: "Ajouter un rappel au calendrier" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^relances-promesse-[0-9a-z]+\.ics$/);
    const ics = readFileSync((await file.path())!, "utf8");
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain("\r\nDTSTART;VALUE=DATE:20260715\r\n");
    expect(ics.replace(/\r\n[ \t]/g, "")).toContain("SUMMARY:Relances : promesse de règlement — SCI Les Tilleuls\r\n");
    expect(ics.replace(/\r\n[ \t]/g, "")).toContain("F2026-027");
    expect(await linesOf("preview-promesse")).toHaveLength(lines.length);
  });

  it("« litige »: a dispute opened on the chosen invoice only; once", async () => {
    const page = await openOutlook();
    await pick(page, /Litige/, "Cabinet Martin Architecture");
    expect(await page.getByRole("radio", { name: "Litige" }).isChecked()).toBe(true);
    for (const box of await page.getByRole("checkbox").all()) {
      const label = await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? "");
      if (!label.includes("F2026-049")) await box.uncheck();
    }
    await page.getByLabel("Note").fill("travaux non terminés");
    await logTwice(page);
    const lines = await linesOf("preview-litige");
    expect(lines.map((l) => [l.invoice, l.dispute])).toEqual([["F2026-049", "ouvert"]]);
    expect(lines[0]!.note).toContain("travaux non terminés");
  });

  it("« absent »: the return date read from an English out-of-office; once", async () => {
    const page = await openOutlook();
    await pick(page, /Absent/, "Thornton & Hale Ltd");
    expect(await page.getByRole("radio", { name: "Absent" }).isChecked()).toBe(true);
    expect(await page.getByLabel("Date de retour").inputValue()).toBe("2026-07-20");
    await logTwice(page);
    const lines = await linesOf("preview-absent");
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => dayToIso(l.promiseDate!) === "2026-07-20")).toBe(true);
  });

  it("offers no workbook setting when Microsoft 365 is not configured: the server's file", async () => {
    const page = await openOutlook();
    await pick(page, /Promesse/, "SCI Les Tilleuls");
    expect(await page.getByRole("region", { name: "Classeur de suivi" }).count()).toBe(0);
  });

  it("takes a message the user types, for a workbook of their own: the sender's account and a suggestion from the text", async () => {
    const page = await openOutlook();
    const select = page.getByLabel("Message d'exemple");
    await select.selectOption((await select.locator("option").filter({ hasText: /Un message saisi/ }).getAttribute("value"))!);
    await page.getByLabel("De (adresse)").fill("julien.roux@example.com");
    await page.getByLabel("Objet").fill("RE: votre relance");
    await page.getByLabel("Texte").fill("Bonjour, je conteste cette facture : litige en cours avec votre technicien.");
    await page.getByRole("heading", { name: "M. Julien Roux", level: 2 }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByRole("radio", { name: "Litige" }).isChecked(), { timeout: 10_000 }).toBe(true);
  });

  it("logs nothing without a click", async () => {
    const page = await openOutlook();
    await pick(page, /piégé/, "Pyrène Promotion");
    expect(await linesOf("preview-hostile")).toEqual([]);
  });

  it("shows a message's markup as text: no element made, no script run", async () => {
    const page = await openOutlook();
    await pick(page, /piégé/, "Pyrène Promotion");
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("main img, main script, main b").count()).toBe(0);
    expect(await page.getByText('<img src=x onerror="window.__pwned=1">', { exact: false }).count()).toBeGreaterThan(0);
  });

  it("has no serious or critical axe-core violation", async () => {
    const page = await openOutlook();
    await pick(page, /Promesse/, "SCI Les Tilleuls");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const bad = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .filter((v) => v.nodes.some((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))));
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  });
});
