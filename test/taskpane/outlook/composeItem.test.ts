// The compose pane's Office.js side with office-addin-mock: the recipients read and followed
// (RecipientsChanged, a late answer losing to a newer one), the reminder put at the cursor or as
// the body (HTML, or text in a plain-text message), the subject set only when empty, the
// statement attached, and what happens where Outlook lacks Mailbox 1.7 or 1.8 or refuses a call.
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import { attachFile, followRecipients, putReminder, readRecipients, subjectIfEmpty, type ComposeConstants, type ComposeItemLike } from "../../../taskpane/outlook/composeItem";

type Result<T> = { status: string; value: T; error?: { message: string } };
type Callback<T> = (r: Result<T>) => void;
const ok = <T>(value: T): Result<T> => ({ status: "succeeded", value });

const constants = (mailbox = 1.8): ComposeConstants => ({
  htmlCoercion: "html",
  textCoercion: "text",
  recipientsChanged: "olkRecipientsChanged",
  supports: (version) => Number(version) <= mailbox,
});

interface Recorded {
  calls: { api: string; data?: string; coercion?: unknown; name?: string }[];
  handlers: Map<unknown, () => void>;
  to: { emailAddress?: string; displayName?: string }[];
  subject: string;
  type: string;
  refuse?: string;
}

/** A compose item as Outlook's host gives it (properties read directly, no load/sync), recording its calls. */
function composeItem(start: Partial<Recorded> = {}): ComposeItemLike & { recorded: Recorded } {
  const recorded: Recorded = { calls: [], handlers: new Map(), to: [], subject: "", type: "html", ...start };
  const answer = <T>(api: string, value: T, callback: Callback<T>): void =>
    void setTimeout(() => callback(recorded.refuse === api ? { status: "failed", value: undefined as T, error: { message: "refusé par l'hôte" } } : ok(value)), 0);
  const outlook = "outlook" as ConstructorParameters<typeof OfficeMockObject>[1];
  const mock = new OfficeMockObject(
    {
      to: { getAsync: (cb: Callback<unknown>) => answer("to.getAsync", recorded.to.map((r) => ({ ...r })), cb) },
      subject: {
        getAsync: (cb: Callback<string>) => answer("subject.getAsync", recorded.subject, cb),
        setAsync(subject: string, cb: Callback<void>) {
          recorded.calls.push({ api: "subject.setAsync", data: subject });
          recorded.subject = subject;
          answer("subject.setAsync", undefined, cb);
        },
      },
      body: {
        getTypeAsync: (cb: Callback<string>) => answer("body.getTypeAsync", recorded.type, cb),
        setSelectedDataAsync(data: string, options: { coercionType: unknown }, cb: Callback<void>) {
          recorded.calls.push({ api: "body.setSelectedDataAsync", data, coercion: options.coercionType });
          answer("body.setSelectedDataAsync", undefined, cb);
        },
        setAsync(data: string, options: { coercionType: unknown }, cb: Callback<void>) {
          recorded.calls.push({ api: "body.setAsync", data, coercion: options.coercionType });
          answer("body.setAsync", undefined, cb);
        },
      },
      addFileAttachmentFromBase64Async(base64: string, name: string, options: { isInline: boolean }, cb: Callback<string>) {
        recorded.calls.push({ api: "addFileAttachmentFromBase64Async", data: base64, name, coercion: options.isInline });
        answer("addFileAttachmentFromBase64Async", "AAMkAttachment1", cb);
      },
      addHandlerAsync(type: unknown, handler: () => void) {
        recorded.handlers.set(type, handler);
      },
    },
    outlook,
  ) as unknown as ComposeItemLike;
  return Object.assign(mock, { recorded });
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));
const reminder = { html: "<p>Madame, Monsieur, F2026-049 : 7&nbsp;840,00 €</p>", text: "Madame, Monsieur, F2026-049 : 7 840,00 €" };

describe("readRecipients", () => {
  it("reads the To recipients with an address, lower case", async () => {
    const item = composeItem({ to: [{ emailAddress: "Contact@Martin-Architecture.example", displayName: "Cabinet Martin" }, { displayName: "sans adresse" }] });
    expect(await readRecipients(item)).toEqual([{ address: "contact@martin-architecture.example", name: "Cabinet Martin" }]);
  });

  it("fails, saying so, when Outlook refuses", async () => {
    await expect(readRecipients(composeItem({ refuse: "to.getAsync" }))).rejects.toThrow(/Destinataires illisibles.*refusé par l'hôte/);
  });
});

describe("followRecipients", () => {
  it("reads the recipients again on RecipientsChanged (Mailbox 1.7)", async () => {
    const item = composeItem({ to: [{ emailAddress: "a@x.example" }] });
    const seen: string[][] = [];
    expect(followRecipients(item, constants(), (r) => seen.push(r.map((x) => x.address)), (e) => { throw e; })).toBe(true);
    item.recorded.to = [{ emailAddress: "gestion@sci-lestilleuls.example" }];
    item.recorded.handlers.get("olkRecipientsChanged")!();
    await tick();
    expect(seen).toEqual([["gestion@sci-lestilleuls.example"]]);
  });

  it("keeps the newest reading when an older one answers after it", async () => {
    const item = composeItem();
    const seen: string[][] = [];
    followRecipients(item, constants(), (r) => seen.push(r.map((x) => x.address)), (e) => { throw e; });
    const handler = item.recorded.handlers.get("olkRecipientsChanged")!;
    item.recorded.to = [{ emailAddress: "old@x.example" }];
    handler();
    item.recorded.to = [{ emailAddress: "new@x.example" }];
    handler();
    await tick();
    expect(seen).toEqual([["new@x.example"]]);
  });

  it("registers nothing before Mailbox 1.7: the pane offers to read again", () => {
    const item = composeItem();
    expect(followRecipients(item, constants(1.5), () => undefined, () => undefined)).toBe(false);
    expect(item.recorded.handlers.size).toBe(0);
  });
});

describe("putReminder", () => {
  it("inserts the HTML at the cursor", async () => {
    const item = composeItem();
    expect(await putReminder(item, constants(), reminder, "cursor")).toBe("html");
    expect(item.recorded.calls).toEqual([{ api: "body.setSelectedDataAsync", data: reminder.html, coercion: "html" }]);
  });

  it("replaces the body", async () => {
    const item = composeItem();
    await putReminder(item, constants(), reminder, "replace");
    expect(item.recorded.calls).toEqual([{ api: "body.setAsync", data: reminder.html, coercion: "html" }]);
  });

  it("puts the text version in a plain-text message", async () => {
    const item = composeItem({ type: "text" });
    expect(await putReminder(item, constants(), reminder, "cursor")).toBe("text");
    expect(item.recorded.calls).toEqual([{ api: "body.setSelectedDataAsync", data: reminder.text, coercion: "text" }]);
  });

  it("fails, saying so, when Outlook refuses the insertion", async () => {
    await expect(putReminder(composeItem({ refuse: "body.setSelectedDataAsync" }), constants(), reminder, "cursor")).rejects.toThrow(/Insertion impossible \/ cannot insert/);
  });
});

describe("subjectIfEmpty", () => {
  it("sets the subject of a message without one", async () => {
    const item = composeItem();
    expect(await subjectIfEmpty(item, "Relance — facture échue F2026-049")).toBe(true);
    expect(item.recorded.subject).toBe("Relance — facture échue F2026-049");
  });

  it("leaves the user's subject alone", async () => {
    const item = composeItem({ subject: "Notre échange de ce matin" });
    expect(await subjectIfEmpty(item, "Relance")).toBe(false);
    expect(item.recorded.calls).toEqual([]);
  });
});

describe("attachFile", () => {
  it("attaches the statement from base64 (Mailbox 1.8), not inline", async () => {
    const item = composeItem();
    expect(await attachFile(item, constants(), "Releve-x-2026-06-30.pdf", "JVBERi0=")).toEqual({ attached: "AAMkAttachment1" });
    expect(item.recorded.calls).toEqual([{ api: "addFileAttachmentFromBase64Async", data: "JVBERi0=", name: "Releve-x-2026-06-30.pdf", coercion: false }]);
  });

  it("says unsupported before Mailbox 1.8, calling nothing", async () => {
    const item = composeItem();
    expect(await attachFile(item, constants(1.7), "r.pdf", "JVBERi0=")).toEqual({ unsupported: true });
    expect(item.recorded.calls).toEqual([]);
  });

  it("fails, saying so, when Outlook refuses the file", async () => {
    await expect(attachFile(composeItem({ refuse: "addFileAttachmentFromBase64Async" }), constants(), "r.pdf", "JVBERi0=")).rejects.toThrow(/Pièce jointe refusée/);
  });
});
