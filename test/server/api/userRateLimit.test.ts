// The API's rate limit counts per signed-in user (the token's oid): one user over the limit gets
// 429 with Retry-After, whatever token she brings, while another user goes on as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StandinUser } from "../../../src/standin/standinTenant";
import { startApiHarness, type ApiHarness } from "./apiHarness";

const LIMIT = 5;
let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness({ rateLimit: { limit: LIMIT, windowMs: 60_000 } });
});
afterAll(() => h.close());

const user = (n: number): StandinUser => ({ id: `7a7a7a7a-0000-4000-8000-00000000000${n}`, userPrincipalName: `user${n}@cabinet-exemple.fr`, displayName: `Utilisateur ${n}` });

describe("the rate limit per user", () => {
  it("answers 429 with Retry-After to the user over the limit, and not to another user", async () => {
    const busy = await h.standin.authority.mintApiToken({ user: user(1) });
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await h.call("/api/me", busy)).status);
    expect(statuses).toEqual(Array(LIMIT).fill(200));

    const over = await h.call("/api/me", busy);
    expect(over.status).toBe(429);
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(over.headers.get("ratelimit-policy")).toContain(`q=${LIMIT}; w=60`);
    const body = (await over.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toBe(`Trop de requêtes : réessayez dans ${retryAfter} s / Too many requests: try again in ${retryAfter} s`);

    // Another token of the same user is the same user.
    const sameUser = await h.standin.authority.mintApiToken({ user: user(1), claims: { iat: Math.floor(Date.now() / 1000) - 5 } });
    expect(sameUser).not.toBe(busy);
    expect((await h.call("/api/me", sameUser)).status).toBe(429);

    const other = await h.call("/api/me", await h.standin.authority.mintApiToken({ user: user(2) }));
    expect(other.status).toBe(200);
    expect(other.headers.get("ratelimit")).toContain(`r=${LIMIT - 1}`);
  });

  it("does not count requests refused at sign-in against anyone", async () => {
    for (let i = 0; i < LIMIT + 2; i++) expect((await h.call("/api/me", "not-a-token")).status).toBe(401);
    expect((await h.call("/api/me", await h.standin.authority.mintApiToken({ user: user(3) }))).status).toBe(200);
  });
});
