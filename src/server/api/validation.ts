// Input validation for the API's routes, with zod: a route parses what it takes and gets typed
// values; a ZodError goes on to the error handler, which answers 400 naming the field.
import type { Request } from "express";
import type { z } from "zod";

/**
 * The request's JSON body, parsed by `schema`.
 * @throws ZodError (answered 400 by the error handler)
 * @example const { reminders } = parseBody(req, z.object({ reminders: z.array(reminderSchema).max(500) }));
 */
export function parseBody<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  return schema.parse(req.body);
}

/** The request's query string, parsed by `schema` (values are strings: use z.coerce for numbers). */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  return schema.parse({ ...req.query });
}

/** The request's route parameters, parsed by `schema`. */
export function parseParams<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  return schema.parse({ ...req.params });
}
