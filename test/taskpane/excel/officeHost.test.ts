// The Excel pane's host: its language from Office's, the workbook's name, and files handed to the
// user through the local server on the desktop (a link opened in the browser) or downloaded on the web.
import { afterEach, describe, expect, it, vi } from "vitest";
import { base64Of } from "../../../src/engine/base64";
import { deliverThroughServer } from "../../../taskpane/excel/officeFiles";
import { createOfficeHost, deliversThroughServer, paneLanguage } from "../../../taskpane/excel/officeHost";
import { installFakeExcel } from "./fakeExcel";

afterEach(() => {
  for (const name of ["Excel", "Office", "window"]) delete (globalThis as Record<string, unknown>)[name];
});

function installOffice(displayLanguage: string, platform: string, openBrowser = true): { opened: string[] } {
  const opened: string[] = [];
  installFakeExcel([{ name: "Suivi", cells: [["Client"]] }], "Suivi 2026.xlsx");
  // A server without Microsoft 365: GET /api/config is not there.
  (globalThis as Record<string, unknown>).window = { location: { origin: "https://localhost:3000" }, fetch: async () => new Response("Introuvable", { status: 404 }) };
  (globalThis as Record<string, unknown>).Office = {
    onReady: async () => ({ host: "Excel", platform }),
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    context: {
      displayLanguage,
      platform,
      requirements: { isSetSupported: (name: string) => name === "OpenBrowserWindowApi" && openBrowser },
      ui: { openBrowserWindow: (url: string) => opened.push(url) },
    },
  };
  return { opened };
}

describe("the pane's language", () => {
  it("is English when Office's display language is English, French otherwise", () => {
    expect(paneLanguage("en-US")).toBe("en");
    expect(paneLanguage("EN-gb")).toBe("en");
    expect(paneLanguage("fr-FR")).toBe("fr");
    expect(paneLanguage("de-DE")).toBe("fr");
    expect(paneLanguage(undefined)).toBe("fr");
  });
});

describe("createOfficeHost", () => {
  it("gives the workbook's name and Office's language", async () => {
    installOffice("en-US", "PC");
    const host = await createOfficeHost();
    expect(host.kind).toBe("excel");
    expect(host.language).toBe("en");
    expect(host.workbookName()).toBe("Suivi 2026.xlsx");
    expect(typeof host.setReferenceDate).toBe("function");
  });

  it("sends files through the local server on the desktop and opens the run's folder page", async () => {
    const { opened } = installOffice("fr-FR", "PC");
    const fetch = vi.fn(async () => new Response(JSON.stringify({ folder: "f", index: "/api/files/f/", links: [{ path: "releves/r.pdf", url: "/api/files/f/releves/r.pdf" }] }), { status: 201 }));
    (globalThis as Record<string, unknown>).window = { location: { origin: "https://localhost:3000" }, fetch };
    const host = await createOfficeHost();
    const delivered = await host.deliver([{ path: "releves/r.pdf", data: new Uint8Array([37, 80, 68, 70]), type: "application/pdf" }]);
    expect(delivered).toEqual({ how: "link", links: [{ path: "releves/r.pdf", url: "https://localhost:3000/api/files/f/releves/r.pdf" }] });
    expect(opened).toEqual(["https://localhost:3000/api/files/f/"]);
  });
});

describe("the live columns through the host", () => {
  const mapping = { headerRow: 1, columns: { customer: 0, number: 1, invoiceDate: 2, amount: 3, dueDate: 4, paid: 5 }, headers: {} };
  // A fresh table each time: the fake Excel writes into the arrays it is given.
  const tracking = (): (string | number)[][] => [["Client", "N° facture", "Date facture", "Montant TTC", "Échéance", "Réglé"], ["SCI X", "F-1", 46000, 1200, 46030, 0]];

  it("tells each column added and the aged balance's sheet, in the pane's language", async () => {
    installOffice("en-US", "PC");
    installFakeExcel([{ name: "Suivi", cells: tracking() }, { name: "Paramètres Relances", cells: [["Clé", "Valeur", "Description"]] }], "Suivi 2026.xlsx");
    const host = await createOfficeHost();
    const lines = await host.addLiveColumns!({ sheet: "Suivi", mapping, lastRow: 2, referenceDate: "2026-06-30", language: "en" });
    expect(lines).toEqual(["Days overdue : column G", "Ageing band : column H", "Next step : column I", "Aged balance at : sheet « Balance âgée »"]);
  });

  it("throws the problem's message when nothing could be added", async () => {
    installOffice("fr-FR", "PC");
    installFakeExcel([{ name: "Suivi", cells: tracking() }, { name: "Paramètres Relances", cells: [["Clé", "Valeur", "Description"]] }], "Suivi 2026.xlsx");
    const host = await createOfficeHost();
    const order = { sheet: "Suivi", mapping, lastRow: 2, referenceDate: "2026-06-30", language: "fr" as const };
    await host.addLiveColumns!(order);
    await expect(host.addLiveColumns!(order)).rejects.toThrow(/déjà sur la feuille/);
  });
});

describe("where files go", () => {
  it("goes through the server on the desktop only, where the browser can be opened", () => {
    expect(deliversThroughServer("PC", true)).toBe(true);
    expect(deliversThroughServer("Mac", true)).toBe(true);
    expect(deliversThroughServer("OfficeOnline", true)).toBe(false);
    expect(deliversThroughServer("PC", false)).toBe(false);
  });

  it("posts each file as base64 JSON, text as UTF-8", async () => {
    let sent: { files: { path: string; type: string; base64: string }[] } | undefined;
    const fetch = (async (_url: string, init: RequestInit) => {
      sent = JSON.parse(String(init.body));
      return new Response(JSON.stringify({ folder: "f", index: "/api/files/f/", links: [] }), { status: 201 });
    }) as unknown as typeof globalThis.fetch;
    await deliverThroughServer([{ path: "emails/m.eml", data: "Objet : relance é", type: "message/rfc822" }], { origin: "https://localhost:3000", fetch, open: () => undefined });
    expect(Buffer.from(sent!.files[0]!.base64, "base64").toString("utf8")).toBe("Objet : relance é");
    expect(base64Of(new Uint8Array(100_000).fill(255))).toBe(Buffer.alloc(100_000, 255).toString("base64"));
  });

  it("says what the server answered when it refuses", async () => {
    const fetch = (async () => new Response("Fichier 1 : chemin refusé", { status: 400 })) as unknown as typeof globalThis.fetch;
    await expect(deliverThroughServer([{ path: "../x.pdf", data: "x", type: "application/pdf" }], { origin: "https://localhost:3000", fetch, open: () => undefined })).rejects.toThrow(/400.*chemin refusé/);
  });
});
