// GET /api/me: the signed-in user's name and sign-in address, from the verified token. The pane
// calls it to show who is signed in, and it proves the chain token -> check -> user.
import { Router, type Request, type Response } from "express";
import type { ApiRoute } from "./apiDeps";

export const meRoute: ApiRoute = (deps) => {
  const router = Router();
  router.get("/me", (req: Request, res: Response) => {
    const user = deps.user(req);
    res.setHeader("Cache-Control", "no-store");
    res.json({ name: user.name ?? null, username: user.username ?? null });
  });
  return router;
};
