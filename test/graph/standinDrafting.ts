// What the drafting tests share: a stand-in with its mail side, a batcher on its shared mailbox by
// client credentials (msal-node and the Graph SDK, as the command line uses them), and messages.
import type { EmailMessage } from "../../src/documents/emailMessage";
import { appToken } from "../../src/graph/appToken";
import { GraphBatcher, type GraphBatcherOptions } from "../../src/graph/graphBatcher";
import { graphClient } from "../../src/graph/graphClient";
import { userMailbox, type DraftRequest, type DraftTarget } from "../../src/graph/graphDrafts";
import { standinMailSide, type StandinMailSide, type StandinMailSideOptions } from "../../src/standin/standinMailParts";
import { startStandin, type Standin } from "../../src/standin/standinServer";
import { STANDIN_SHARED_MAILBOX } from "../../src/standin/standinTenant";

export interface DraftingStandin {
  readonly standin: Standin;
  readonly mail: StandinMailSide;
  /** The environment that points `relances run --mail graph` at it. */
  readonly env: Record<string, string>;
  target(options?: GraphBatcherOptions): DraftTarget;
}

export async function draftingStandin(options: StandinMailSideOptions = {}): Promise<DraftingStandin> {
  const mail = standinMailSide(options);
  const standin = await startStandin({ parts: mail.parts, env: process.env });
  const credentials = { tenantId: standin.tenant.tenantId, clientId: standin.tenant.clientId, clientSecret: standin.tenant.clientSecret, authorityHost: standin.url };
  const token = appToken(credentials);
  return {
    standin,
    mail,
    env: {
      AZURE_TENANT_ID: credentials.tenantId,
      AZURE_CLIENT_ID: credentials.clientId,
      AZURE_CLIENT_SECRET: credentials.clientSecret,
      RELANCES_MAILBOX: STANDIN_SHARED_MAILBOX.userPrincipalName,
      GRAPH_BASE_URL: standin.url,
      AUTHORITY_HOST: standin.url,
    },
    target: (batcherOptions = {}) => ({
      batcher: new GraphBatcher(graphClient({ baseUrl: standin.url, accessToken: token }), batcherOptions),
      mailbox: userMailbox(STANDIN_SHARED_MAILBOX.userPrincipalName),
      mailboxAddress: STANDIN_SHARED_MAILBOX.userPrincipalName,
    }),
  };
}

/** A reminder e-mail as the engine makes one, with a statement of `statementBytes`. */
export function reminderMessage(i: number, statementBytes = 2000): EmailMessage {
  const data = new Uint8Array(statementBytes).map((_, j) => (i * 31 + j) % 251);
  return {
    from: { name: "Cabinet Exemple", address: "compta@cabinet-exemple.fr" },
    replyTo: [],
    to: [{ name: `Client ${i}`, address: `client${i}@exemple.fr` }],
    subject: `Relance n° ${i}`,
    html: `<p>Bonjour, la facture ${i} reste due.</p>`,
    text: `Bonjour, la facture ${i} reste due.`,
    attachments: [{ fileName: `Releve-client-${i}.pdf`, contentType: "application/pdf", data }],
    date: "Tue, 30 Jun 2026 09:00:00 +0200",
    messageId: `<relances.2026-06-30.reminder1.${i}@cabinet-exemple.fr>`,
  };
}

export function reminderRequests(count: number, statementBytes?: number): DraftRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const message = reminderMessage(i, statementBytes);
    return { key: message.messageId, message, label: `client ${i}` };
  });
}
