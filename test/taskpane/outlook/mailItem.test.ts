// The read pane's Office.js side with office-addin-mock: the item and its body read, a null item
// (nothing selected in a pinned pane), ItemChanged reading the newly selected message.
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import { followSelectedItem, readMailItem, type MailboxLike, type MailMessage } from "../../../taskpane/outlook/mailItem";

const constants = { textCoercion: "text", itemChanged: "olkItemSelectedChanged" };

function item(id: string, body: string) {
  return {
    itemId: id,
    subject: "RE: Relance facture F2026-027",
    from: { emailAddress: "gestion@sci-lestilleuls.example", displayName: "Nadine Garrigues" },
    body: {
      getAsync(coercion: string, callback: (r: { status: string; value: string }) => void) {
        callback({ status: coercion === "text" ? "succeeded" : "failed", value: body });
      },
    },
  };
}

function mailbox(data: Record<string, unknown>): MailboxLike & { handlers: Map<unknown, () => void>; item: unknown } {
  const handlers = new Map<unknown, () => void>();
  // Outlook's host: properties are read directly, without Excel's load() and sync().
  const outlook = "outlook" as ConstructorParameters<typeof OfficeMockObject>[1];
  const mock = new OfficeMockObject(
    {
      ...data,
      addHandlerAsync(type: unknown, handler: () => void) {
        handlers.set(type, handler);
      },
    },
    outlook,
  ) as unknown as MailboxLike & { item: unknown };
  return Object.assign(mock, { handlers });
}

describe("readMailItem", () => {
  it("reads the id, the sender and the body as text", async () => {
    const box = mailbox({ item: item("AAMk-1", "Je vous règle le 15.") });
    expect(await readMailItem(box, constants)).toEqual({
      id: "AAMk-1",
      from: "gestion@sci-lestilleuls.example",
      fromName: "Nadine Garrigues",
      subject: "RE: Relance facture F2026-027",
      text: "Je vous règle le 15.",
    });
  });

  it("gives undefined when no item is selected", async () => {
    expect(await readMailItem({ item: null, addHandlerAsync() {} }, constants)).toBeUndefined();
  });

  it("fails, saying so, when Office.js cannot give the body", async () => {
    await expect(readMailItem(mailbox({ item: item("AAMk-1", "x") }), { ...constants, textCoercion: "html" })).rejects.toThrow(/illisible/);
  });
});

describe("followSelectedItem", () => {
  it("reads the item again on ItemChanged, null included", async () => {
    const box = mailbox({ item: item("AAMk-1", "un") });
    const seen: (MailMessage | undefined)[] = [];
    followSelectedItem(box, constants, (m) => seen.push(m), (e) => { throw e; });
    const handler = box.handlers.get("olkItemSelectedChanged")!;
    expect(handler).toBeTypeOf("function");
    box.item = item("AAMk-2", "deux");
    handler();
    await new Promise((r) => setTimeout(r, 0));
    box.item = null;
    handler();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen.map((m) => m?.id)).toEqual(["AAMk-2", undefined]);
  });
});
