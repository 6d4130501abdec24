// The statement's ageing summary: the open balance per age band.
import { agingBandLabels } from "../../core/aging";
import type { ReminderData } from "../reminderData";

export interface Band {
  readonly label: string;
  readonly cents: number;
}

/** Open balances per age band, in the order of the default bands when the lines use them. */
export function ageingBands(data: ReminderData): Band[] | undefined {
  if (data.releve.lignes.length === 0) return undefined;
  const groups = new Map<string, { cents: number; days: number }>();
  for (const line of data.releve.lignes) {
    const group = groups.get(line.tranche);
    if (group === undefined) groups.set(line.tranche, { cents: line.solde_centimes, days: line.jours_retard });
    else groups.set(line.tranche, { cents: group.cents + line.solde_centimes, days: Math.min(group.days, line.jours_retard) });
  }
  const defaults = agingBandLabels(undefined, data.langue);
  if ([...groups.keys()].every((label) => defaults.includes(label))) {
    return defaults.map((label) => ({ label, cents: groups.get(label)?.cents ?? 0 }));
  }
  return [...groups.entries()].sort((a, b) => a[1].days - b[1].days).map(([label, g]) => ({ label, cents: g.cents }));
}
