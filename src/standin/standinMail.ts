// The stand-in's Outlook messages, as Graph v1.0 answers them: create a draft (POST …/messages, with
// its single-value extended properties and file attachments inline), list them (the extended-property
// $filter, $select, $expand), get one, its attachments, and an upload session for a large attachment
// (createUploadSession; the upload URL is pre-authenticated on another host name, as Outlook's is on
// outlook.office.com, so a client must not send its Graph token there). /me for a delegated caller,
// /users/{id | userPrincipalName} for an app with Mail.ReadWrite.
import express, { type Request, type Response } from "express";
import { graphError, type GraphRequest, type GraphResponse } from "./graphExchange";
import { expandOptions, expandedPropertyId, propertyFilter, selectedFields } from "./standinMailQuery";
import { normalizedPropertyId, type StandinMailStore, type StoredMessage } from "./standinMailStore";
import type { StandinContext, StandinPart } from "./standinServer";
import { findUser, type StandinUser } from "./standinTenant";

export interface StandinMailOptions {
  /** How long each message operation takes, as Exchange's own latency (ms; 0 by default). */
  latencyMs?: number;
}

/** An upload session for an attachment: where its bytes go, and the next one expected. */
interface UploadSession {
  readonly mailboxId: string;
  readonly messageId: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly expires: Date;
  readonly chunks: Uint8Array[];
  next: number;
}

const MAX_UPLOAD = 150 * 1024 * 1024;
const MESSAGE_FIELDS = new Set([
  "subject", "body", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "from", "sender", "importance",
  "singleValueExtendedProperties", "multiValueExtendedProperties", "attachments", "internetMessageId",
  "internetMessageHeaders", "categories", "isReadReceiptRequested", "isDeliveryReceiptRequested", "flag",
]);
const MAILBOX = "^/(me|users/([^/]+))";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The messages part of the stand-in, on `store`.
 * @example startStandin({ parts: [standinMail(new StandinMailStore())] })
 */
export function standinMail(store: StandinMailStore, options: StandinMailOptions = {}): StandinPart {
  return (context) => {
    const sessions = new Map<string, UploadSession>();
    const { graph } = context;
    const latency = async (): Promise<void> => {
      if ((options.latencyMs ?? 0) > 0) await sleep(options.latencyMs!);
    };
    const withMailbox =
      (handle: (request: GraphRequest, user: StandinUser, match: RegExpExecArray) => Promise<GraphResponse> | GraphResponse) =>
      async (request: GraphRequest, match: RegExpExecArray): Promise<GraphResponse> => {
        const user = mailboxOf(context, request, match[2]);
        if (!("id" in user)) return user;
        await latency();
        return handle(request, user, match);
      };

    graph.route("POST", new RegExp(`${MAILBOX}/messages$`), withMailbox((request, user) => createDraft(context, store, request, user)));
    graph.route("GET", new RegExp(`${MAILBOX}/messages$`), withMailbox((request, user) => listMessages(context, store, request, user)));
    graph.route("GET", new RegExp(`${MAILBOX}/messages/([^/]+)$`), withMailbox((request, user, match) => {
      const message = store.get(user.id, match[3]!);
      return message === undefined ? notFound() : { status: 200, body: messageJson(context, message, request) };
    }));
    graph.route("GET", new RegExp(`${MAILBOX}/messages/([^/]+)/attachments$`), withMailbox((request, user, match) => {
      const message = store.get(user.id, match[3]!);
      if (message === undefined) return notFound();
      return { status: 200, body: { value: message.attachments.map((a) => attachmentJson(a, selectedFields(request.query.get("$select")))) } };
    }));
    graph.route("POST", new RegExp(`${MAILBOX}/messages/([^/]+)/attachments/createUploadSession$`), withMailbox((request, user, match) => {
      const message = store.get(user.id, match[3]!);
      if (message === undefined) return notFound();
      const item = ((request.body ?? {}) as { AttachmentItem?: { attachmentType?: string; name?: string; size?: number; contentType?: string } }).AttachmentItem;
      if (item?.attachmentType !== "file" || typeof item.name !== "string" || typeof item.size !== "number" || item.size <= 0 || item.size > MAX_UPLOAD) {
        return graphError(400, "ErrorInvalidRequest", "AttachmentItem needs attachmentType 'file', a name and a size up to 150 MB.");
      }
      const token = Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString("base64url");
      const expires = new Date(Date.now() + 15 * 60_000);
      sessions.set(token, { mailboxId: user.id, messageId: message.immutableId, name: item.name, contentType: item.contentType ?? "application/octet-stream", size: item.size, expires, chunks: [], next: 0 });
      const uploadHost = new URL(context.url);
      uploadHost.hostname = "127.0.0.1";
      return {
        status: 201,
        body: {
          "@odata.context": `${context.url}/v1.0/$metadata#microsoft.graph.uploadSession`,
          uploadUrl: `${uploadHost.origin}/_standin/outlook/upload/${token}`,
          expirationDateTime: expires.toISOString(),
          nextExpectedRanges: ["0-"],
        },
      };
    }));

    context.app.put("/_standin/outlook/upload/:token", express.raw({ type: () => true, limit: "5mb" }), (req, res) => {
      upload(context, store, sessions, req, res);
    });
    context.app.get("/_standin/mail/drafts", (req, res) => {
      const name = typeof req.query.name === "string" ? req.query.name : "RelancesKey";
      res.json({ drafts: Object.fromEntries(store.countsByProperty(name)) });
    });
  };
}

function notFound(): GraphResponse {
  return graphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
}

/** The mailbox a path names, or Graph's refusal. */
function mailboxOf(context: StandinContext, request: GraphRequest, userSegment: string | undefined): StandinUser | GraphResponse {
  const caller = request.caller;
  let user: StandinUser | undefined;
  if (userSegment === undefined) {
    if (caller.userId === undefined) return graphError(400, "BadRequest", "/me request is only valid with delegated authentication flow.");
    user = findUser(context.tenant, caller.userId);
  } else {
    user = findUser(context.tenant, userSegment);
    if (user === undefined) return graphError(404, "ErrorInvalidUser", `The requested user '${userSegment}' is invalid.`);
  }
  if (user === undefined) return graphError(404, "ErrorInvalidUser", "The requested user is invalid.");
  const delegatedElsewhere = caller.userId !== undefined && caller.userId !== user.id;
  if (delegatedElsewhere || !caller.permissions.some((p) => p === "Mail.ReadWrite")) {
    return graphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
  }
  return user;
}

function wantsImmutableId(request: GraphRequest): boolean {
  return /IdType\s*=\s*"?ImmutableId"?/i.test(request.headers.prefer ?? "");
}

function createDraft(context: StandinContext, store: StandinMailStore, request: GraphRequest, user: StandinUser): GraphResponse {
  const body = request.body;
  if (body === null || typeof body !== "object" || Array.isArray(body) || body instanceof Uint8Array) {
    return graphError(400, "RequestBodyRead", "The message must be a JSON object.");
  }
  const fields = { ...(body as Record<string, unknown>) };
  const unknown = Object.keys(fields).find((name) => !MESSAGE_FIELDS.has(name) && !name.startsWith("@odata"));
  if (unknown !== undefined) return graphError(400, "RequestBodyRead", `The property '${unknown}' does not exist on type 'microsoft.graph.message'.`);
  const extended = fields.singleValueExtendedProperties ?? [];
  if (!Array.isArray(extended) || extended.some((p: { id?: unknown; value?: unknown }) => typeof p?.id !== "string" || typeof p?.value !== "string")) {
    return graphError(400, "ErrorInvalidExtendedProperty", "singleValueExtendedProperties: each needs a string id and a string value.");
  }
  const attachments = fields.attachments ?? [];
  if (!Array.isArray(attachments)) return graphError(400, "RequestBodyRead", "attachments must be an array.");
  const files: { name: string; contentType: string; bytes: Uint8Array }[] = [];
  for (const a of attachments as Record<string, unknown>[]) {
    const base64 = a?.contentBytes;
    if (a?.["@odata.type"] !== "#microsoft.graph.fileAttachment" || typeof a.name !== "string" || typeof base64 !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
      return graphError(400, "ErrorInvalidRequest", "A file attachment needs @odata.type #microsoft.graph.fileAttachment, a name and contentBytes in base64.");
    }
    files.push({ name: a.name, contentType: typeof a.contentType === "string" ? a.contentType : "application/octet-stream", bytes: new Uint8Array(Buffer.from(base64, "base64")) });
  }
  delete fields.singleValueExtendedProperties;
  delete fields.attachments;
  const message = store.add(user.id, { ...fields, owner: { name: user.displayName, address: user.userPrincipalName } }, extended as { id: string; value: string }[], files);
  return { status: 201, body: messageJson(context, message, request) };
}

function listMessages(context: StandinContext, store: StandinMailStore, request: GraphRequest, user: StandinUser): GraphResponse {
  const filter = propertyFilter(request.query.get("$filter"));
  if (typeof filter === "string") return graphError(400, "ErrorInvalidUrlQueryFilter", filter);
  const top = Math.min(Number(request.query.get("$top") ?? 10) || 10, 1000);
  const matching = store.inMailbox(user.id).filter((m) => {
    if (filter === undefined) return true;
    const property = m.extended.get(normalizedPropertyId(filter.id));
    // Exchange compares the value without regard to case.
    return property !== undefined && property.value.toLowerCase() === filter.value.toLowerCase();
  });
  return {
    status: 200,
    body: { "@odata.context": `${context.url}/v1.0/$metadata#users('${user.id}')/messages`, value: matching.slice(0, top).map((m) => messageJson(context, m, request)) },
  };
}

function recipient(value: unknown): unknown {
  return value ?? null;
}

/** A message as Graph writes it, cut to $select and with what $expand asks. */
function messageJson(context: StandinContext, message: StoredMessage, request: GraphRequest): Record<string, unknown> {
  const id = wantsImmutableId(request) ? message.immutableId : message.restId;
  const f = message.fields as Record<string, unknown> & { owner: { name: string; address: string } };
  const owner = { emailAddress: f.owner };
  const body = (f.body as { contentType?: string; content?: string } | undefined) ?? { contentType: "text", content: "" };
  const full: Record<string, unknown> = {
    "@odata.etag": `W/"${message.restId.slice(-16)}"`,
    id,
    createdDateTime: message.createdAt.toISOString(),
    lastModifiedDateTime: message.createdAt.toISOString(),
    changeKey: message.restId.slice(-16),
    categories: f.categories ?? [],
    receivedDateTime: message.createdAt.toISOString(),
    sentDateTime: null,
    hasAttachments: message.attachments.length > 0,
    internetMessageId: f.internetMessageId ?? `<${message.restId.slice(-20)}@standin.local>`,
    subject: f.subject ?? "",
    bodyPreview: String(body.content ?? "").replace(/<[^>]*>/g, "").slice(0, 255),
    importance: f.importance ?? "normal",
    parentFolderId: "AQMkADAwATM0MDAAMS1kcmFmdHM",
    conversationId: `AAQkAD${message.restId.slice(-24)}`,
    isRead: true,
    isDraft: true,
    webLink: `https://outlook.office.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    body,
    sender: recipient(f.sender ?? f.from ?? owner),
    from: recipient(f.from ?? owner),
    toRecipients: f.toRecipients ?? [],
    ccRecipients: f.ccRecipients ?? [],
    bccRecipients: f.bccRecipients ?? [],
    replyTo: f.replyTo ?? [],
  };
  const select = selectedFields(request.query.get("$select"));
  const json: Record<string, unknown> = select === undefined ? full : Object.fromEntries(Object.entries(full).filter(([k]) => k === "id" || k === "@odata.etag" || select.has(k)));
  for (const expand of expandOptions(request.query.get("$expand"))) {
    if (expand.name === "singleValueExtendedProperties") {
      const wanted = expandedPropertyId(expand.options);
      const properties = [...message.extended.entries()].filter(([key]) => wanted === undefined || key === normalizedPropertyId(wanted));
      if (properties.length > 0) json.singleValueExtendedProperties = properties.map(([, p]) => ({ id: p.id, value: p.value }));
    } else if (expand.name === "attachments") {
      json.attachments = message.attachments.map((a) => attachmentJson(a, selectedFields(expand.options.get("$select"))));
    }
  }
  void context;
  return json;
}

function attachmentJson(a: StoredMessage["attachments"][number], select: Set<string> | undefined): Record<string, unknown> {
  const full: Record<string, unknown> = {
    "@odata.type": "#microsoft.graph.fileAttachment",
    id: a.id,
    name: a.name,
    contentType: a.contentType,
    size: a.bytes.length,
    isInline: false,
    contentBytes: Buffer.from(a.bytes).toString("base64"),
  };
  return select === undefined ? full : Object.fromEntries(Object.entries(full).filter(([k]) => k === "id" || k === "@odata.type" || select.has(k)));
}

/** One PUT of a byte range to an upload URL: the next range in order, then the attachment when whole. */
function upload(context: StandinContext, store: StandinMailStore, sessions: Map<string, UploadSession>, req: Request, res: Response): void {
  const session = sessions.get(String(req.params.token));
  const fail = (status: number, code: string, message: string): void => void res.status(status).json({ error: { code, message } });
  if (session === undefined || session.expires.getTime() < Date.now()) return fail(404, "ErrorItemNotFound", "The upload session was not found or has expired.");
  // The URL carries its own authorisation: a bearer token sent there is a token sent where it does not belong.
  if (req.headers.authorization !== undefined) return fail(401, "InvalidAudience", "This pre-authenticated upload URL takes no Authorization header.");
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers["content-range"] ?? "");
  const bytes: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (range === null) return fail(400, "ErrorInvalidRequest", "Content-Range: bytes {start}-{end}/{total} is required.");
  const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
  if (total !== session.size || start !== session.next || end < start || end >= total || end - start + 1 !== bytes.length) {
    return fail(416, "ErrorInvalidRange", `Expected bytes from ${session.next} of ${session.size}, in order, as long as the body.`);
  }
  session.chunks.push(new Uint8Array(bytes));
  session.next = end + 1;
  if (session.next < session.size) {
    res.status(200).json({ expirationDateTime: session.expires.toISOString(), nextExpectedRanges: [String(session.next)] });
    return;
  }
  sessions.delete(String(req.params.token));
  const message = store.get(session.mailboxId, session.messageId);
  if (message === undefined) return fail(404, "ErrorItemNotFound", "The message of this upload session no longer exists.");
  const whole = Buffer.concat(session.chunks);
  const attachment = { id: `AAMkADAwATM0MDAAMS1hdHQ${crypto.randomUUID().replace(/-/g, "")}`, name: session.name, contentType: session.contentType, bytes: new Uint8Array(whole) };
  message.attachments.push(attachment);
  res.status(201).setHeader("Location", `${context.url}/v1.0/users/${session.mailboxId}/messages/${message.immutableId}/attachments/${attachment.id}`).end();
}
