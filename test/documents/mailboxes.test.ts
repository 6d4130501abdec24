import { describe, expect, it } from "vitest";
import { isProblem } from "../../src/core/problem";
import { parseMailboxes } from "../../src/documents/mailboxes";

describe("parseMailboxes", () => {
  it("reads mailboxes as people write them", () => {
    expect(parseMailboxes('"Dupont, SARL" <a@x.example>; b@y.example', "destinataire")).toEqual([
      { name: "Dupont, SARL", address: "a@x.example" },
      { address: "b@y.example" },
    ]);
    expect(parseMailboxes("", "destinataire")).toEqual([]);
    for (const bad of ["a@b", "a@@b.fr", "a..b@c.fr", "é@c.fr", "a@-c.fr", "<a@b.fr", "a@b.fr>"]) {
      const result = parseMailboxes(bad, "destinataire");
      expect(isProblem(result), bad).toBe(true);
    }
  });

  it("keeps a hostile name on one line, and refuses an address with a line break", () => {
    expect(parseMailboxes("Compta\nBcc: x@y.example <compta@egpl.example>", "expéditeur")).toEqual([
      { name: "Compta Bcc: x@y.example", address: "compta@egpl.example" },
    ]);
    expect(isProblem(parseMailboxes("a@x.example\r\nBcc: x@y.example", "destinataire"))).toBe(true);
  });
});
