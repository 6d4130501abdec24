// The stand-in with its drive and workbook parts, and a Graph client signed in as its user the
// way the server gets one (the user's API token exchanged on-behalf-of by msal-node).
import { ConfidentialClientApplication } from "@azure/msal-node";
import type { Client } from "@microsoft/microsoft-graph-client";
import { graphClient } from "../../src/graph/graphClient";
import { StandinDrive } from "../../src/standin/standinDrive";
import { standinDriveRoutes } from "../../src/standin/standinDriveRoutes";
import { startStandin, type Standin, type StandinPart } from "../../src/standin/standinServer";
import { StandinWorkbooks, standinWorkbookRoutes, type StandinWorkbooksOptions } from "../../src/standin/standinWorkbook";
import { standinTenant, STANDIN_USER } from "../../src/standin/standinTenant";

export interface WorkbookStandin {
  readonly standin: Standin;
  readonly drive: StandinDrive;
  readonly workbooks: StandinWorkbooks;
  /** A Graph token of the stand-in's user, on-behalf-of. */
  graphToken(): Promise<string>;
  /** A Graph client of the stand-in's user. */
  client(): Client;
  close(): Promise<void>;
}

/** msal-node as the server makes it, pointed at the stand-in's authority. */
export function standinMsal(standin: Standin): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: standin.tenant.clientId,
      clientSecret: standin.tenant.clientSecret,
      authority: `${standin.url}/${standin.tenant.tenantId}`,
      knownAuthorities: [new URL(standin.url).host],
    },
  });
}

export async function startWorkbookStandin(options: StandinWorkbooksOptions = {}, before: readonly StandinPart[] = []): Promise<WorkbookStandin> {
  const drive = new StandinDrive(standinTenant(process.env));
  const workbooks = new StandinWorkbooks(drive, options);
  const standin = await startStandin({ env: process.env, parts: [...before, standinDriveRoutes(drive), standinWorkbookRoutes(workbooks)] });
  const app = standinMsal(standin);
  let token: Promise<string> | undefined;
  const graphToken = (): Promise<string> =>
    (token ??= standin.authority
      .mintApiToken({ user: STANDIN_USER })
      .then((api) => app.acquireTokenOnBehalfOf({ oboAssertion: api, scopes: ["https://graph.microsoft.com/Files.ReadWrite"] }))
      .then((result) => result!.accessToken));
  return {
    standin,
    drive,
    workbooks,
    graphToken,
    client: () => graphClient({ baseUrl: standin.url, accessToken: graphToken }),
    close: () => standin.close(),
  };
}
