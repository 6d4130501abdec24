import { dayToFrench } from "../core/day";
import { formatEuros } from "../core/money";
import type { Plan } from "../core/plan";
import { reminderLevelLabel } from "../core/reminderLevel";

const HOLDS: Record<string, string> = {
  paid: "réglée",
  dispute: "litige",
  promise: "promesse",
  payment_announced: "paiement annoncé, en rapprochement / payment announced, being matched",
  awaiting_acceptance: "attente PV",
};

/**
 * The invoices of an action: those it claims (on which the amounts are), then, in parentheses,
 * those it lists outside its demand (« Autres factures échues »).
 */
function invoicesCell(action: Plan["actions"][number]): string {
  const claimed = new Set(action.claimed);
  const numbers = (invoices: readonly Plan["actions"][number]["invoices"][number][]) => invoices.map((i) => i.record.number).join(", ");
  const others = action.invoices.filter((i) => !claimed.has(i));
  return others.length === 0 ? numbers(action.claimed) : `${numbers(action.claimed)} (+ ${numbers(others)})`;
}

/** The plan as a table a person reads in a terminal, French first. */
export function planTable(plan: Plan): string {
  const lines: string[] = [];
  lines.push(`Relances au ${dayToFrench(plan.asOf)} / Reminders as of ${dayToFrench(plan.asOf)}`);
  lines.push(...sheetLines(plan), "");
  if (plan.actions.length === 0) {
    lines.push("Aucune relance due à cette date. / No reminder due on that date.");
  } else {
    const rows = plan.actions.map((a) => [
      reminderLevelLabel(a.level) + (a.forced ? " (forcé)" : ""),
      a.customer.name,
      a.channel,
      invoicesCell(a),
      formatEuros(a.balance),
      a.penalties === null ? "inconnues" : formatEuros(a.penalties),
      formatEuros(a.recoveryFee),
    ]);
    lines.push(...table(["Niveau", "Client", "Canal", "Factures", "Solde", "Pénalités", "Indemnité"], rows));
  }
  const held = plan.invoices.filter((p) => p.hold !== null && p.hold !== "paid");
  if (held.length > 0) {
    lines.push("", "En attente / On hold:");
    for (const p of held) lines.push(`  ${p.record.number}  ${p.record.customer.name} : ${HOLDS[p.hold!]}`);
  }
  const broken = plan.invoices.filter((p) => p.brokenPromise);
  if (broken.length > 0) {
    lines.push("", "Promesses non tenues / Broken promises:");
    for (const p of broken) lines.push(`  ${p.record.number}  ${p.record.customer.name}`);
  }
  const notReceived = plan.invoices.filter((p) => p.paymentNotReceived);
  if (notReceived.length > 0) {
    lines.push("", "Paiements annoncés non reçus / Announced payments not received:");
    for (const p of notReceived) lines.push(`  ${p.record.number}  ${p.record.customer.name}`);
  }
  if (plan.rejected.length > 0) {
    lines.push("", `Lignes rejetées / Rejected rows (${plan.rejected.length}):`);
    for (const r of plan.rejected) lines.push(`  ${r.sheet} ligne ${r.row}, ${r.column} : ${r.message}`);
  }
  if (plan.warnings.length > 0) {
    lines.push("", "Avertissements / Warnings:");
    for (const w of plan.warnings) lines.push(`  ${w}`);
  }
  const c = plan.counts;
  lines.push(
    "",
    `Lignes lues ${c.rows} = ${c.invoices} factures + ${c.creditNotes} avoirs + ${c.skipped} ignorées + ${c.rejected} rejetées` +
      ` / rows read ${c.rows} = ${c.invoices} invoices + ${c.creditNotes} credit notes + ${c.skipped} skipped + ${c.rejected} rejected`,
  );
  return lines.join("\n");
}

/** The sheets read, on one line, and those left out that a user may have meant to be read. */
function sheetLines(plan: Plan): string[] {
  const sheets = plan.sheets;
  if (sheets === undefined) return [];
  const names = (list: readonly string[]) => list.map((s) => `«${s}»`).join(", ");
  const lines = [`Feuilles lues / sheets read: ${names(sheets.read)}`];
  const noted = sheets.leftOut.filter((s) => s.reason !== "product");
  if (noted.length > 0) lines.push(`Feuilles écartées / sheets left out: ${noted.map((s) => `«${s.sheet}» (${s.message})`).join(" ; ")}`);
  return lines;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const numeric = new Set([4, 5, 6]);
  const format = (cells: readonly string[]): string =>
    cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ").trimEnd();
  return [format(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(format)];
}
