// 1,000 reminders drafted through the Microsoft 365 stand-in, by the command line's own delivery
// (client credentials, batches of 20 chained, 4 in flight), as a share of the ceiling the stand-in's
// Outlook limits allow. The 10-minute window is scaled (320 requests per 4 s) so that the limit binds
// within seconds; the stand-in's latency per message operation (2 ms) keeps the client well able to
// go faster, so that what is measured is how close the client keeps to the limit.
//
// The ceiling: each draft costs 2 requests (its look-up by key, then its creation, the statement
// inline), so 1,000 drafts are 2,000 requests. A sliding window of N requests per W lets the first
// N through at once, and N more each W after: R requests cannot finish before (ceil(R / N) - 1) x W.
// The ceiling in drafts per second is 1,000 over that time.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { EmailMessage } from "../src/documents/emailMessage";
import { draftAll } from "../src/graph/graphDrafts";
import { graphMailConfig } from "../src/graph/graphMailConfig";
import { sharedMailboxTarget } from "../src/graph/graphMailDelivery";
import { getDevCertificate } from "../src/server/devCertificate";
import { standinMailSide } from "../src/standin/standinMailParts";
import { startStandin } from "../src/standin/standinServer";
import { STANDIN_SHARED_MAILBOX, standinTenant } from "../src/standin/standinTenant";
import type { Measure, WorkerKinds } from "./freshProcess";

const DRAFTS = 1000;
const REQUESTS_PER_DRAFT = 2;
const WINDOW = { requestsPerWindow: 320, windowMs: 4000 };

/** What the client process measured. */
interface ClientMeasure {
  readonly elapsedMs: number;
  readonly created: number;
  readonly envelopes: number;
  readonly resent: number;
  readonly lost: number;
}

function message(i: number): EmailMessage {
  const statement = new Uint8Array(3000).map((_, j) => (i + j) % 251);
  return {
    from: { name: "Cabinet Exemple", address: STANDIN_SHARED_MAILBOX.userPrincipalName },
    replyTo: [{ address: "compta@cabinet-exemple.fr" }],
    to: [{ name: `Client ${i}`, address: `client${i}@exemple.fr` }],
    subject: `Relance : facture F2026-${i}`,
    html: `<p>Madame, Monsieur,</p><p>${"Sauf erreur de notre part, la facture reste impayée. ".repeat(20)}</p>`,
    text: "Sauf erreur de notre part, la facture reste impayée.",
    attachments: [{ fileName: `Releve-client-${i}-2026-06-30.pdf`, contentType: "application/pdf", data: statement }],
    date: "Tue, 30 Jun 2026 09:00:00 +0200",
    messageId: `<relances.2026-06-30.reminder1.bench${i}@cabinet-exemple.fr>`,
  };
}

export const DRAFTS_WORKERS: WorkerKinds = {
  /** Drafts 1,000 reminders in the stand-in at `url`, after a sign-in (not timed); the note is the measure, as JSON. */
  async drafts(url) {
    const tenant = standinTenant(process.env);
    const target = sharedMailboxTarget(
      graphMailConfig({
        AZURE_TENANT_ID: tenant.tenantId,
        AZURE_CLIENT_ID: tenant.clientId,
        AZURE_CLIENT_SECRET: tenant.clientSecret,
        RELANCES_MAILBOX: STANDIN_SHARED_MAILBOX.userPrincipalName,
        GRAPH_BASE_URL: url,
        AUTHORITY_HOST: url,
      }),
    );
    // The token and the connection first, by a request outside the mailbox's limits (a 404).
    await target.batcher.send({ method: "GET", url: "/organization", idempotent: true });
    const requests = Array.from({ length: DRAFTS }, (_, i) => ({ key: message(i).messageId, message: message(i) }));
    const start = performance.now();
    const results = await draftAll(requests, target);
    const measure: ClientMeasure = {
      elapsedMs: performance.now() - start,
      created: results.filter((r) => r.created).length,
      envelopes: target.batcher.stats.envelopes,
      resent: target.batcher.stats.resent,
      lost: target.batcher.stats.lost,
    };
    return JSON.stringify(measure);
  },
};

/** The worker's bundle run again with --worker drafts URL, without blocking this process's stand-in. */
async function clientInFreshProcess(url: string): Promise<ClientMeasure> {
  const script = fileURLToPath(import.meta.url);
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, "--worker", "drafts", url], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (stderr.trim() !== "") console.error(stderr.trim());
  return JSON.parse((JSON.parse(stdout.trim().split("\n").pop()!) as Measure).note) as ClientMeasure;
}

export async function runDraftsBenchmark(): Promise<void> {
  const { requestsPerWindow, windowMs } = WINDOW;
  console.log(`## Outlook drafts through the Microsoft 365 stand-in: ${DRAFTS.toLocaleString("en-US")} reminders, window ${requestsPerWindow} requests / ${windowMs / 1000} s (Outlook's 10,000 / 10 min, scaled)`);
  // The client trusts the stand-in's certificate authority from its start, as a user does with NODE_EXTRA_CA_CERTS.
  const dir = await mkdtemp(path.join(os.tmpdir(), "relances-bench-standin-"));
  const certificate = await getDevCertificate({ dir, env: {} });
  process.env.NODE_EXTRA_CA_CERTS = certificate.caPath;
  // The stand-in here, the client in a process of its own: each has a core.
  const mail = standinMailSide({ limits: { ...WINDOW, fractionalRetryAfter: true, concurrencyRetryAfterMs: 100 }, mail: { latencyMs: 2 } });
  const standin = await startStandin({ parts: mail.parts, certificate });
  let m: ClientMeasure;
  try {
    m = await clientInFreshProcess(standin.url);
  } finally {
    await standin.close();
    await rm(dir, { recursive: true, force: true });
  }
  const counts = [...mail.store.countsByProperty("RelancesKey").values()];
  const once = counts.length === DRAFTS && counts.every((n) => n === 1);
  const requests = DRAFTS * REQUESTS_PER_DRAFT;
  const floorMs = (Math.ceil(requests / requestsPerWindow) - 1) * windowMs;
  const ceiling = DRAFTS / (floorMs / 1000);
  const rate = DRAFTS / (m.elapsedMs / 1000);
  const limits = mail.limits;
  console.log(`drafted                      ${rate.toFixed(1).padStart(7)} drafts/s  (${DRAFTS} in ${(m.elapsedMs / 1000).toFixed(1)} s after sign-in; ${m.created} created, each key once: ${once ? "yes" : "NO"})`);
  console.log(`ceiling                      ${ceiling.toFixed(1).padStart(7)} drafts/s  (${REQUESTS_PER_DRAFT} requests per draft x ${DRAFTS} = ${requests} requests; ${requestsPerWindow} per ${windowMs / 1000} s window -> at least (${requests}/${requestsPerWindow} - 1) x ${windowMs / 1000} s = ${floorMs / 1000} s)`);
  console.log(`share of the ceiling         ${((rate / ceiling) * 100).toFixed(1).padStart(6)} %  (target >= 90%)`);
  console.log(
    `mailbox: ${limits.admitted} requests admitted over ${((limits.lastAdmittedAt - limits.firstAdmittedAt) / 1000).toFixed(1)} s, ${limits.windowRefusals} refused by the window (sent again after Retry-After), ${limits.concurrencyRefusals} by the 4-at-once limit (most at once: ${limits.mostAtOnce}); ${m.envelopes} $batch envelopes, largest ${mail.batches.largestBatch}, ${m.resent} requests resent, ${m.lost} envelopes lost\n`,
  );
}
