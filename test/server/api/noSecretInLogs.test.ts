// No token, no client secret and no Authorization header value in any log line: the API's own log
// captured whole (msal-node's at its most verbose included) while good and bad tokens, the
// on-behalf-of exchange and failing requests go through it; then `relances serve` itself, its
// stdout and stderr read while tokens flow. Nothing had to be masked either: the log's last scrub
// (« *** ») never had work to do.
import { spawn } from "node:child_process";
import path from "node:path";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandin, type Standin } from "../../../src/standin/standinServer";
import { DIST, ROOT, distExists } from "../../helpers/addin";
import { standinEnv, startApiHarness, type ApiHarness } from "./apiHarness";
import { GRAPH_ME_PART, PROBE_ROUTES } from "./probeRoutes";

/** What must never be written: each token whole, its signature alone, the secret, the headers. */
function expectNothingSecret(lines: readonly string[], tokens: readonly string[], secret: string): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    for (const token of tokens) {
      expect(line).not.toContain(token);
      expect(line).not.toContain(token.split(".")[2]!.slice(0, 24));
    }
    expect(line).not.toContain(secret);
    expect(line).not.toMatch(/bearer\s|authorization/i);
    expect(line).not.toContain("***");
  }
}

/** A few tokens of each kind: good, expired, forged, for another audience; and plain junk. */
async function tokensOf(standin: Standin): Promise<string[]> {
  const good = await standin.authority.mintApiToken();
  const claims = decodeJwt(good);
  return [
    good,
    await standin.authority.mintApiToken({ user: standin.tenant.users[1] }),
    await standin.authority.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 3600 }),
    await standin.authority.sign({ ...claims, aud: "https://graph.microsoft.com" }),
    await standin.authority.sign(claims, { kid: "inconnu" }),
    `${good.slice(0, -8)}AAAAAAAA`,
  ];
}

describe("the API's log", () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness({ routes: PROBE_ROUTES, msalLogLevel: "verbose", standinParts: [GRAPH_ME_PART], rateLimit: { limit: 12 } });
  });
  afterAll(() => h.close());

  it("holds no token, secret or Authorization value while tokens and the secret flow", async () => {
    const tokens = await tokensOf(h.standin);
    const secret = h.standin.tenant.clientSecret;
    for (const token of tokens) {
      await h.call("/api/me", token);
      await h.call("/api/probe/graph-me", token);
      // Tokens and the secret in a body, a query string and a header the API does not read.
      await h.call(`/api/probe/echo?top=${token}`, token, { headers: { "x-secret": secret } });
      await h.call("/api/probe/echo", token, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ customer: token, amount: secret, lines: [] }) });
      await h.call("/api/probe/bug", token);
    }
    // Over the rate limit, and the wrong secret's failures, are logged too.
    for (let i = 0; i < 14; i++) await h.call("/api/me", tokens[0]);
    const statuses = new Set(h.lines.map((line) => /status=(\d+)/.exec(line)?.[1]).filter(Boolean));
    expect([...statuses].sort()).toEqual(["200", "400", "401", "429", "500"]);
    expect(h.lines.some((line) => line.startsWith("info msal") && line.includes("acquireTokenOnBehalfOf"))).toBe(true);
    expectNothingSecret(h.lines, tokens, secret);
  });
});

describe("relances serve's output", () => {
  let standin: Standin;
  beforeAll(async () => {
    if (!distExists()) throw new Error('dist/ is missing: run "npm run build" first');
    standin = await startStandin({ env: process.env });
  });
  afterAll(() => standin.close());

  it("says Microsoft 365 is configured, logs the API's requests, and writes no token or secret", async () => {
    const env = { ...process.env, ...standinEnv(standin), PORT: "0", RELANCES_CERT_DIR: process.env.RELANCES_STANDIN_CERT_DIR };
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "relances.js"), "serve"], { env, cwd: path.dirname(DIST), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const tokens = await tokensOf(standin);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          const found = /https:\/\/localhost:(\d+)\//.exec(stdout)?.[0];
          if (found !== undefined && stdout.includes("Microsoft 365")) {
            clearInterval(poll);
            resolve(found);
          } else if (Date.now() - started > 20_000 || child.exitCode !== null) {
            clearInterval(poll);
            reject(new Error(`serve did not start: ${stdout}${stderr}`));
          }
        }, 50);
      });
      for (const token of tokens) {
        const answer = await fetch(new URL("/api/me", url), { headers: { authorization: `Bearer ${token}` } });
        expect([200, 401]).toContain(answer.status);
      }
      expect(stdout).toContain(`Microsoft 365 : configuré / configured (locataire / tenant ${standin.tenant.tenantId}`);
      expect(stdout).toMatch(/info api method=GET path=\/api\/me status=200/);
      expect(stderr).toMatch(/warn token_refused reason=expired/);
    } finally {
      child.kill("SIGTERM");
      await exited;
    }
    expectNothingSecret([...stdout.split("\n"), ...stderr.split("\n")].filter(Boolean), tokens, standin.tenant.clientSecret);
  });
});
