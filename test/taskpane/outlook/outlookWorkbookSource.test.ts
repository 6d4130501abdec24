// The Outlook preview in Debian's Chromium with the server configured against the loopback
// stand-in of Microsoft 365 (as `npm run m365-standin` and `npm start` set it): the pane offers
// its workbook setting, the user picks the stand-in's OneDrive workbook from the list, the
// sender's account is read from it, a triage click appends to its journal through Graph (read
// back from the stand-in's drive, the server's file left as it was) and a second click writes
// nothing twice; the choice stays across a reload (localStorage), a workbook OneDrive does not
// have is named in the error; axe-core finds no serious or critical violation. The read pane and
// its setting are photographed into docs/screenshots/outlook-read.png and outlook-setting.png.
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOURNAL_SHEET } from "../../../src/core/journalEntry";
import { writeSampleWorkbook } from "../../../src/sample/sampleWorkbook";
import { getDevCertificate } from "../../../src/server/devCertificate";
import { STANDIN_DRIVE, STANDIN_PARTS } from "../../../src/standin/standinParts";
import { startStandin, type Standin } from "../../../src/standin/standinServer";
import { STANDIN_USER } from "../../../src/standin/standinTenant";
import { readJournalOnly } from "../../../src/workbook/earlierRuns";
import { ROOT } from "../../helpers/addin";
import { browserAvailable, sheetRows, skipReason, startPreviewSession, type PreviewSession } from "../previewSession";

const SCREENSHOTS = path.join(ROOT, "docs", "screenshots");
const ONEDRIVE_PATH = "Compta/Suivi 2026.xlsx";
/** The journal's Référence column (SPEC section 4). */
const REFERENCE = 5;

let standin: Standin | undefined;
let session: PreviewSession | undefined;
let dir: string;
let serverFile: string;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  if (!browserAvailable) return;
  dir = await mkdtemp(path.join(tmpdir(), "relances-outlook-onedrive-"));
  serverFile = path.join(dir, "suivi-serveur.xlsx");
  await writeSampleWorkbook(serverFile);
  // One certificate for the stand-in and the add-in server: the browser trusts both origins.
  const certificate = await getDevCertificate({ dir: process.env.RELANCES_STANDIN_CERT_DIR, env: {} });
  standin = await startStandin({ env: process.env, parts: STANDIN_PARTS, certificate });
  STANDIN_DRIVE.put(STANDIN_USER, ONEDRIVE_PATH, await readFile(serverFile));
  const env = {
    RELANCES_WORKBOOK: serverFile,
    AUTHORITY_HOST: standin.url,
    GRAPH_BASE_URL: standin.url,
    AZURE_TENANT_ID: standin.tenant.tenantId,
    AZURE_CLIENT_ID: standin.tenant.clientId,
    AZURE_CLIENT_SECRET: standin.tenant.clientSecret,
  };
  for (const key of Object.keys(env)) saved[key] = process.env[key];
  Object.assign(process.env, env);
  session = await startPreviewSession({ certificate });
}, 120_000);

afterAll(async () => {
  await session?.close();
  await standin?.close();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

const setting = (page: Page) => page.getByRole("region", { name: "Classeur de suivi" });

async function openOutlook(page?: Page): Promise<Page> {
  const opened = page ?? (await session!.open("/outlook"));
  await opened.getByRole("heading", { name: "Compte client" }).waitFor({ timeout: 30_000 });
  return opened;
}

async function pick(page: Page, label: RegExp, customer: string): Promise<void> {
  const select = page.getByLabel("Message d'exemple");
  const value = await select.locator("option").filter({ hasText: label }).getAttribute("value");
  await select.selectOption(value!);
  await page.getByRole("heading", { name: customer, level: 2 }).waitFor({ timeout: 30_000 });
}

async function chooseOneDrive(page: Page, typed?: string): Promise<void> {
  await setting(page).getByRole("button", { name: "Changer de classeur" }).click();
  await page.getByRole("radio", { name: "OneDrive ou SharePoint" }).check();
  if (typed !== undefined) {
    await page.getByLabel("Adresse de partage ou chemin dans OneDrive").fill(typed);
  } else {
    await page.getByRole("button", { name: "Choisir dans OneDrive" }).click();
    const list = page.getByLabel("Classeurs de votre OneDrive");
    await list.waitFor({ timeout: 20_000 });
    await list.selectOption({ label: ONEDRIVE_PATH });
  }
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
}

/** The Référence column of the OneDrive workbook's journal, as the stand-in holds it now. */
async function oneDriveReferences(): Promise<string[]> {
  const bytes = await STANDIN_DRIVE.readCurrent(STANDIN_USER, ONEDRIVE_PATH);
  return (await sheetRows(Buffer.from(bytes!), JOURNAL_SHEET)).slice(1).map((row) => String(row[REFERENCE] ?? ""));
}

describe.skipIf(!browserAvailable)(`the Outlook preview on OneDrive through the stand-in${browserAvailable ? "" : ` (skipped: ${skipReason})`}`, () => {
  it("reads the sender's account from the OneDrive workbook chosen, journals a triage there once, and keeps the choice", async () => {
    const page = await openOutlook();
    await expect.poll(() => setting(page).innerText(), { timeout: 20_000 }).toContain("Classeur de suivi : suivi-serveur.xlsx");
    await chooseOneDrive(page);
    await expect.poll(() => setting(page).innerText(), { timeout: 20_000 }).toContain("Classeur de suivi : Suivi 2026.xlsx");

    await pick(page, /Promesse/, "SCI Les Tilleuls");
    expect(await page.getByLabel("Date promise").inputValue()).toBe("2026-07-15");
    const before = await oneDriveReferences();
    await page.getByRole("button", { name: "Enregistrer dans le journal" }).click();
    await expect.poll(() => page.getByRole("status").innerText(), { timeout: 20_000 }).toMatch(/3 lignes ajoutées au journal/);
    const after = await oneDriveReferences();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual(["preview-promesse", "preview-promesse", "preview-promesse"]);
    // The account is read again from OneDrive: the three invoices now show the promise.
    await expect.poll(() => page.getByRole("checkbox", { name: /promesse/ }).count(), { timeout: 20_000 }).toBe(3);

    await mkdir(SCREENSHOTS, { recursive: true });
    // The pane itself, without the preview's message picker above it.
    await page.locator(".fui-FluentProvider").first().screenshot({ path: path.join(SCREENSHOTS, "outlook-read.png") });

    await page.getByRole("button", { name: "Enregistrer dans le journal" }).click();
    await expect.poll(() => page.getByRole("status").innerText(), { timeout: 20_000 }).toMatch(/Déjà au journal/);
    expect(await oneDriveReferences()).toEqual(after);
    expect((await readJournalOnly(serverFile)).entries.filter((e) => e.reference === "preview-promesse")).toEqual([]);

    // The choice is the pane's setting: it is there again in the next pane.
    await page.reload();
    await openOutlook(page);
    await expect.poll(() => setting(page).innerText(), { timeout: 20_000 }).toContain("Classeur de suivi : Suivi 2026.xlsx");
    await page.context().close();
  }, 120_000);

  it("names the workbook when OneDrive does not have it, and goes back to the server's file", async () => {
    const page = await openOutlook();
    await chooseOneDrive(page, "Compta/Suivi 2025.xlsx");
    await expect.poll(() => page.getByText(/^Classeur « Suivi 2025\.xlsx » :/).innerText(), { timeout: 20_000 }).toBe(
      "Classeur « Suivi 2025.xlsx » : Classeur introuvable sur OneDrive ou SharePoint. / Workbook « Suivi 2025.xlsx »: Workbook not found on OneDrive or SharePoint.",
    );
    await setting(page).getByRole("button", { name: "Changer de classeur" }).click();
    await page.getByRole("radio", { name: "Fichier du serveur (par défaut)" }).check();
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect.poll(() => setting(page).innerText(), { timeout: 20_000 }).toContain("Classeur de suivi : suivi-serveur.xlsx");
    await page.context().close();
  }, 60_000);

  it("has no serious or critical axe-core violation, the setting open", async () => {
    const page = await openOutlook();
    await pick(page, /Litige/, "Cabinet Martin Architecture");
    await setting(page).getByRole("button", { name: "Changer de classeur" }).click();
    await page.getByRole("radio", { name: "OneDrive ou SharePoint" }).check();
    await page.getByRole("button", { name: "Choisir dans OneDrive" }).click();
    await page.getByLabel("Classeurs de votre OneDrive").selectOption({ label: ONEDRIVE_PATH });
    await mkdir(SCREENSHOTS, { recursive: true });
    await setting(page).screenshot({ path: path.join(SCREENSHOTS, "outlook-setting.png") });
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const bad = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .filter((v) => v.nodes.some((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))));
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
    await page.context().close();
  }, 60_000);
});
