// A small express app that mounts the workbook routes under /api as the API framework does, with
// the ApiDeps contract met for real against the stand-in: the caller's API token verified by
// jose against the stand-in's keys, then exchanged on-behalf-of by msal-node for Graph.
import type { AddressInfo } from "node:net";
import express, { type NextFunction, type Request, type Response } from "express";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import type { ApiDeps, ApiRoute } from "../../../src/server/api/apiDeps";
import { ApiError } from "../../../src/server/api/apiError";
import type { Standin } from "../../../src/standin/standinServer";
import { standinMsal } from "../../graph/workbookStandin";

export async function startWorkbookApp(standin: Standin, routes: readonly ApiRoute[]): Promise<{ url: string; close(): Promise<void> }> {
  const keys = createRemoteJWKSet(new URL(`${standin.url}/${standin.tenant.tenantId}/discovery/v2.0/keys`));
  const msal = standinMsal(standin);
  const claims = new WeakMap<Request, { token: string; payload: JWTPayload }>();
  const deps: ApiDeps = {
    user(req) {
      const found = claims.get(req);
      if (found === undefined) throw new ApiError(401, "not_signed_in", "Connexion requise", "Sign-in required");
      return { oid: String(found.payload.oid), tid: String(found.payload.tid), name: found.payload.name as string | undefined, username: found.payload.preferred_username as string | undefined };
    },
    async graphToken(req) {
      const found = claims.get(req)!;
      const result = await msal.acquireTokenOnBehalfOf({ oboAssertion: found.token, scopes: ["https://graph.microsoft.com/Files.ReadWrite"] });
      return result!.accessToken;
    },
    graphBaseUrl: standin.url,
  };
  const app = express();
  app.use("/api", express.json({ limit: "1mb" }));
  app.use("/api", (req: Request, _res: Response, next: NextFunction) => {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (token === undefined) return next(new ApiError(401, "not_signed_in", "Connexion requise", "Sign-in required"));
    jwtVerify(token, keys, { audience: standin.tenant.clientId, issuer: standin.authority.issuer }).then(
      ({ payload }) => {
        claims.set(req, { token, payload });
        next();
      },
      () => next(new ApiError(401, "not_signed_in", "Connexion requise", "Sign-in required")),
    );
  });
  for (const route of routes) app.use("/api", route(deps));
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const known = error instanceof ApiError ? error : undefined;
    const status = known?.status ?? (typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : 500);
    if (known?.retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(known.retryAfterSeconds));
    res.status(status).json({ error: { code: known?.code ?? "internal", message: known?.message ?? "Erreur interne / internal error" } });
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
