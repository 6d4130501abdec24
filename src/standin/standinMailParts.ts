// The stand-in's mail side in one place, in the order the pipeline needs: the faults first (what the
// network and the gateways do to a request: a late answer keeps no place in the mailbox), then the
// limits (Exchange refuses a throttled request before doing anything), then $batch and the messages.
// Tests and the bench keep the handles to read what happened and to set limits and faults.
import { StandinBatchStats, standinBatch } from "./standinBatch";
import { StandinFaults, type FaultOptions } from "./standinFaults";
import { StandinMailLimits, type MailLimitOptions } from "./standinLimits";
import { standinMail, type StandinMailOptions } from "./standinMail";
import { StandinMailStore } from "./standinMailStore";
import type { StandinPart } from "./standinServer";

export interface StandinMailSide {
  readonly parts: readonly StandinPart[];
  readonly store: StandinMailStore;
  readonly limits: StandinMailLimits;
  readonly faults: StandinFaults;
  readonly batches: StandinBatchStats;
}

export interface StandinMailSideOptions {
  readonly limits?: Partial<MailLimitOptions> | undefined;
  readonly faults?: Partial<FaultOptions> | undefined;
  readonly mail?: StandinMailOptions | undefined;
}

/** A fresh mail side: Outlook's documented limits and no fault unless told otherwise. */
export function standinMailSide(options: StandinMailSideOptions = {}): StandinMailSide {
  const store = new StandinMailStore();
  const limits = new StandinMailLimits(options.limits);
  const faults = new StandinFaults(options.faults);
  const batches = new StandinBatchStats();
  return { parts: [faults.part(), limits.part(), standinBatch(batches), standinMail(store, options.mail)], store, limits, faults, batches };
}
