// GET /healthz, outside /api and without sign-in: the process is up and answering (for a load
// balancer or a supervisor). It says nothing of the configuration.
import { Router, type Request, type Response } from "express";

export const HEALTHZ_PATH = "/healthz";

export function healthzRoute(): Router {
  const router = Router();
  router.get(HEALTHZ_PATH, (_req: Request, res: Response) => {
    res.setHeader("Cache-Control", "no-store");
    res.json({ status: "ok" });
  });
  return router;
}
