// A draft's Date header is the run's day, not the clock: a retried run writes the same message.
import { problem } from "../core/problem";
import { EmailError } from "./emailError";
import { headerText } from "./headerText";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The day of the month of the last Sunday of a month (UTC calendar arithmetic). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/**
 * An RFC 5322 date for a day at a time of Paris (summer time from the last Sunday of March to the
 * last Sunday of October): reproducible, whatever the machine's time zone.
 * @param isoDay - "2026-06-30"
 * @param time - "HH:MM", 09:00 by default
 * @throws EmailError for a day or a time that is not in these forms
 * @example emailDate("2026-06-30") // "Tue, 30 Jun 2026 09:00:00 +0200"
 */
export function emailDate(isoDay: string, time = "09:00"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match || !clock) throw new EmailError(problem(`date d'e-mail invalide «${headerText(isoDay)} ${headerText(time)}»`));
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const summer =
    (month > 3 && month < 10) || (month === 3 && day >= lastSunday(year, 3)) || (month === 10 && day < lastSunday(year, 10));
  return `${WEEKDAYS[weekday]!}, ${String(day).padStart(2, "0")} ${MONTHS[month - 1]!} ${year} ${clock[1]!}:${clock[2]!}:00 ${summer ? "+0200" : "+0100"}`;
}
