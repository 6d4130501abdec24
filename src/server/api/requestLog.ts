// One log line per API request once it is answered: method, path (no query string), status,
// duration and the signed-in user's oid; never a header or a body.
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { ApiLog } from "./apiLog";
import { signedInUser } from "./signIn";

export function requestLog(log: ApiLog): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    res.once("finish", () => {
      let oid: string | undefined;
      try {
        oid = signedInUser(req).oid;
      } catch {
        oid = undefined;
      }
      log.info("api", { method: req.method, path: req.baseUrl + req.path, status: res.statusCode, ms: Math.round(performance.now() - started), oid });
    });
    next();
  };
}
