// `npm run m365-standin`: the loopback stand-in for Microsoft 365 on its own, for trying the
// product against it. It prints the variables that point Relances at it (no secret of a real
// tenant: the stand-in's client secret is its own, made up).
import { STANDIN_PARTS } from "./standinParts";
import { startStandin } from "./standinServer";

const port = Number(process.env.STANDIN_PORT ?? 4040);
const standin = await startStandin({ port, parts: STANDIN_PARTS });
const certificate = process.env.RELANCES_STANDIN_CERT_DIR ?? "~/.relances/dev-certs";
process.stdout.write(
  [
    `Banc d'essai Microsoft 365 / Microsoft 365 stand-in: ${standin.url}`,
    "",
    "Pour y diriger Relances / to point Relances at it:",
    `  export AUTHORITY_HOST=${standin.url}`,
    `  export GRAPH_BASE_URL=${standin.url}`,
    `  export AZURE_TENANT_ID=${standin.tenant.tenantId}`,
    `  export AZURE_CLIENT_ID=${standin.tenant.clientId}`,
    "  export AZURE_CLIENT_SECRET=…   (RELANCES_STANDIN_SECRET, ou la valeur du README / or the README's value)",
    `  export RELANCES_MAILBOX=${standin.tenant.users[1]!.userPrincipalName}`,
    `  export NODE_EXTRA_CA_CERTS=${certificate}/ca.crt`,
    "",
    "Ctrl+C pour arrêter / to stop.",
    "",
  ].join("\n"),
);
const stop = (): void => {
  void standin.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
