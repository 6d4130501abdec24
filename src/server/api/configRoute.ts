// GET /api/config, without sign-in: whether Microsoft 365 is configured and, when it is, the public
// values the task pane's msal-browser needs (client id, tenant, authority, the API's scope). Never
// the client secret: it is not even in what this route is given.
import { Router, type Request, type Response } from "express";
import type { Microsoft365Config, ServerConfig } from "../config";

export interface PublicConfig {
  readonly microsoft365: boolean;
  readonly clientId?: string;
  readonly tenantId?: string;
  /** AUTHORITY_HOST/{tenant}, msal-browser's authority. */
  readonly authority?: string;
  /** api://…/access_as_user, the scope the panes ask a token for. */
  readonly apiScope?: string;
}

export function publicConfig(authorityHost: string, m365: Pick<Microsoft365Config, "clientId" | "tenantId" | "apiScope"> | undefined): PublicConfig {
  if (m365 === undefined) return { microsoft365: false };
  return { microsoft365: true, clientId: m365.clientId, tenantId: m365.tenantId, authority: `${authorityHost}/${m365.tenantId}`, apiScope: m365.apiScope };
}

export function configRoute(config: Pick<ServerConfig, "authorityHost" | "microsoft365">): Router {
  const body = publicConfig(config.authorityHost, config.microsoft365);
  const router = Router();
  router.get("/config", (_req: Request, res: Response) => {
    res.setHeader("Cache-Control", "no-store");
    res.json(body);
  });
  return router;
}
