// The Excel pane's page as Excel would load it (taskpane/pane.html from the real server, in
// Debian's Chromium): served with its bundle, and, where office.js cannot be had (outside Excel, or
// Microsoft's CDN unreachable), a message that says so and points at the preview, not a blank pane.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, skipReason, startPreviewSession, type PreviewSession } from "./previewSession";

let session: PreviewSession | undefined;

beforeAll(async () => {
  if (browserAvailable) session = await startPreviewSession();
}, 60_000);

afterAll(async () => {
  await session?.close();
});

describe.skipIf(!browserAvailable)(`the Excel pane's page${browserAvailable ? "" : ` (skipped: ${skipReason})`}`, () => {
  it("says, French first, that it needs Excel and where the preview is, when office.js cannot be loaded", async () => {
    const page = await session!.open();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    // No network here: Microsoft's CDN refused, as it is when Excel is not around.
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
    const reply = await page.goto(`${session!.server.url.replace(/\/$/, "")}/taskpane/pane.html`);
    expect(reply?.status()).toBe(200);
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 20_000 });
    const text = await alert.textContent();
    expect(text).toMatch(/^Relances ne peut pas lire ce classeur ici : ouvrez ce volet dans Excel/);
    expect(text).toContain("/preview");
    expect(text).toContain("Relances cannot read this workbook here");
    expect(errors).toEqual([]);
  }, 60_000);
});
