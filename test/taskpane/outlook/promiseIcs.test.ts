// The .ics of a promise's reminder, parsed back as a calendar reads it (RFC 5545: lines unfolded,
// TEXT unescaped): the promised day, the summary, a UID stable for the message, hostile text kept
// inside its property, CRLF lines of at most 75 octets.
import { describe, expect, it } from "vitest";
import { dayFromIso } from "../../../src/core/day";
import { icsFileName } from "../../../taskpane/outlook/calendarReminder";
import { foldLine, icsText, promiseIcs } from "../../../taskpane/outlook/promiseIcs";
import { promiseReminder } from "../../../taskpane/outlook/promiseReminder";

const stamp = new Date(Date.UTC(2026, 5, 30, 8, 15, 0));
const request = {
  customer: "SCI Les Tilleuls",
  invoices: [{ number: "F2026-027", balance: 123456 }, { number: "F2026-050", balance: 50000 }],
  promisedDate: dayFromIso("2026-07-15")!,
  messageId: "AAMkAGI2TG93AAA=",
};

interface Property {
  readonly name: string;
  readonly params: string;
  readonly value: string;
}

/** Content lines as a calendar reads them: unfolded, split at the first colon outside the name's parameters. */
function parseIcs(text: string): Property[] {
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => {
      const colon = line.indexOf(":");
      const head = line.slice(0, colon);
      const [name, ...params] = head.split(";");
      return { name: name!, params: params.join(";"), value: line.slice(colon + 1) };
    });
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

function event(text: string): Map<string, Property> {
  const properties = parseIcs(text);
  const start = properties.findIndex((p) => p.name === "BEGIN" && p.value === "VEVENT");
  const end = properties.findIndex((p) => p.name === "BEGIN" && p.value === "VALARM");
  return new Map(properties.slice(start + 1, end).map((p) => [p.name, p]));
}

describe("the .ics of a promise", () => {
  it("is one all-day VEVENT on the promised day, with the subject and the invoices and amounts", () => {
    const reminder = promiseReminder(request);
    const vevent = event(promiseIcs(reminder, stamp));
    expect(vevent.get("DTSTART")).toEqual({ name: "DTSTART", params: "VALUE=DATE", value: "20260715" });
    expect(vevent.get("DTEND")?.value).toBe("20260716");
    expect(vevent.get("DTSTAMP")?.value).toBe("20260630T081500Z");
    expect(unescapeText(vevent.get("SUMMARY")!.value)).toBe("Relances : promesse de règlement — SCI Les Tilleuls");
    const description = unescapeText(vevent.get("DESCRIPTION")!.value);
    expect(description).toContain("15/07/2026");
    expect(description).toMatch(/- F2026-027 : 1\s234,56\s€/);
    expect(description).toMatch(/Total : 1\s734,56\s€/);
  });

  it("keeps one UID for one message, whatever the date or the invoices, and another for another message", () => {
    const uid = (over: Partial<typeof request>) => event(promiseIcs(promiseReminder({ ...request, ...over }), stamp)).get("UID")!.value;
    expect(uid({})).toBe(uid({ promisedDate: dayFromIso("2026-07-20")!, invoices: [] }));
    expect(uid({})).not.toBe(uid({ messageId: "AAMkAGI2TG94AAA=" }));
    expect(uid({})).toMatch(/^promesse-[0-9a-z]+@relances$/);
    expect(icsFileName(promiseReminder(request))).toMatch(/^relances-promesse-[0-9a-z]+\.ics$/);
  });

  it("keeps hostile text inside its property: no line break, no extra event, separators escaped", () => {
    const hostile = "Evil, Inc; \\x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:pwned\u0007 <script>alert(1)</script>";
    const text = promiseIcs(promiseReminder({ ...request, customer: hostile, invoices: [{ number: "F1\nUID:x", balance: 100 }] }), stamp);
    const properties = parseIcs(text);
    expect(properties.filter((p) => p.name === "BEGIN" && p.value === "VEVENT")).toHaveLength(1);
    expect(properties.filter((p) => p.name === "SUMMARY")).toHaveLength(1);
    expect(properties.filter((p) => p.name === "UID")).toHaveLength(1);
    const summary = unescapeText(properties.find((p) => p.name === "SUMMARY")!.value);
    expect(summary).toBe("Relances : promesse de règlement — Evil, Inc; \\x END:VEVENT BEGIN:VEVENT SUMMARY:pwned <script>alert(1)</script>");
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it("ends every line with CRLF and folds them at 75 octets, never inside a character", () => {
    const text = promiseIcs(promiseReminder({ ...request, customer: "Société Générale des Économies d'Énergie — Île-de-France ".repeat(3) }), stamp);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text).not.toContain("\uFFFD");
    expect(foldLine("é".repeat(50)).split("\r\n").map((l) => new TextEncoder().encode(l).length)).toEqual([74, 27]);
  });

  it("escapes TEXT as section 3.3.11 says", () => {
    expect(icsText("a, b; c\\d\r\ne")).toBe("a\\, b\\; c\\\\d\\ne");
  });
});
