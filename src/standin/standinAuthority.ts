// The stand-in's Microsoft Entra ID: OpenID metadata, the signing keys (JWKS), instance discovery,
// and a token endpoint for client credentials and on-behalf-of, as login.microsoftonline.com
// answers them (v2.0 endpoints, RS256 tokens with a kid). It also mints the token a task pane gets
// by nested app authentication, which the stand-in cannot do interactively: tests and the preview
// ask /_standin/user-token for it.
import express, { type Request, type Response, type Router } from "express";
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type JWK, type JWTPayload, type CryptoKey } from "jose";
import type { GraphCaller } from "./graphExchange";
import { findUser, type StandinTenant, type StandinUser } from "./standinTenant";

export const GRAPH_AUDIENCE = "https://graph.microsoft.com";
const TOKEN_LIFETIME_S = 3600;

/** What a minted token for the add-in's API carries; every claim can be overridden (negative tests). */
export interface ApiTokenRequest {
  readonly user?: StandinUser | undefined;
  /** Space-separated scopes (default "access_as_user"). */
  readonly scp?: string | undefined;
  /** Extra or overriding claims: aud, iss, tid, exp, nbf... */
  readonly claims?: JWTPayload | undefined;
}

export class StandinAuthority {
  private privateKey!: CryptoKey;
  private publicJwk!: JWK;
  readonly kid = `standin-${crypto.randomUUID().slice(0, 8)}`;

  /** @param url - the stand-in's origin ("https://localhost:4040"), which is AUTHORITY_HOST */
  constructor(
    readonly url: string,
    readonly tenant: StandinTenant,
  ) {}

  async init(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
    this.privateKey = privateKey;
    this.publicJwk = { ...(await exportJWK(publicKey)), kid: this.kid, use: "sig", alg: "RS256", kty: "RSA" };
    return this;
  }

  /** The issuer of the tokens for the add-in's API: AUTHORITY_HOST/{tid}/v2.0, as Entra's v2.0 tokens. */
  get issuer(): string {
    return `${this.url}/${this.tenant.tenantId}/v2.0`;
  }

  /** The issuer of the Graph tokens (v1 form, as Graph's own tokens carry). */
  get graphIssuer(): string {
    return `${this.url}/${this.tenant.tenantId}/`;
  }

  get jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  /** A token for the add-in's API, as NAA or Office SSO hands it to a task pane. */
  mintApiToken(request: ApiTokenRequest = {}): Promise<string> {
    const user = request.user ?? this.tenant.users[0]!;
    const now = Math.floor(Date.now() / 1000);
    return this.sign({
      aud: this.tenant.clientId,
      iss: this.issuer,
      iat: now,
      nbf: now,
      exp: now + TOKEN_LIFETIME_S,
      tid: this.tenant.tenantId,
      oid: user.id,
      sub: `sub-${user.id}`,
      azp: this.tenant.clientId,
      name: user.displayName,
      preferred_username: user.userPrincipalName,
      scp: request.scp ?? "access_as_user",
      ver: "2.0",
      ...request.claims,
    });
  }

  /** Signs any claims with the stand-in's key (tests make their bad tokens with it). */
  sign(claims: JWTPayload, header: { kid?: string; alg?: string } = {}): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "JWT", kid: this.kid, ...header }).sign(this.privateKey);
  }

  /**
   * The caller of a Graph request, from its bearer token.
   * @returns undefined for a missing, forged, expired or misaddressed token (Graph answers 401)
   */
  async graphCaller(authorization: string | undefined): Promise<GraphCaller | undefined> {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? "")?.[1];
    if (token === undefined) return undefined;
    try {
      const { payload } = await jwtVerify(token, this.publicJwk, { audience: GRAPH_AUDIENCE, issuer: this.graphIssuer, algorithms: ["RS256"] });
      const delegated = typeof payload.scp === "string";
      return {
        tenantId: String(payload.tid),
        appId: String(payload.appid ?? payload.azp ?? ""),
        userId: delegated ? String(payload.oid) : undefined,
        permissions: delegated ? String(payload.scp).split(" ") : ((payload.roles as string[] | undefined) ?? []),
      };
    } catch {
      return undefined;
    }
  }

  /** Entra's routes: metadata, keys, instance discovery, token; and the stand-in's user-token door. */
  router(): Router {
    const router = express.Router();
    // Entra answers a single-page app's fetches cross-origin (metadata, keys, token): so does the
    // stand-in, and its token door, which the preview's page calls from the add-in's origin.
    router.use((req, res, next) => {
      res.setHeader("Access-Control-Allow-Origin", "*");
      if (req.method !== "OPTIONS") return next();
      res.setHeader("Access-Control-Allow-Methods", "GET, POST");
      res.setHeader("Access-Control-Allow-Headers", "Content-Type");
      res.setHeader("Access-Control-Max-Age", "600");
      res.status(204).end();
    });
    const tenantPath = `/:tenant`;
    router.get(`${tenantPath}/v2.0/.well-known/openid-configuration`, (req, res) => {
      if (!this.knownTenant(req.params.tenant)) return void tenantNotFound(res);
      const base = `${this.url}/${this.tenant.tenantId}`;
      res.json({
        issuer: this.issuer,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
        subject_types_supported: ["pairwise"],
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
        scopes_supported: ["openid", "profile", "email", "offline_access"],
        tenant_region_scope: "EU",
        cloud_instance_name: new URL(this.url).host,
      });
    });
    router.get(`${tenantPath}/discovery/v2.0/keys`, (req, res) => {
      if (!this.knownTenant(req.params.tenant)) return void tenantNotFound(res);
      res.json(this.jwks);
    });
    router.get("/common/discovery/instance", (_req, res) => {
      const host = new URL(this.url).host;
      res.json({
        tenant_discovery_endpoint: `${this.url}/${this.tenant.tenantId}/v2.0/.well-known/openid-configuration`,
        "api-version": "1.1",
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      });
    });
    router.post(`${tenantPath}/oauth2/v2.0/token`, express.urlencoded({ extended: false, limit: "64kb" }), (req, res) => {
      void this.token(req, res);
    });
    router.post("/_standin/user-token", express.json({ limit: "16kb" }), (req, res) => {
      const body = (req.body ?? {}) as { user?: string; scp?: string };
      const user = body.user === undefined ? undefined : findUser(this.tenant, body.user);
      if (body.user !== undefined && user === undefined) return void res.status(404).json({ error: "unknown_user" });
      void this.mintApiToken({ user, scp: body.scp }).then((token) => res.json({ access_token: token, token_type: "Bearer", expires_in: TOKEN_LIFETIME_S }));
    });
    return router;
  }

  private knownTenant(tenant: string | undefined): boolean {
    return tenant === this.tenant.tenantId || tenant === "organizations" || tenant === "common";
  }

  private async token(req: Request, res: Response): Promise<void> {
    const form = req.body as Record<string, string | undefined>;
    if (!this.knownTenant(String(req.params.tenant))) return tenantNotFound(res);
    if (form.client_id !== this.tenant.clientId || form.client_secret !== this.tenant.clientSecret) {
      return tokenError(res, 401, "invalid_client", 7000215, "AADSTS7000215: Invalid client secret provided.");
    }
    const scopes = (form.scope ?? "").split(" ").filter(Boolean);
    const graphScopes = scopes.filter((s) => s.startsWith(`${GRAPH_AUDIENCE}/`)).map((s) => s.slice(GRAPH_AUDIENCE.length + 1));
    if (graphScopes.length === 0) return tokenError(res, 400, "invalid_scope", 70011, "AADSTS70011: The provided value for the input parameter 'scope' is not valid.");
    const now = Math.floor(Date.now() / 1000);
    const common = { aud: GRAPH_AUDIENCE, iss: this.graphIssuer, iat: now, nbf: now, exp: now + TOKEN_LIFETIME_S, tid: this.tenant.tenantId, appid: this.tenant.clientId };
    if (form.grant_type === "client_credentials") {
      if (graphScopes.join(" ") !== ".default") return tokenError(res, 400, "invalid_scope", 1002012, "AADSTS1002012: The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.");
      const accessToken = await this.sign({ ...common, roles: ["Mail.ReadWrite", "Files.ReadWrite.All"], idtyp: "app", oid: `app-${this.tenant.clientId}` });
      res.json({ token_type: "Bearer", expires_in: TOKEN_LIFETIME_S, ext_expires_in: TOKEN_LIFETIME_S, access_token: accessToken });
      return;
    }
    if (form.grant_type === "urn:ietf:params:oauth:grant-type:jwt-bearer" && form.requested_token_use === "on_behalf_of") {
      let user: JWTPayload;
      try {
        ({ payload: user } = await jwtVerify(form.assertion ?? "", this.publicJwk, { audience: this.tenant.clientId, issuer: this.issuer, algorithms: ["RS256"] }));
      } catch {
        return tokenError(res, 400, "invalid_grant", 50013, "AADSTS50013: Assertion failed signature validation, or is expired or not addressed to this application.");
      }
      const delegated = graphScopes.filter((s) => s !== ".default" && s !== "offline_access");
      const scp = delegated.length > 0 ? delegated.join(" ") : "Mail.ReadWrite Files.ReadWrite";
      const accessToken = await this.sign({ ...common, scp, oid: user.oid, upn: user.preferred_username, name: user.name });
      res.json({ token_type: "Bearer", scope: scopes.join(" "), expires_in: TOKEN_LIFETIME_S, ext_expires_in: TOKEN_LIFETIME_S, access_token: accessToken });
      return;
    }
    tokenError(res, 400, "unsupported_grant_type", 70003, "AADSTS70003: The app requested an unsupported grant type.");
  }
}

function tokenError(res: Response, status: number, error: string, code: number, description: string): void {
  res.status(status).json({
    error,
    error_description: description,
    error_codes: [code],
    timestamp: new Date().toISOString().replace("T", " ").slice(0, 19) + "Z",
    trace_id: crypto.randomUUID(),
    correlation_id: crypto.randomUUID(),
  });
}

function tenantNotFound(res: Response): void {
  tokenError(res, 400, "invalid_tenant", 90002, "AADSTS90002: Tenant not found.");
}
