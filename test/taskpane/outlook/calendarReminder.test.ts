// The promise's reminder in Outlook with office-addin-mock: displayNewAppointmentForm (Mailbox
// 1.1) gets the promised day from 9:00 to 9:15 local, no attendee, the subject and the body.
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import { dayFromIso } from "../../../src/core/day";
import { addCalendarReminder, type AppointmentFormLike, type AppointmentMailbox } from "../../../taskpane/outlook/calendarReminder";
import { promiseReminder } from "../../../taskpane/outlook/promiseReminder";

function mailbox(): AppointmentMailbox & { forms: AppointmentFormLike[] } {
  const forms: AppointmentFormLike[] = [];
  const outlook = "outlook" as ConstructorParameters<typeof OfficeMockObject>[1];
  const mock = new OfficeMockObject(
    {
      displayNewAppointmentForm(parameters: AppointmentFormLike) {
        forms.push(parameters);
      },
    },
    outlook,
  ) as unknown as AppointmentMailbox;
  return Object.assign(mock, { forms });
}

const reminder = promiseReminder({
  customer: "SCI Les Tilleuls <b>",
  invoices: [{ number: "F2026-027", balance: 123456 }],
  promisedDate: dayFromIso("2026-07-15")!,
  messageId: "AAMkAGI2TG93AAA=",
});

describe("the calendar reminder in Outlook", () => {
  it("opens the new-appointment form on the promised day, 9:00 to 9:15 local, to save in the user's calendar", () => {
    const box = mailbox();
    addCalendarReminder(reminder, box);
    expect(box.forms).toHaveLength(1);
    const form = box.forms[0]!;
    expect([form.start.getFullYear(), form.start.getMonth(), form.start.getDate(), form.start.getHours(), form.start.getMinutes()]).toEqual([2026, 6, 15, 9, 0]);
    expect(form.end.getTime() - form.start.getTime()).toBe(15 * 60_000);
    expect(form).toMatchObject({ requiredAttendees: [], optionalAttendees: [], resources: [], location: "" });
    expect(form.subject).toBe("Relances : promesse de règlement — SCI Les Tilleuls <b>");
    expect(form.body).toMatch(/- F2026-027 : 1\s234,56\s€/);
    expect(form.body).toContain("15/07/2026");
  });

  it("puts the workbook's text in as plain text on one subject line", () => {
    const box = mailbox();
    addCalendarReminder(promiseReminder({ customer: "Evil\r\nBcc: x@y.example", invoices: [], promisedDate: dayFromIso("2026-07-15")!, messageId: "m" }), box);
    expect(box.forms[0]!.subject).toBe("Relances : promesse de règlement — Evil Bcc: x@y.example");
    expect(box.forms[0]!.subject).not.toMatch(/[\r\n]/);
  });
});
