// A promise's reminder as an iCalendar file (RFC 5545), for the preview, where there is no Outlook
// to open a form in: one all-day VEVENT on the promised day with a display alarm at 9:00, its
// text escaped (section 3.3.11), its lines ended by CRLF and folded at 75 octets (section 3.1).
import { addDays, dayToIso, type Day } from "../../src/core/day";
import type { PromiseReminder } from "./promiseReminder";

const CONTROLS_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/g;

/**
 * A TEXT value of RFC 5545: backslash, semicolon and comma escaped, a line break written \n, other
 * control characters (which TEXT does not allow) dropped.
 * @example icsText("a, b; c\\d\ne") // "a\\, b\\; c\\\\d\\ne"
 */
export function icsText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(CONTROLS_BUT_NEWLINE, "")
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n");
}

const encoder = new TextEncoder();

/**
 * A content line folded so that no line is longer than 75 octets (CRLF excluded), each
 * continuation starting with a space, never inside a UTF-8 sequence or a surrogate pair.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > 75) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n");
}

function icsDate(day: Day): string {
  return dayToIso(day).replace(/-/g, "");
}

/** An instant as a UTC DATE-TIME (20260630T081500Z). */
function icsStamp(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/**
 * The .ics text of a reminder.
 * @param stamp - when the file is made (DTSTAMP)
 * @example promiseIcs(reminder, new Date()).split("\r\n")[0] // "BEGIN:VCALENDAR"
 */
export function promiseIcs(reminder: PromiseReminder, stamp: Date): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Relances//Rappel de promesse//FR",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${icsText(reminder.uid)}`,
    `DTSTAMP:${icsStamp(stamp)}`,
    `DTSTART;VALUE=DATE:${icsDate(reminder.date)}`,
    `DTEND;VALUE=DATE:${icsDate(addDays(reminder.date, 1))}`,
    `SUMMARY:${icsText(reminder.subject)}`,
    `DESCRIPTION:${icsText(reminder.body)}`,
    "TRANSP:TRANSPARENT",
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    `DESCRIPTION:${icsText(reminder.subject)}`,
    "TRIGGER;RELATED=START:PT9H",
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
