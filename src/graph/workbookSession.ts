// A workbook session through Graph (Microsoft's "Manage sessions in Excel"): created with
// persistChanges, its id sent in the workbook-session-id header of every call, made again when
// Graph says it has ended (invalidSessionReCreatable: it times out after a few idle minutes), and
// closed at the end. Each call waits out the Retry-After of a 429, 503 or 504.
import type { Client } from "@microsoft/microsoft-graph-client";
import type { WorkbookItem } from "./workbookLocation";
import { graphErrorCodes, withRetryAfter, type RetryOptions } from "./workbookRetry";
import { oneWriteAtATime } from "./workbookWriteQueue";

/** The codes that mean "this session is over, make another and go on". */
const RECREATABLE = new Set(["invalidsessionrecreatable", "sessionnotfound"]);
/** Sessions made again for one call before giving up (each one ended under it). */
const MAX_RECREATIONS = 3;

export interface WorkbookSessionOptions {
  /** false for a session whose changes are dropped (reads only); true by default. */
  readonly persistChanges?: boolean | undefined;
  readonly retry?: RetryOptions | undefined;
}

export class WorkbookSession {
  private id: string | undefined;
  private creating: Promise<string> | undefined;
  /** Sessions made again after Graph ended one (for the logs and the tests). */
  recreated = 0;

  private constructor(
    readonly client: Client,
    readonly item: WorkbookItem,
    private readonly options: WorkbookSessionOptions,
  ) {}

  /**
   * Opens a session on a workbook.
   * @example const session = await WorkbookSession.open(client, await findWorkbook(client, { url }));
   */
  static async open(client: Client, item: WorkbookItem, options: WorkbookSessionOptions = {}): Promise<WorkbookSession> {
    const session = new WorkbookSession(client, item, options);
    await session.sessionId();
    return session;
  }

  /** The workbook's path in Graph. */
  get base(): string {
    return `/drives/${encodeURIComponent(this.item.driveId)}/items/${encodeURIComponent(this.item.itemId)}/workbook`;
  }

  /** GET a path below /workbook ("/worksheets"), with the properties wanted ($select). */
  get<T>(path: string, select?: readonly string[]): Promise<T> {
    return this.call<T>("GET", path, undefined, select);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>("PATCH", path, body);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>("POST", path, body);
  }

  /**
   * Runs one action's reads and writes while no other action writes to the same workbook (in this
   * process): writes to a workbook are never sent in parallel.
   */
  writing<T>(work: () => Promise<T>): Promise<T> {
    return oneWriteAtATime(`${this.item.driveId}/${this.item.itemId}`, work);
  }

  /** Closes the session; one that has ended already is no failure. */
  async close(): Promise<void> {
    const id = this.id;
    this.id = undefined;
    if (id === undefined) return;
    try {
      await this.client.api(`${this.base}/closeSession`).header("workbook-session-id", id).post({});
    } catch {
      // Graph ends idle sessions on its own.
    }
  }

  private async call<T>(method: "GET" | "PATCH" | "POST", path: string, body?: unknown, select?: readonly string[]): Promise<T> {
    for (let recreations = 0; ; recreations++) {
      const id = await this.sessionId();
      try {
        return await withRetryAfter(() => {
          let request = this.client.api(`${this.base}${path}`).header("workbook-session-id", id);
          if (select !== undefined) request = request.select([...select]);
          return (method === "GET" ? request.get() : method === "PATCH" ? request.patch(body) : request.post(body)) as Promise<T>;
        }, this.options.retry);
      } catch (error) {
        if (recreations >= MAX_RECREATIONS || !graphErrorCodes(error).some((code) => RECREATABLE.has(code))) throw error;
        // The session ended under the call, which Graph did not carry out: a new one, and again.
        if (this.id === id) this.id = undefined;
        this.recreated++;
      }
    }
  }

  /** The session's id, made when there is none (one creation at a time). */
  private async sessionId(): Promise<string> {
    if (this.id !== undefined) return this.id;
    this.creating ??= withRetryAfter(
      () => this.client.api(`${this.base}/createSession`).post({ persistChanges: this.options.persistChanges ?? true }) as Promise<{ id: string }>,
      this.options.retry,
    )
      .then((info) => {
        this.id = info.id;
        return info.id;
      })
      .finally(() => {
        this.creating = undefined;
      });
    return this.creating;
  }
}
