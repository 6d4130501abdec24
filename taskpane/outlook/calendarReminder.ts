// Where a promise's reminder goes: in Outlook, the new-appointment form of the user's calendar
// (Office.context.mailbox.displayNewAppointmentForm, Mailbox 1.1), which the user saves; in the
// preview, without Office, an .ics file downloaded for any calendar. The pane calls only
// addCalendarReminder; this module holds the Office.js call.
import { ymdFromDay } from "../../src/core/day";
import { promiseIcs } from "./promiseIcs";
import type { PromiseReminder } from "./promiseReminder";

/** The parameters of displayNewAppointmentForm (Mailbox 1.1's AppointmentForm). */
export interface AppointmentFormLike {
  readonly requiredAttendees: string[];
  readonly optionalAttendees: string[];
  readonly start: Date;
  readonly end: Date;
  readonly location: string;
  readonly resources: string[];
  readonly subject: string;
  readonly body: string;
}

/** The part of Office.context.mailbox that opens the form. */
export interface AppointmentMailbox {
  displayNewAppointmentForm(parameters: AppointmentFormLike): void;
}

// Outlook on the web opens the form only for a body of 32K characters or less.
const BODY_MAX = 32_000;

/**
 * The form of a reminder: the promised day from 9:00 to 9:15 in the user's time zone, no
 * attendee (a form with a Save button, not a meeting to send), the reminder's text as plain text.
 */
export function appointmentForm(reminder: PromiseReminder): AppointmentFormLike {
  const { year, month, day } = ymdFromDay(reminder.date);
  return {
    requiredAttendees: [],
    optionalAttendees: [],
    start: new Date(year, month - 1, day, 9, 0),
    end: new Date(year, month - 1, day, 9, 15),
    location: "",
    resources: [],
    subject: reminder.subject,
    body: reminder.body.slice(0, BODY_MAX),
  };
}

/** Opens Outlook's new-appointment form for the reminder. */
export function openAppointmentForm(mailbox: AppointmentMailbox, reminder: PromiseReminder): void {
  mailbox.displayNewAppointmentForm(appointmentForm(reminder));
}

/** The .ics file's name: the UID's hash, nothing from the workbook. */
export function icsFileName(reminder: PromiseReminder): string {
  return `relances-${reminder.uid.replace(/@.*$/, "").replace(/[^A-Za-z0-9-]/g, "")}.ics`;
}

/** Downloads the reminder as an .ics file (the preview's way, in a plain browser). */
export function downloadIcs(reminder: PromiseReminder, page: Document, now: Date = new Date()): void {
  const url = URL.createObjectURL(new Blob([promiseIcs(reminder, now)], { type: "text/calendar;charset=utf-8" }));
  const link = page.createElement("a");
  link.href = url;
  link.download = icsFileName(reminder);
  page.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The Office mailbox when the pane runs in Outlook, undefined in a plain browser. */
function officeMailbox(): AppointmentMailbox | undefined {
  const office = (globalThis as { Office?: { context?: { mailbox?: Partial<AppointmentMailbox> } } }).Office;
  const mailbox = office?.context?.mailbox;
  return typeof mailbox?.displayNewAppointmentForm === "function" ? (mailbox as AppointmentMailbox) : undefined;
}

/** Adds the reminder to the user's calendar: Outlook's form in Outlook, an .ics download elsewhere. */
export function addCalendarReminder(reminder: PromiseReminder, mailbox: AppointmentMailbox | undefined = officeMailbox()): void {
  if (mailbox !== undefined) openAppointmentForm(mailbox, reminder);
  else downloadIcs(reminder, document);
}
