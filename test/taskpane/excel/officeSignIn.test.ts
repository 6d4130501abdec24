// The Excel pane's sign-in and where its files go, with Office as office-addin-mock gives it:
// nested app authentication where Office supports NestedAppAuth 1.1 (silent, then a popup, then the
// Office dialog when the popup is blocked), Office SSO's getAccessToken where it does not; and the
// files of an action saved next to the workbook in OneDrive when its URL is https, through a real
// HTTP server on loopback answering as the add-in server's API.
import { BrowserAuthError, InteractionRequiredAuthError, type AccountInfo, type Configuration, type IPublicClientApplication } from "@azure/msal-browser";
import express from "express";
import { OfficeMockObject } from "office-addin-mock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Microsoft365Config } from "../../../taskpane/shared/apiConfig";
import { createOfficeHost } from "../../../taskpane/excel/officeHost";
import { AUTH_DIALOG_PATH } from "../../../taskpane/excel/officeDialogToken";
import { officeTokenSource } from "../../../taskpane/excel/officeTokenSource";
import { installFakeExcel } from "./fakeExcel";
import { listenOnLoopback, type LoopbackServer } from "../loopbackServer";

const CONFIG: Microsoft365Config = {
  clientId: "0c7e4d92-61a5-4b3f-8e27-c9a1f05d3b68",
  tenantId: "5f1c2a7e-3b8d-4e61-9a0c-7d2e8b4f6a13",
  apiScope: "api://localhost:3000/0c7e4d92-61a5-4b3f-8e27-c9a1f05d3b68/access_as_user",
  authorityHost: "https://login.microsoftonline.com",
};
const ORIGIN = "https://localhost:3000";
const ACCOUNT = { homeAccountId: "h", environment: "login.microsoftonline.com", tenantId: CONFIG.tenantId, username: "claire.martin@cabinet-exemple.fr", localAccountId: "l" } as AccountInfo;

afterEach(() => {
  for (const name of ["Excel", "Office", "window"]) delete (globalThis as Record<string, unknown>)[name];
});

interface Dialog {
  url?: string;
  closed: boolean;
  handlers: Map<string, (arg: unknown) => void>;
}

interface OfficeOptions {
  readonly naa: boolean;
  readonly documentUrl?: string;
  readonly platform?: string;
  /** What the dialog's page sends back (a message), or the user closing it (12006). */
  readonly dialogAnswer?: { message: string } | { error: number };
  readonly ssoToken?: () => Promise<string>;
}

/**
 * Office's common API (Office.context, Office.auth) as office-addin-mock builds it. Its properties
 * are read without load(), as the mock does for hosts whose API has none: hence the "outlook" host.
 */
function installOffice(options: OfficeOptions): { dialog: Dialog; ssoCalls: unknown[]; requirements: string[] } {
  const dialog: Dialog = { closed: false, handlers: new Map() };
  const ssoCalls: unknown[] = [];
  const requirements: string[] = [];
  const office = new OfficeMockObject(
    {
      onReady: async () => ({ host: "Excel", platform: options.platform ?? "OfficeOnline" }),
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
      context: {
        displayLanguage: "fr-FR",
        platform: options.platform ?? "OfficeOnline",
        document: { url: options.documentUrl ?? "" },
        requirements: {
          isSetSupported: (name: string, version: string) => {
            requirements.push(`${name} ${version}`);
            return name === "NestedAppAuth" ? options.naa && version === "1.1" : name === "OpenBrowserWindowApi";
          },
        },
        ui: {
          openBrowserWindow: () => undefined,
          displayDialogAsync: (url: string, _options: unknown, callback: (result: unknown) => void) => {
            dialog.url = url;
            const value = {
              addEventHandler: (type: string, handler: (arg: unknown) => void) => dialog.handlers.set(type, handler),
              close: () => (dialog.closed = true),
            };
            callback({ status: "succeeded", value });
            // The page answers once the user has signed in.
            setTimeout(() => {
              const answer = options.dialogAnswer;
              if (answer === undefined) return;
              if ("message" in answer) dialog.handlers.get("dialogMessageReceived")?.(answer);
              else dialog.handlers.get("dialogEventReceived")?.(answer);
            }, 5);
          },
        },
      },
      auth: {
        getAccessToken: async (asked: unknown) => {
          ssoCalls.push(asked);
          return options.ssoToken === undefined ? "jeton-sso" : options.ssoToken();
        },
      },
    },
    "outlook" as never,
  );
  (globalThis as Record<string, unknown>).Office = office;
  return { dialog, ssoCalls, requirements };
}

/** msal's client as the tests script it: what silent and popup answer, and what was asked. */
class ScriptedClient {
  readonly calls: string[] = [];
  configuration?: Configuration;
  active: AccountInfo | null = null;
  constructor(
    readonly silent: () => Promise<string>,
    readonly popup: () => Promise<string> = async () => "jeton-popup",
  ) {}
  getActiveAccount = () => this.active;
  getAllAccounts = () => (this.active === null ? [] : [this.active]);
  setActiveAccount = (account: AccountInfo | null) => void (this.active = account);
  acquireTokenSilent = async (request: { scopes: string[]; forceRefresh?: boolean }) => {
    this.calls.push(`silent ${request.scopes.join(" ")}${request.forceRefresh ? " fresh" : ""}`);
    return { accessToken: await this.silent(), account: ACCOUNT };
  };
  acquireTokenPopup = async (request: { scopes: string[] }) => {
    this.calls.push(`popup ${request.scopes.join(" ")}`);
    return { accessToken: await this.popup(), account: ACCOUNT };
  };
  factory = async (configuration: Configuration) => {
    this.configuration = configuration;
    return this as unknown as IPublicClientApplication;
  };
}

const interactionRequired = () => Promise.reject(new InteractionRequiredAuthError("interaction_required", "c"));
const popupBlocked = () => Promise.reject(new BrowserAuthError("popup_window_error", "c"));

describe("the sign-in where Office supports nested app authentication", () => {
  it("asks msal silently for the API's scope, on the tenant's authority", async () => {
    const { requirements } = installOffice({ naa: true });
    const client = new ScriptedClient(async () => "jeton-silencieux");
    const tokens = officeTokenSource(CONFIG, ORIGIN, client.factory);
    expect(await tokens.token()).toBe("jeton-silencieux");
    expect(requirements).toContain("NestedAppAuth 1.1");
    expect(client.configuration?.auth).toMatchObject({ clientId: CONFIG.clientId, authority: `https://login.microsoftonline.com/${CONFIG.tenantId}` });
    expect(client.calls).toEqual([`silent ${CONFIG.apiScope}`]);
  });

  it("makes one msal instance, and asks a fresh token when told to", async () => {
    installOffice({ naa: true });
    let made = 0;
    const client = new ScriptedClient(async () => "jeton");
    const tokens = officeTokenSource(CONFIG, ORIGIN, async (c) => (made++, client.factory(c)));
    await tokens.token();
    await tokens.token({ fresh: true });
    expect(made).toBe(1);
    expect(client.calls).toEqual([`silent ${CONFIG.apiScope}`, `silent ${CONFIG.apiScope} fresh`]);
  });

  it("opens a popup when msal says interaction is required", async () => {
    const { dialog } = installOffice({ naa: true });
    const client = new ScriptedClient(interactionRequired);
    expect(await officeTokenSource(CONFIG, ORIGIN, client.factory).token()).toBe("jeton-popup");
    expect(client.calls).toEqual([`silent ${CONFIG.apiScope}`, `popup ${CONFIG.apiScope}`]);
    expect(dialog.url).toBeUndefined();
  });

  it("goes straight to the popup when asked interactively (the server wants consent or a verification)", async () => {
    installOffice({ naa: true });
    const client = new ScriptedClient(async () => "jeton-silencieux");
    expect(await officeTokenSource(CONFIG, ORIGIN, client.factory).token({ fresh: true, interactive: true })).toBe("jeton-popup");
    expect(client.calls).toEqual([`popup ${CONFIG.apiScope}`]);
  });

  it("opens the Office dialog when the popup is blocked, and keeps its token", async () => {
    const { dialog } = installOffice({ naa: true, dialogAnswer: { message: JSON.stringify({ accessToken: "jeton-dialogue" }) } });
    const client = new ScriptedClient(interactionRequired, popupBlocked);
    const tokens = officeTokenSource(CONFIG, ORIGIN, client.factory);
    expect(await tokens.token()).toBe("jeton-dialogue");
    expect(dialog.url).toBe(`${ORIGIN}${AUTH_DIALOG_PATH}`);
    expect(dialog.closed).toBe(true);
    expect(await tokens.token()).toBe("jeton-dialogue");
    expect(client.calls).toEqual([`silent ${CONFIG.apiScope}`, `popup ${CONFIG.apiScope}`]);
  });

  it("says so, French first, when the user closes the dialog", async () => {
    installOffice({ naa: true, dialogAnswer: { error: 12006 } });
    const client = new ScriptedClient(interactionRequired, popupBlocked);
    await expect(officeTokenSource(CONFIG, ORIGIN, client.factory).token()).rejects.toThrow(/^Fenêtre de connexion fermée\. \/ Sign-in window closed\.$/);
  });

  it("names a custom authority (the stand-in) as known to msal", async () => {
    installOffice({ naa: true });
    const client = new ScriptedClient(async () => "jeton");
    await officeTokenSource({ ...CONFIG, authorityHost: "https://localhost:4040" }, ORIGIN, client.factory).token();
    expect(client.configuration?.auth).toMatchObject({ authority: `https://localhost:4040/${CONFIG.tenantId}`, knownAuthorities: ["localhost:4040"] });
  });
});

describe("the sign-in where Office lacks NestedAppAuth 1.1", () => {
  it("asks Office SSO, with sign-in and consent prompts, for Graph on-behalf-of", async () => {
    const { ssoCalls } = installOffice({ naa: false });
    const client = new ScriptedClient(async () => "never");
    expect(await officeTokenSource(CONFIG, ORIGIN, client.factory).token()).toBe("jeton-sso");
    expect(ssoCalls).toEqual([{ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: true }]);
    expect(client.configuration).toBeUndefined();
  });

  it("tells Office's refusal in French first", async () => {
    installOffice({ naa: false, ssoToken: () => Promise.reject({ code: 13001, message: "internal detail" }) });
    await expect(officeTokenSource(CONFIG, ORIGIN).token()).rejects.toThrow(/^Connectez-vous à Office avec votre compte Microsoft 365\. \//);
  });
});

describe("where the Excel pane's files go with Microsoft 365 configured", () => {
  let server: LoopbackServer;
  let origin: string;
  const posted: { route: string; authorization?: string; body: { workbookUrl?: string; files: { path: string }[] } }[] = [];
  let oneDriveDown = false;

  beforeAll(async () => {
    const app = express();
    app.use(express.json({ limit: "5mb" }));
    app.get("/api/config", (_req, res) => void res.json({ microsoft365: true, ...CONFIG }));
    app.post("/api/onedrive/files", (req, res) => {
      posted.push({ route: "onedrive", authorization: req.headers.authorization, body: req.body });
      if (oneDriveDown) return void res.status(503).setHeader("Retry-After", "20").json({ error: { code: "graph_unavailable" } });
      res.json({ links: (req.body as { files: { path: string }[] }).files.map((f) => ({ path: f.path, url: `https://contoso.sharepoint.com/Relances/${f.path}` })) });
    });
    app.post("/api/files", (req, res) => {
      posted.push({ route: "local", body: req.body });
      res.status(201).json({ folder: "f", index: "/api/files/f/", links: [] });
    });
    server = await listenOnLoopback(app);
    origin = server.origin;
  });

  afterAll(async () => {
    await server.close();
  });

  const host = async (documentUrl: string, platform = "PC") => {
    installFakeExcel([{ name: "Suivi", cells: [["Client"]] }], "Suivi 2026.xlsx");
    installOffice({ naa: true, documentUrl, platform });
    (globalThis as Record<string, unknown>).window = { location: { origin }, fetch };
    posted.length = 0;
    return createOfficeHost({ createClient: new ScriptedClient(async () => "jeton-naa").factory });
  };
  const FILE = { path: "releves/releve-2026-06-30-sci-x.pdf", data: new Uint8Array([37, 80, 68, 70]), type: "application/pdf" };

  it("saves them next to a workbook in OneDrive, signed in, and gives their links", async () => {
    const pane = await host("https://contoso.sharepoint.com/Relances/Suivi%202026.xlsx");
    expect(pane.api).toBeDefined();
    const delivered = await pane.deliver([FILE]);
    expect(delivered).toEqual({ how: "onedrive", links: [{ path: FILE.path, url: `https://contoso.sharepoint.com/Relances/${FILE.path}` }] });
    expect(posted).toEqual([{ route: "onedrive", authorization: "Bearer jeton-naa", body: { workbookUrl: "https://contoso.sharepoint.com/Relances/Suivi%202026.xlsx", files: [{ path: FILE.path, type: "application/pdf", base64: "JVBERg==" }] } }]);
  });

  it("hands them over the local way when the workbook is a file on the disk", async () => {
    const pane = await host("C:\\Users\\claire\\Documents\\Suivi 2026.xlsx");
    const delivered = await pane.deliver([FILE]);
    expect(delivered.how).toBe("link");
    expect(posted.map((p) => p.route)).toEqual(["local"]);
  });

  it("still hands them over when OneDrive refuses, saying why in French first", async () => {
    oneDriveDown = true;
    try {
      const pane = await host("https://contoso.sharepoint.com/Relances/Suivi.xlsx");
      const delivered = await pane.deliver([FILE]);
      expect(posted.map((p) => p.route)).toEqual(["onedrive", "local"]);
      expect(delivered.how).toBe("link");
      expect(delivered.warning).toMatch(/^Fichiers non enregistrés dans OneDrive : Microsoft 365 est indisponible pour le moment\. Réessayez dans 20 s\. \/ Files not saved in OneDrive: Microsoft 365 is unavailable/);
    } finally {
      oneDriveDown = false;
    }
  });
});
