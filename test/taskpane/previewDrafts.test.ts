// The preview's e-mail action with the server configured against the loopback stand-in of
// Microsoft 365: Chromium, the real add-in server with its API (configuration from the environment,
// as `npm start` reads it), the stand-in's authority and Graph. The pane takes its token from the
// stand-in, the server drafts through Graph, and the journal names each draft by its id; a second
// action the same day drafts nothing. axe finds no serious or critical violation on the summary.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOURNAL_SHEET } from "../../src/core/journalEntry";
import type { PlanJson } from "../../src/core/planJson";
import { SAMPLE_AS_OF } from "../../src/sample/sampleWorkbook";
import { getDevCertificate } from "../../src/server/devCertificate";
import { STANDIN_PARTS } from "../../src/standin/standinParts";
import { startStandin, type Standin } from "../../src/standin/standinServer";
import { STANDIN_USER } from "../../src/standin/standinTenant";
import { planFromArrays } from "../../src/engine/browserEntry";
import { sampleSheets } from "../engine/paneFixtures";
import { browserAvailable, downloadWorkbook, runAction, sheetRows, startPreviewSession, waitForWorklist, type PreviewSession } from "./previewSession";

const REFERENCE = 5;
const CHANNEL = 4;

let standin: Standin | undefined;
let session: PreviewSession | undefined;
let mailed: PlanJson["actions"] = [];

beforeAll(async () => {
  if (!browserAvailable) return;
  // One certificate for the stand-in and the add-in server: the browser trusts both origins.
  const certificate = await getDevCertificate({ dir: process.env.RELANCES_STANDIN_CERT_DIR, env: {} });
  standin = await startStandin({ env: process.env, parts: STANDIN_PARTS, certificate });
  // The server reads its configuration from the environment (SPEC section 9), as `npm start` does.
  Object.assign(process.env, {
    AUTHORITY_HOST: standin.url,
    GRAPH_BASE_URL: standin.url,
    AZURE_TENANT_ID: standin.tenant.tenantId,
    AZURE_CLIENT_ID: standin.tenant.clientId,
    AZURE_CLIENT_SECRET: standin.tenant.clientSecret,
  });
  session = await startPreviewSession({ certificate });
  const { json } = await planFromArrays(await sampleSheets(), SAMPLE_AS_OF);
  mailed = (json?.actions ?? []).filter((a) => a.channel === "email" && a.level < 4);
}, 120_000);

afterAll(async () => {
  await session?.close();
  await standin?.close();
});

/** An app-only Graph token of the stand-in's tenant (client credentials), to read the mailbox. */
async function graphToken(): Promise<string> {
  const form = new URLSearchParams({ grant_type: "client_credentials", client_id: standin!.tenant.clientId, client_secret: standin!.tenant.clientSecret, scope: "https://graph.microsoft.com/.default" });
  const answer = (await (await fetch(`${standin!.url}/${standin!.tenant.tenantId}/oauth2/v2.0/token`, { method: "POST", body: form })).json()) as { access_token: string };
  return answer.access_token;
}

async function journal(page: Page): Promise<unknown[][]> {
  return sheetRows(await downloadWorkbook(page), JOURNAL_SHEET);
}

describe.skipIf(!browserAvailable)("the preview's e-mails as Outlook drafts through the stand-in", () => {
  it("drafts each e-mail reminder in the user's mailbox, journals its draft's id, and drafts nothing the second time", async () => {
    expect(mailed.length).toBeGreaterThan(0);
    const page = await session!.open(`?asOf=${SAMPLE_AS_OF}&lang=fr`);
    await waitForWorklist(page);
    const button = page.locator("[data-action=emails]");
    await expect.poll(() => button.innerText()).toBe("Brouillons Outlook");
    const before = await journal(page);

    await runAction(page, "emails");
    await expect.poll(() => page.getByTestId("summary-drafts").innerText()).toBe(`${mailed.length} ${mailed.length > 1 ? "brouillons créés" : "brouillon créé"} dans Outlook`);
    const added = (await journal(page)).slice(before.length);
    const lines = added.filter((row) => row[CHANNEL] === "email");
    expect(lines.map((row) => String(row[2])).sort()).toEqual(mailed.flatMap((a) => a.invoices).sort());
    const ids = new Set(lines.map((row) => String(row[REFERENCE])));
    expect(ids.size).toBe(mailed.length);
    for (const id of ids) expect(id).not.toMatch(/\.eml$/);

    // Each Référence is a draft in the user's own mailbox, by its immutable id as the drafts are made.
    const token = await graphToken();
    for (const id of ids) {
      const message = await fetch(`${standin!.url}/v1.0/users/${STANDIN_USER.id}/messages/${encodeURIComponent(id)}`, { headers: { Authorization: `Bearer ${token}`, Prefer: 'IdType="ImmutableId"' } });
      expect(message.status, id).toBe(200);
      const body = (await message.json()) as { id: string; isDraft?: boolean; subject?: string };
      expect(body.id).toBe(id);
      expect(body.isDraft).not.toBe(false);
    }

    const axe = await new AxeBuilder({ page }).include("[data-testid=action-summary]").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    // The same action the same day: the reminders are done, nothing more is drafted or journalled.
    const journalled = await journal(page);
    await runAction(page, "emails");
    expect(await journal(page)).toHaveLength(journalled.length);
    await page.context().close();
  }, 120_000);
});
