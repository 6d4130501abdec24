// Workbook sessions as Excel on the web keeps them behind Graph (createSession, the
// workbook-session-id header, closeSession): a session ends after a spell of idleness, and a
// request that names it afterwards is answered 404 with the second-level code
// invalidSessionReCreatable, which tells the client to make a new one and go on.
import { randomBytes } from "node:crypto";
import { graphError, type GraphResponse } from "./graphExchange";
import type { WorkbookModel } from "./standinWorkbookModel";

/** Excel's persistent sessions time out after about 5 minutes without a request. */
export const DEFAULT_SESSION_IDLE_MS = 5 * 60_000;

export interface WorkbookSession {
  readonly id: string;
  readonly itemId: string;
  readonly persistChanges: boolean;
  /** A session that does not persist works on a copy of its own, dropped with it. */
  readonly copy?: WorkbookModel | undefined;
  lastUsed: number;
}

export class WorkbookSessions {
  private readonly sessions = new Map<string, WorkbookSession>();
  /** Sessions made, over the stand-in's life (tests count re-creations). */
  created = 0;

  constructor(private readonly idleMs: () => number) {}

  create(itemId: string, persistChanges: boolean, copy?: WorkbookModel): WorkbookSession {
    // Graph's session ids are long opaque strings.
    const session: WorkbookSession = { id: `cluster=SG2&session=${randomBytes(24).toString("base64url")}`, itemId, persistChanges, copy, lastUsed: Date.now() };
    this.sessions.set(session.id, session);
    this.created++;
    return session;
  }

  /**
   * The session a request names, its idle clock restarted; or the answer Graph gives for one that
   * has ended or was never made (or belongs to another workbook).
   */
  use(id: string, itemId: string): WorkbookSession | GraphResponse {
    const session = this.sessions.get(id);
    if (session !== undefined && Date.now() - session.lastUsed > this.idleMs()) this.sessions.delete(id);
    const live = this.sessions.get(id);
    if (live === undefined || live.itemId !== itemId) return expired();
    live.lastUsed = Date.now();
    return live;
  }

  close(id: string): void {
    this.sessions.delete(id);
  }

  /** Test door: every session ends now, as if Excel had timed them all out. */
  expireAll(): void {
    this.sessions.clear();
  }

  /** The sessions open now. */
  get open(): number {
    const now = Date.now();
    return [...this.sessions.values()].filter((s) => now - s.lastUsed <= this.idleMs()).length;
  }
}

/** Graph's answer to a request in a session that is no more. */
function expired(): GraphResponse {
  const response = graphError(404, "ItemNotFound", "The target session is invalid.");
  const body = response.body as { error: { innerError: Record<string, unknown> } };
  body.error.innerError = {
    code: "invalidSessionReCreatable",
    message: "The session specified in the request does not exist or is invalid due to a transient error.",
    ...body.error.innerError,
  };
  return response;
}
