// The task panes' client of the add-in server's API (/api/...): every call carries the user's
// bearer token, a 401 is retried once with a fresh token (an expired or revoked one; signed in
// interactively when the server says consent or a verification is needed), and an error
// answer ({ error: { code, message } }, src/server/api/apiError.ts) becomes an ApiClientError whose
// message is French / English, as the pane shows every message.
import type { DraftAnswerWire, DraftRequestWire } from "../../src/engine/emailMessageWire";
import type { MemorySheet } from "../../src/engine/memoryWorkbook";
import type { TokenOptions, TokenSource } from "./tokenSource";

/** The draft route (POST): Outlook drafts of the reminders, found again by their key. */
export const DRAFTS_ROUTE = "/api/drafts";
/** The OneDrive route (POST): files saved in the workbook's folder; (GET) the user's workbooks. */
export const ONEDRIVE_FILES_ROUTE = "/api/onedrive/files";
/** The workbook routes (POST): its sheets for the engine, lines appended to its journal. */
export const WORKBOOK_SHEETS_ROUTE = "/api/workbook/sheets";
export const WORKBOOK_JOURNAL_ROUTE = "/api/workbook/journal";

/** Which workbook on OneDrive or SharePoint: its URL (a document's or a sharing one), or its path in the user's drive. */
export type WorkbookRefWire = { readonly workbookUrl: string } | { readonly workbookPath: string };

/** A workbook of the user's OneDrive, as the picker lists it. */
export interface WorkbookFileWire {
  readonly name: string;
  readonly webUrl: string;
  /** Its folder from the drive's root, when Graph says. */
  readonly folder?: string | undefined;
}

/** A workbook's sheets as the engine reads them (memoryWorkbook's, Office.js-shaped arrays). */
export interface WorkbookSheetsWire {
  readonly workbook: { readonly name: string; readonly webUrl: string };
  readonly sheets: MemorySheet[];
}

/** A file for OneDrive: its path in the run's folder, its media type, its bytes in base64. */
export interface FileWire {
  readonly path: string;
  readonly type: string;
  readonly base64: string;
}

/** A saved file and the link that opens it in OneDrive. */
export interface FileLink {
  readonly path: string;
  readonly url: string;
}

/** An answer of the API that is not a success, as the pane shows it. */
export class ApiClientError extends Error {
  /**
   * @param status - the HTTP status (0: the server could not be reached)
   * @param code - the server's stable code ("consent_required", "rate_limited"...), or "http_<status>"
   * @param message - French / English
   */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number | undefined,
  ) {
    super(message);
    this.name = "ApiClientError";
  }
}

export interface ApiClient {
  /**
   * Drafts the reminders in the user's Outlook; one already there (same key) is found, not made again.
   * @returns one answer per draft, in their order
   */
  createDrafts(drafts: readonly DraftRequestWire[]): Promise<DraftAnswerWire[]>;
  /** Saves files in the workbook's folder on OneDrive or SharePoint; a link for each. */
  saveToOneDrive(workbookUrl: string, files: readonly FileWire[]): Promise<FileLink[]>;
  /** The workbooks (.xlsx, .xlsm) of the user's OneDrive, to pick the tracking workbook from. */
  listWorkbooks(): Promise<WorkbookFileWire[]>;
  /** The workbook's sheets, read through Graph as the user. */
  workbookSheets(workbook: WorkbookRefWire): Promise<WorkbookSheetsWire>;
  /**
   * Appends journal lines (as POST /api/workbook/journal takes them) the journal does not hold yet.
   * @returns how many were added
   */
  appendToJournal(workbook: WorkbookRefWire, lines: readonly object[]): Promise<number>;
}

export interface ApiClientOptions {
  /** The server's origin ("https://localhost:3000"): the pane's own. */
  readonly origin: string;
  readonly tokens: TokenSource;
  readonly fetch: typeof fetch;
}

/** The API's codes (README, "The server's API") that only the user can clear, at a prompt. */
const INTERACTIVE_CODES = new Set(["consent_required", "interaction_required"]);

/** The sentence for a status when the server sends none. */
const BY_STATUS: Readonly<Record<number, string>> = {
  400: "Le serveur a refusé la demande. / The server refused the request.",
  401: "Connexion à Microsoft 365 refusée : reconnectez-vous, ou demandez à l'administrateur de consentir à l'application. / Microsoft 365 refused the sign-in: sign in again, or ask your administrator to consent to the app.",
  403: "Microsoft 365 refuse cet accès à votre compte. / Microsoft 365 denies your account this access.",
  404: "Introuvable dans Microsoft 365. / Not found in Microsoft 365.",
  413: "Trop volumineux pour un envoi : sélectionnez moins de clients. / Too large to send at once: select fewer customers.",
  429: "Trop de demandes à Microsoft 365. / Too many requests to Microsoft 365.",
  502: "Microsoft 365 a mal répondu. / Microsoft 365 answered badly.",
  503: "Microsoft 365 est indisponible pour le moment. / Microsoft 365 is unavailable for now.",
  504: "Microsoft 365 n'a pas répondu à temps. / Microsoft 365 did not answer in time.",
};
const CONSENT = "Microsoft 365 demande un consentement : demandez à l'administrateur de consentir à l'application (Mail.ReadWrite, Files.ReadWrite). / Microsoft 365 asks for consent: ask your administrator to consent to the app (Mail.ReadWrite, Files.ReadWrite).";
const UNREACHABLE = "Le serveur de Relances ne répond pas. / The Relances server does not answer.";

/**
 * The message of an error answer: the server's own (French / English) when it gives one, else the
 * status's; with when to try again after a 429 or 503.
 * @example apiErrorMessage(429, undefined, 30) // "Trop de demandes à Microsoft 365. Réessayez dans 30 s. / Too many requests… Try again in 30 s."
 */
export function apiErrorMessage(status: number, body: { readonly code?: string; readonly message?: string } | undefined, retryAfterSeconds?: number): string {
  const own = body?.message?.trim();
  const consent = body?.code !== undefined && /consent/i.test(body.code);
  const base = own !== undefined && own !== "" ? own : consent ? CONSENT : (BY_STATUS[status] ?? `Le serveur a répondu HTTP ${status}. / The server answered HTTP ${status}.`);
  if (retryAfterSeconds === undefined) return base;
  const [french, english] = halves(base);
  const stop = (text: string): string => (/[.!?…]$/.test(text) ? text : `${text}.`);
  return `${stop(french)} Réessayez dans ${retryAfterSeconds} s. / ${stop(english)} Try again in ${retryAfterSeconds} s.`;
}

/** The French and English halves of a "… / …" message (the whole for both when it is not split so). */
function halves(message: string): [string, string] {
  const parts = message.split(" / ");
  return parts.length === 2 ? [parts[0]!.trim(), parts[1]!.trim()] : [message, message];
}

/** Retry-After in whole seconds, from a number of seconds or an HTTP date. */
function retryAfter(header: string | null): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function errorOf(response: Response): Promise<ApiClientError> {
  let body: { code?: string; message?: string } | undefined;
  try {
    const parsed = (await response.clone().json()) as { error?: { code?: unknown; message?: unknown } };
    const error = parsed?.error;
    if (error !== undefined && error !== null && typeof error === "object") {
      body = { code: typeof error.code === "string" ? error.code : undefined, message: typeof error.message === "string" ? error.message : undefined };
    }
  } catch {
    // Not JSON (a proxy's page): the status says it.
  }
  const wait = response.status === 429 || response.status === 503 || response.status === 504 ? retryAfter(response.headers.get("Retry-After")) : undefined;
  return new ApiClientError(response.status, body?.code ?? `http_${response.status}`, apiErrorMessage(response.status, body, wait), wait);
}

/**
 * @example const api = createApiClient({ origin: location.origin, tokens, fetch: fetch.bind(window) });
 * const answers = await api.createDrafts([{ key, message }]);
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  // A body: POST it; none: GET.
  const call = async <T>(path: string, body?: unknown): Promise<T> => {
    const json = body === undefined ? undefined : JSON.stringify(body);
    const send = async (tokenOptions: TokenOptions): Promise<Response> => {
      const token = await options.tokens.token(tokenOptions);
      try {
        return await options.fetch(`${options.origin}${path}`, {
          method: json === undefined ? "GET" : "POST",
          headers: { Authorization: `Bearer ${token}`, Accept: "application/json", ...(json === undefined ? {} : { "Content-Type": "application/json" }) },
          ...(json === undefined ? { cache: "no-store" as const } : { body: json }),
        });
      } catch {
        throw new ApiClientError(0, "unreachable", UNREACHABLE);
      }
    };
    let response = await send({});
    // Once: a token expired or revoked since it was cached, or one the user must renew at a prompt;
    // a second 401 is the server's last word.
    if (response.status === 401) {
      const { code } = await errorOf(response);
      response = await send({ fresh: true, interactive: INTERACTIVE_CODES.has(code) });
    }
    if (!response.ok) throw await errorOf(response);
    return (await response.json()) as T;
  };
  return {
    async createDrafts(drafts) {
      const answer = await call<{ drafts?: unknown }>(DRAFTS_ROUTE, { drafts });
      const answers = Array.isArray(answer.drafts) ? (answer.drafts as DraftAnswerWire[]) : [];
      if (answers.length !== drafts.length || answers.some((a, i) => a?.key !== drafts[i]!.key || typeof a.id !== "string" || a.id === "")) {
        throw new ApiClientError(502, "bad_answer", "Le serveur a répondu sans les brouillons demandés. / The server answered without the drafts asked for.");
      }
      return answers;
    },
    async saveToOneDrive(workbookUrl, files) {
      const answer = await call<{ links?: unknown }>(ONEDRIVE_FILES_ROUTE, { workbookUrl, files });
      const links = Array.isArray(answer.links) ? (answer.links as FileLink[]) : [];
      if (links.some((l) => typeof l?.path !== "string" || typeof l.url !== "string" || !/^https:\/\//i.test(l.url))) {
        throw new ApiClientError(502, "bad_answer", "Le serveur a répondu sans liens valables. / The server answered without valid links.");
      }
      return links;
    },
    async listWorkbooks() {
      const answer = await call<{ files?: unknown }>(ONEDRIVE_FILES_ROUTE);
      const files = Array.isArray(answer.files) ? (answer.files as WorkbookFileWire[]) : [];
      return files.filter((f) => typeof f?.name === "string" && typeof f.webUrl === "string" && /^https:\/\//i.test(f.webUrl));
    },
    async workbookSheets(workbook) {
      const answer = await call<Partial<WorkbookSheetsWire>>(WORKBOOK_SHEETS_ROUTE, workbook);
      if (typeof answer.workbook?.name !== "string" || !Array.isArray(answer.sheets)) {
        throw new ApiClientError(502, "bad_answer", "Le serveur a répondu sans les feuilles du classeur. / The server answered without the workbook's sheets.");
      }
      return answer as WorkbookSheetsWire;
    },
    async appendToJournal(workbook, lines) {
      const answer = await call<{ added?: unknown }>(WORKBOOK_JOURNAL_ROUTE, { ...workbook, lines });
      if (typeof answer.added !== "number") throw new ApiClientError(502, "bad_answer", "Le serveur a répondu sans dire ce qu'il a ajouté au journal. / The server answered without saying what it added to the journal.");
      return answer.added;
    },
  };
}
