// The add-in server's security headers, over real HTTPS, and what they do in real headless Chromium
// (Debian's, driven by playwright-core): Office's hosts may frame the task pane, no other page may;
// the pane runs Office.js from Microsoft's CDN and no script from elsewhere.
import { createHash, X509Certificate } from "node:crypto";
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import express from "express";
import { readServerConfig } from "../../src/server/config";
import { OFFICE_FRAME_ANCESTORS } from "../../src/server/securityHeaders";
import { createAddinApp, signInOrigins } from "../../src/server/server";
import { DIST, distExists } from "../helpers/addin";
import { startTestServer, type TestServer } from "./addinServerClient";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const browserAvailable = existsSync(CHROMIUM) && distExists();
const skipReason = existsSync(CHROMIUM) ? "dist/ not built" : "Debian chromium not installed";

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of String(header ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

let test: TestServer;

beforeAll(async () => {
  test = await startTestServer();
});

afterAll(async () => {
  await test?.close();
});

describe("security headers", () => {
  const pages = ["/taskpane/taskpane.html", "/functions/functions.html"];

  it("give the pages a Content-Security-Policy that lets only Office's hosts frame them", async () => {
    for (const page of pages) {
      const csp = directives((await test.get(page)).headers["content-security-policy"]);
      const ancestors = csp.get("frame-ancestors");
      expect(ancestors, page).toEqual(OFFICE_FRAME_ANCESTORS);
      for (const host of ["https://*.officeapps.live.com", "https://*.sharepoint.com", "https://*.office.com"]) expect(ancestors, page).toContain(host);
      for (const source of ancestors ?? []) expect(source, page).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\.[a-z]+$/);
      expect(csp.get("default-src"), page).toEqual(["'self'"]);
      expect(csp.get("object-src"), page).toEqual(["'none'"]);
    }
  });

  it("let the pages run scripts from themselves and from Microsoft's Office.js CDN only, never inline", async () => {
    for (const page of pages) {
      const csp = directives((await test.get(page)).headers["content-security-policy"]);
      expect(csp.get("script-src"), page).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
      expect(csp.get("script-src-attr"), page).toEqual(["'none'"]);
    }
  });

  it("send HSTS for a year, and no X-Frame-Options, which would refuse Office's frame", async () => {
    for (const raw of [...pages, "/functions/functions.json", "/assets/icon-32.png", "/", "/nope"]) {
      const reply = await test.get(raw);
      expect(reply.headers["strict-transport-security"], raw).toMatch(/^max-age=(\d+); includeSubDomains$/);
      const maxAge = Number(/max-age=(\d+)/.exec(String(reply.headers["strict-transport-security"]))![1]);
      expect(maxAge, raw).toBeGreaterThanOrEqual(365 * 24 * 3600);
      expect(reply.headers["x-frame-options"], raw).toBeUndefined();
      expect(reply.headers["x-content-type-options"], raw).toBe("nosniff");
      expect(reply.headers["x-powered-by"], raw).toBeUndefined();
    }
  });

  it("let Office's pages load the add-in's files cross-origin, and nothing else", async () => {
    for (const raw of ["/assets/icon-32.png", "/taskpane/taskpane.html", "/functions/functions.js"]) {
      expect((await test.get(raw)).headers["cross-origin-resource-policy"], raw).toBe("cross-origin");
    }
    expect((await test.get("/nope")).headers["cross-origin-resource-policy"]).toBe("same-origin");
  });
});

describe("the sign-in's origin in connect-src", () => {
  const configured = { AZURE_TENANT_ID: "5f1c2a7e-3b8d-4e61-9a0c-7d2e8b4f6a13", AZURE_CLIENT_ID: "0c7e4d92-61a5-4b3f-8e27-c9a1f05d3b68", AZURE_CLIENT_SECRET: "s" };

  it("lets the pages fetch the authority once Microsoft 365 is configured, and only their own origin otherwise", () => {
    expect(signInOrigins(readServerConfig({ ...configured, AUTHORITY_HOST: "https://localhost:4040" }))).toEqual(["https://localhost:4040"]);
    expect(signInOrigins(readServerConfig(configured))).toEqual(["https://login.microsoftonline.com"]);
    expect(signInOrigins(readServerConfig({}))).toEqual([]);
  });

  it("is in the header the pages get", async () => {
    const app = createAddinApp(DIST, undefined, undefined, express.Router(), ["https://login.microsoftonline.com"]);
    const answer = await new Promise<string>((resolve, reject) => {
      const server = app.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo;
        fetch(`http://127.0.0.1:${port}/taskpane/taskpane.html`)
          .then((r) => resolve(r.headers.get("content-security-policy") ?? ""), reject)
          .finally(() => server.close());
      });
    });
    expect(directives(answer).get("connect-src")).toEqual(["'self'", "https://login.microsoftonline.com"]);
  });
});

describe.skipIf(!browserAvailable)(`Content-Security-Policy in Chromium${browserAvailable ? "" : ` (skipped: ${skipReason})`}`, () => {
  let browser: Browser;

  beforeAll(async () => {
    const spki = createHash("sha256")
      .update(new X509Certificate(test.server.certificate.cert).publicKey.export({ type: "spki", format: "der" }))
      .digest("base64");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", `--ignore-certificate-errors-spki-list=${spki}`,
        // Chromium asks the user before a public page may frame localhost (Local Network Access);
        // there is no one to ask here, and it is the CSP's answer that these tests read.
        "--disable-features=LocalNetworkAccessChecks",
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const paneUrl = () => `${test.server.url}taskpane/taskpane.html`;

  /**
   * A page at `origin` (answered by Playwright: nothing leaves the machine) framing the task pane:
   * whether the pane shows in the frame, and what the console said about frame-ancestors.
   */
  async function frameFrom(origin: string): Promise<{ shown: boolean; refusals: string[] }> {
    const page = await browser.newPage();
    const refusals: string[] = [];
    page.on("console", (message) => {
      if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
    });
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
    await page.route(`${origin}/**`, (route) =>
      route.fulfill({ contentType: "text/html", body: `<!DOCTYPE html><iframe id="pane" src="${paneUrl()}"></iframe>` }),
    );
    // "load" waits for the frame too, whether it shows the pane or Chromium's error page.
    await page.goto(`${origin}/host.html`, { waitUntil: "load" });
    const frame = await (await page.locator("#pane").elementHandle())!.contentFrame();
    const shown = (await frame!.locator("h1", { hasText: "Relances" }).count()) === 1;
    await page.close();
    return { shown, refusals };
  }

  it("shows the task pane framed by Excel on the web, SharePoint and cloud.microsoft", async () => {
    for (const origin of ["https://excel.officeapps.live.com", "https://contoso.sharepoint.com", "https://excel.cloud.microsoft"]) {
      const { shown, refusals } = await frameFrom(origin);
      expect(shown, origin).toBe(true);
      expect(refusals, origin).toEqual([]);
    }
  });

  it("refuses to be framed by any other page", async () => {
    for (const origin of ["https://attacker.example", "https://office.com.attacker.example"]) {
      const { shown, refusals } = await frameFrom(origin);
      expect(shown, origin).toBe(false);
      expect(refusals.join("\n"), origin).toMatch(/violates the following Content Security Policy directive/);
    }
  });

  it("runs Office.js from Microsoft's CDN in the pane, and blocks a script from any other origin", async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ contentType: "text/javascript", body: "window.__officeJs = true;" }),
    );
    await page.route("https://cdn.example/**", (route) => route.fulfill({ contentType: "text/javascript", body: "window.__foreign = true;" }));
    await page.goto(paneUrl());
    await page.locator("#functions-list:not([hidden])").waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { __officeJs?: boolean }).__officeJs)).toBe(true);
    expect(violations).toEqual([]);

    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const script = document.createElement("script");
          script.src = "https://cdn.example/x.js";
          script.onload = script.onerror = () => resolve();
          document.head.append(script);
        }),
    );
    expect(await page.evaluate(() => (window as unknown as { __foreign?: boolean }).__foreign)).toBeUndefined();
    expect(violations.join("\n")).toMatch(/cdn\.example/);
    await page.close();
  });
});
