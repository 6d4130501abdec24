// Why a customer of the selection is left out of a pane action, in one line, French then English:
// the action is for other documents than the customer's, nothing is due, or the escalation forbids it.
import { dayToIso, type Day } from "../core/day";
import type { PlannedAction, PlannedInvoice } from "../core/plan";
import { reminderLevelLabel, type ReminderLevel } from "../core/reminderLevel";
import type { Channel } from "../core/reminderPolicy";
import type { PaneActionKind } from "./actionSummary";
import { STAGE_SHEETS } from "./stageRows";

const ACTION_NAMES: Readonly<Record<PaneActionKind, readonly [string, string]>> = {
  emails: ["E-mails", "E-mails"],
  letters: ["Courriers", "Letters"],
  statements: ["Relevés de compte", "Account statements"],
  stages: ["Feuilles d'étape", "Stage sheets"],
  injunction: ["Injonction", "Payment order"],
};

const CHANNEL_NAMES: Readonly<Record<Channel, readonly [string, string]>> = {
  email: ["par e-mail", "by e-mail"],
  courrier: ["par courrier", "by letter"],
  recommandé: ["par recommandé", "by registered letter"],
  téléphone: ["par téléphone", "by phone"],
  autre: ["par un autre canal", "by another channel"],
};

/** Whether an action's documents are those of a pane action. */
export function actionMakes(kind: PaneActionKind, action: PlannedAction): boolean {
  switch (kind) {
    case "emails":
      return action.level < 4 && action.channel === "email";
    case "letters":
      return action.level < 4 && (action.channel === "courrier" || action.channel === "recommandé");
    case "statements":
      // From reminder 1 on, as the run attaches them; a courtesy reminder announces a due date.
      return action.level >= 1;
    case "stages":
      return STAGE_SHEETS[action.level] !== undefined;
    case "injunction":
      return action.level === 4;
  }
}

/** The pane action that makes an action's document. */
function kindFor(action: PlannedAction): PaneActionKind | undefined {
  if (action.level === 4) return "injunction";
  if (action.channel === "email") return "emails";
  if (action.channel === "courrier" || action.channel === "recommandé") return "letters";
  return undefined;
}

/**
 * Why an action is not one of this pane action's.
 * @example otherKindReason("emails", action) // "Relance 2 par courrier : voir « Courriers » / Reminder 2 by letter: see « Letters »"
 */
export function otherKindReason(kind: PaneActionKind, action: PlannedAction): string {
  const fr = `${reminderLevelLabel(action.level)} ${CHANNEL_NAMES[action.channel][0]}`;
  const en = `${reminderLevelLabel(action.level, "en")} ${CHANNEL_NAMES[action.channel][1]}`;
  if (kind === "statements") return `${fr} : pas de relevé de compte avant la relance 1 / ${en}: no account statement before reminder 1`;
  if (kind === "stages") return `${fr} : pas de feuille d'étape à ce niveau / ${en}: no stage sheet at this level`;
  const other = kindFor(action);
  if (other === undefined) return `${fr} : pas de document, journalisez l'appel ou l'envoi / ${en}: no document, log the call or the sending`;
  return `${fr} : voir « ${ACTION_NAMES[other][0]} » / ${en}: see « ${ACTION_NAMES[other][1]} »`;
}

/**
 * Why a customer of the selection has no action on the reference date.
 * @param invoices - the customer's invoices as planned (none: the customer is not in the workbook)
 */
export function nothingDueReason(invoices: readonly PlannedInvoice[], asOf: Day, forced: boolean): string {
  if (invoices.length === 0) return "client introuvable dans le suivi / customer not found in the tracking sheet";
  const open = invoices.filter((i) => i.hold !== "paid");
  if (open.length === 0) return "toutes ses factures sont réglées / every invoice is paid";
  const today = open.filter((i) => i.history?.lastLevelDate === asOf && i.history.lastLevel !== undefined);
  if (!forced && today.length > 0) {
    const level = Math.max(...today.map((i) => i.history!.lastLevel!)) as ReminderLevel;
    return `déjà relancé aujourd'hui (${reminderLevelLabel(level)}) / already reminded today (${reminderLevelLabel(level, "en")})`;
  }
  if (open.every((i) => i.hold !== null)) {
    return "en attente : litige, promesse ou PV de réception / on hold: dispute, promise or acceptance report";
  }
  if (forced) return "aucune facture ouverte échue, hors attente / no open overdue invoice off hold";
  return `aucune relance due au ${dayToIso(asOf)} / no reminder due on ${dayToIso(asOf)}`;
}

/**
 * Why a forced injonction leaves some invoices out of its claim (see forcedLevel.ts).
 * @example injunctionRefusedReason(["F-1"], 8) // "F-1 : pas de mise en demeure de plus de 8 jours, pas d'injonction / …"
 */
export function injunctionRefusedReason(invoices: readonly string[], days: number): string {
  const list = invoices.join(", ");
  return (
    `${list} : pas de mise en demeure envoyée il y a ${days} jours au moins, pas d'injonction (la mise en demeure d'abord) / ` +
    `${list}: no formal notice sent at least ${days} days ago, no payment order (the formal notice first)`
  );
}

/** A forced level that is none. */
export function invalidForcedLevelReason(value: unknown): string {
  return `niveau forcé «${String(value)}» invalide : 0 à 4 / invalid forced level: 0 to 4`;
}

/** The sender is incomplete: nothing went out. */
export function senderIncompleteReason(keys: readonly string[]): string {
  return `expéditeur incomplet (${keys.join(", ")}) : rien n'a été produit / sender incomplete: nothing was produced`;
}
