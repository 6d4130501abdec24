// A bounded load on the API over loopback HTTPS with autocannon: a fixed number of GET /api/me
// from several signed-in users on many connections, the rate limit set above it. Every request
// sent is answered, 200 each time, with no error or timeout; each user is answered as herself.
import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StandinUser } from "../../../src/standin/standinTenant";
import { startApiHarness, type ApiHarness } from "./apiHarness";

const USERS = 8;
const CONNECTIONS = 16;
const REQUESTS = 2000;

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness({ rateLimit: { limit: REQUESTS * 10, windowMs: 60_000 } });
});
afterAll(() => h.close());

const user = (n: number): StandinUser => ({ id: `5e5e5e5e-0000-4000-8000-0000000000${String(n).padStart(2, "0")}`, userPrincipalName: `charge${n}@cabinet-exemple.fr`, displayName: `Chargée ${n}` });

describe("the API under load", () => {
  it(`answers ${REQUESTS} requests of ${USERS} users on ${CONNECTIONS} connections: none lost, none failed`, async () => {
    const tokens = await Promise.all(Array.from({ length: USERS }, (_, n) => h.standin.authority.mintApiToken({ user: user(n) })));
    let connection = 0;
    const wrongUser: string[] = [];
    const result = await autocannon({
      url: new URL("/api/me", h.server.url).href,
      connections: CONNECTIONS,
      amount: REQUESTS,
      timeout: 10,
      // Each connection is one user's pane; the answer must name that user.
      setupClient: (client) => {
        const n = connection++ % USERS;
        client.setHeaders({ authorization: `Bearer ${tokens[n]}` });
        client.on("body", (body: Buffer) => {
          if (!body.toString().includes(`charge${n}@`)) wrongUser.push(body.toString().slice(0, 100));
        });
      },
    });
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result.requests.sent).toBe(REQUESTS);
    expect(result["2xx"]).toBe(REQUESTS);
    expect(wrongUser).toEqual([]);
    console.log(`GET /api/me: ${REQUESTS} requests in ${result.duration} s, ${Math.round(result.requests.average)} req/s on average, latency p99 ${result.latency.p99} ms`);
  }, 20_000);
});
