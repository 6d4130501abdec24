// The long lists of `plan --json` as text, written straight from the plan: one template per kind
// of item, laid out as JSON.stringify(planToJson(plan), null, 2) lays it out two levels down (an
// element of a list of the top object). At 100,000 invoices, building each item's object and
// handing it to JSON.stringify with an indent cost more than the plan itself; here only strings
// that need escaping go through JSON.stringify. The shapes are planJson.ts's, key for key.
import { dayToIso } from "./day";
import { eurosFromCents } from "./money";
import type { Plan } from "./plan";
import { jsonHold } from "./planJson";

type PlannedInvoice = Plan["invoices"][number];
type PlannedAction = Plan["actions"][number];
type RejectedRow = Plan["rejected"][number];

/** What JSON.stringify would escape in a string: a quote, a backslash, a control character or a surrogate (lone ones become \uXXXX). */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON.stringify writes it; most need no escaping and are only quoted. */
export function jsonString(text: string): string {
  return ESCAPED.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** A number as JSON.stringify writes it: its shortest form, null for NaN and the infinities. */
export function jsonNumber(value: number): string {
  return Number.isFinite(value) ? `${value}` : "null";
}

function jsonNumberOrNull(value: number | null): string {
  return value === null ? "null" : jsonNumber(value);
}

/** The invoices' numbers as a property of a list item (a list of strings, eight spaces in). */
function invoiceNumbers(invoices: readonly PlannedInvoice[]): string {
  if (invoices.length === 0) return "[]";
  let text = "[";
  for (let i = 0; i < invoices.length; i++) text += `${i === 0 ? "" : ","}\n        ${jsonString(invoices[i]!.record.number)}`;
  return `${text}\n      ]`;
}

/** invoiceJson(p) as text, four spaces in. */
export function invoiceJsonText(p: PlannedInvoice): string {
  const record = p.record;
  const history = p.history;
  return `{
      "sheet": ${jsonString(record.sheet)},
      "row": ${jsonNumber(record.row)},
      "customer": ${jsonString(record.customer.name)},
      "number": ${jsonString(record.number)},
      "invoiceDate": "${dayToIso(record.invoiceDate)}",
      "dueDate": "${dayToIso(record.dueDate)}",
      "amount": ${jsonNumber(eurosFromCents(record.amount))},
      "balance": ${jsonNumber(eurosFromCents(p.balance))},
      "daysOverdue": ${jsonNumber(p.daysOverdue)},
      "lastLevel": ${jsonNumberOrNull(history?.lastLevel ?? null)},
      "lastLevelDate": ${history?.lastLevelDate === undefined ? "null" : `"${dayToIso(history.lastLevelDate)}"`},
      "nextLevel": ${jsonNumberOrNull(p.nextLevel)},
      "hold": ${p.hold === null ? "null" : jsonString(jsonHold(p.hold)!)},
      "brokenPromise": ${p.brokenPromise},
      "paymentNotReceived": ${p.paymentNotReceived},
      "paymentAnnounced": ${p.hold === "payment_announced"}
    }`;
}

/** actionJson(a) as text, four spaces in. */
export function actionJsonText(a: PlannedAction): string {
  return `{
      "customer": ${jsonString(a.customer.name)},
      "level": ${jsonNumber(a.level)},
      "stage": ${jsonString(a.stage)},
      "channel": ${jsonString(a.channel)},
      "invoices": ${invoiceNumbers(a.invoices)},
      "claimed": ${invoiceNumbers(a.claimed)},
      "balance": ${jsonNumber(eurosFromCents(a.balance))},
      "penalties": ${a.penalties === null ? "null" : jsonNumber(eurosFromCents(a.penalties))},
      "recoveryFee": ${jsonNumber(eurosFromCents(a.recoveryFee))}
    }`;
}

/** rejectedJson(r) as text, four spaces in. */
export function rejectedJsonText(r: RejectedRow): string {
  return `{
      "sheet": ${jsonString(r.sheet)},
      "row": ${jsonNumber(r.row)},
      "column": ${jsonString(r.column)},
      "value": ${jsonString(r.value)},
      "message": ${jsonString(r.message)}
    }`;
}
