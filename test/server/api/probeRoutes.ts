// Route files the tests plug into the API beside the product's, as the drafts and workbook routes
// plug in: one that reads Graph's /me with the on-behalf-of token, one that validates its body with
// zod, one that fails as a bug would, with internals in its message.
import { Router } from "express";
import { z } from "zod";
import { graphClient } from "../../../src/graph/graphClient";
import type { ApiRoute } from "../../../src/server/api/apiDeps";
import { API_ROUTES, type ApiRouteEntry } from "../../../src/server/api/apiRoutes";
import { parseBody, parseQuery } from "../../../src/server/api/validation";
import type { StandinPart } from "../../../src/standin/standinServer";

/** What the bug route's error says: none of it may reach the answer. */
export const INTERNAL_DETAIL = "connexion refusée à pg://admin:motdepasse@10.0.0.5/relances (src/db.ts:42)";

const graphMe: ApiRoute = (deps) =>
  Router().get("/probe/graph-me", async (req, res) => {
    const token = await deps.graphToken(req);
    const me: unknown = await graphClient({ baseUrl: deps.graphBaseUrl, accessToken: async () => token }).api("/me").get();
    res.json(me);
  });

const reminderSchema = z.object({ customer: z.string().min(1), amount: z.number().int().positive(), lines: z.array(z.object({ invoice: z.string() })).max(3) });

const echo: ApiRoute = () =>
  Router()
    .post("/probe/echo", (req, res) => {
      res.json(parseBody(req, reminderSchema));
    })
    .get("/probe/echo", (req, res) => {
      res.json(parseQuery(req, z.object({ top: z.coerce.number().int().max(100) })));
    });

const bug: ApiRoute = () =>
  Router().get("/probe/bug", async () => {
    throw new Error(INTERNAL_DETAIL);
  });

export const PROBE_ROUTES: readonly ApiRouteEntry[] = [
  ...API_ROUTES,
  { path: "/probe", route: graphMe },
  { path: "/probe", route: echo },
  { path: "/probe", route: bug },
];

/** Graph's GET /me on the stand-in: the caller's user id and delegated permissions. */
export const GRAPH_ME_PART: StandinPart = (standin) =>
  standin.graph.route("GET", /^\/me$/, (request) => ({ status: 200, body: { id: request.caller.userId ?? null, scopes: request.caller.permissions } }));
