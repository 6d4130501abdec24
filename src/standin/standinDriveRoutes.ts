// The stand-in's drive endpoints, as Graph documents them: /me/drive and /drives/{id}, items by id
// and by path, children, search (by name), content (download, and PUT …:/path:/content for a small
// file), sharing URLs resolved by /shares/{u!base64url}/driveItem, and upload sessions for large
// files (their uploadUrl outside /v1.0, taking byte ranges without a token, as OneDrive's does).
import express, { type Request, type Response } from "express";
import { graphError, type GraphCaller, type GraphRequest, type GraphResponse } from "./graphExchange";
import { STANDIN_SHAREPOINT, type Drive, type DriveItem, type StandinDrive } from "./standinDrive";
import type { StandinPart } from "./standinServer";
import { findUser } from "./standinTenant";

const PREFIX = String.raw`^/(?:me/drive|drives/([^/]+))`;
/** Files.ReadWrite and wider (delegated scopes or application roles). */
const WRITE = ["Files.ReadWrite", "Files.ReadWrite.All", "Sites.ReadWrite.All"];
const READ = [...WRITE, "Files.Read", "Files.Read.All", "Sites.Read.All"];
/** An upload session lives this long without a byte (OneDrive's are days; tests need less). */
const UPLOAD_SESSION_MS = 15 * 60_000;

interface UploadSession {
  readonly folder: DriveItem;
  readonly path: string;
  readonly conflict: "replace" | "fail" | "rename";
  readonly chunks: Uint8Array[];
  received: number;
  total?: number | undefined;
  expires: number;
}

/** The mime type of a file by its name, as OneDrive reports it. */
function mimeType(name: string): string {
  const ext = name.toLowerCase().split(".").pop() ?? "";
  const types: Record<string, string> = {
    xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    pdf: "application/pdf",
    eml: "message/rfc822",
    txt: "text/plain",
    csv: "text/csv",
    zip: "application/zip",
  };
  return types[ext] ?? "application/octet-stream";
}

/** The driveItem resource (https://learn.microsoft.com/graph/api/resources/driveitem). */
export function driveItemResource(store: StandinDrive, item: DriveItem): Record<string, unknown> {
  const drive = store.drive(item.driveId)!;
  const parent = item.parentId === undefined ? undefined : store.item(item.driveId, item.parentId);
  const parentPath = parent === undefined ? undefined : store.pathOf(parent);
  return {
    "@odata.type": "#microsoft.graph.driveItem",
    id: item.id,
    name: item.name,
    webUrl: store.webUrl(item),
    size: item.folder ? store.children(item).reduce((sum, child) => sum + child.bytes.length, 0) : item.bytes.length,
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    eTag: `"{${item.id}},${item.version}"`,
    cTag: `"c:{${item.id}},${item.version}"`,
    createdBy: { user: { id: drive.owner.id, displayName: drive.owner.displayName, email: drive.owner.userPrincipalName } },
    parentReference:
      parent === undefined
        ? { driveId: item.driveId, driveType: "business" }
        : { driveId: item.driveId, driveType: "business", id: parent.id, path: `/drives/${item.driveId}/root:${parentPath === "" ? "" : `/${parentPath}`}` },
    ...(item.parentId === undefined ? { root: {} } : {}),
    ...(item.folder ? { folder: { childCount: store.children(item).length } } : { file: { mimeType: mimeType(item.name) } }),
  };
}

function notFound(): GraphResponse {
  return graphError(404, "itemNotFound", "The resource could not be found.");
}

/** Whether the caller may read (or write) files. */
function allowed(caller: GraphCaller, write: boolean): boolean {
  return caller.permissions.some((p) => (write ? WRITE : READ).includes(p));
}

/**
 * The drive a request names (/me/drive: the signed-in user's; /drives/{id}: that one, when the
 * caller owns it or is the app), or the error Graph answers.
 */
export function driveOfRequest(store: StandinDrive, request: GraphRequest, driveId: string | undefined, write: boolean): Drive | GraphResponse {
  if (!allowed(request.caller, write)) return graphError(403, "accessDenied", "Access denied. Check credentials and try again.");
  if (driveId === undefined) {
    const user = request.caller.userId === undefined ? undefined : findUser(store.tenant, request.caller.userId);
    if (user === undefined) return graphError(400, "BadRequest", "/me request is only valid with delegated authentication flow.");
    return store.driveOf(user);
  }
  const drive = store.drive(driveId);
  if (drive === undefined) return notFound();
  if (request.caller.userId !== undefined && request.caller.userId !== drive.owner.id) return graphError(403, "accessDenied", "Access denied. Check credentials and try again.");
  return drive;
}

function isResponse(value: unknown): value is GraphResponse {
  return typeof value === "object" && value !== null && "status" in value;
}

/** The item a request names: the root, an id, or a path below either. */
function itemOf(store: StandinDrive, drive: Drive, id: string | undefined, path: string | undefined): DriveItem | undefined {
  const base = id === undefined ? store.item(drive.id, drive.rootId) : store.item(drive.id, id);
  if (base === undefined) return undefined;
  return path === undefined || path === "" ? base : store.at(base, path);
}

function conflictOf(query: URLSearchParams, body?: unknown): "replace" | "fail" | "rename" {
  const fromBody = (body as { item?: Record<string, unknown> } | undefined)?.item?.["@microsoft.graph.conflictBehavior"];
  const value = String(query.get("@microsoft.graph.conflictBehavior") ?? fromBody ?? "replace");
  return value === "fail" || value === "rename" ? value : "replace";
}

/** A shareId: "u!" and the URL in unpadded base64url, as Graph's /shares takes a sharing URL. */
export function urlOfShareId(shareId: string): string | undefined {
  if (!shareId.startsWith("u!")) return undefined;
  try {
    return Buffer.from(shareId.slice(2).replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  } catch {
    return undefined;
  }
}

/**
 * The drive's endpoints as a stand-in part.
 * @example startStandin({ parts: [standinDriveRoutes(drive), standinWorkbookRoutes(drive, workbooks)] })
 */
export function standinDriveRoutes(store: StandinDrive): StandinPart {
  return (standin) => {
    const sessions = new Map<string, UploadSession>();
    const graph = standin.graph;

    graph.route("GET", /^\/me\/drive$|^\/drives\/([^/]+)$/, (request, match) => {
      const drive = driveOfRequest(store, request, match[1], false);
      if (isResponse(drive)) return drive;
      return { status: 200, body: { id: drive.id, driveType: "business", name: "OneDrive", owner: { user: { id: drive.owner.id, displayName: drive.owner.displayName } }, webUrl: store.webUrl(store.item(drive.id, drive.rootId)!) } };
    });

    const getItem = (request: GraphRequest, driveId: string | undefined, id: string | undefined, path: string | undefined): GraphResponse => {
      const drive = driveOfRequest(store, request, driveId, false);
      if (isResponse(drive)) return drive;
      const item = itemOf(store, drive, id, path);
      return item === undefined ? notFound() : { status: 200, body: driveItemResource(store, item) };
    };
    graph.route("GET", new RegExp(`${PREFIX}/root$`), (request, match) => getItem(request, match[1], undefined, undefined));
    graph.route("GET", new RegExp(`${PREFIX}/items/([^/:]+)$`), (request, match) => getItem(request, match[1], match[2], undefined));
    graph.route("GET", new RegExp(`${PREFIX}/(?:root|items/([^/:]+)):/([^:]+?):?$`), (request, match) => getItem(request, match[1], match[2], match[3]));

    graph.route("GET", new RegExp(`${PREFIX}/(?:root|items/([^/:]+))(?::/(.+?):)?/children$`), (request, match) => {
      const drive = driveOfRequest(store, request, match[1], false);
      if (isResponse(drive)) return drive;
      const item = itemOf(store, drive, match[2], match[3]);
      if (item === undefined || !item.folder) return notFound();
      return { status: 200, body: { value: store.children(item).map((child) => driveItemResource(store, child)) } };
    });

    // search(q='…'): the folder's descendants whose name holds the words (OneDrive also searches
    // content and metadata; names are what the add-in's file picker needs).
    graph.route("GET", new RegExp(`${PREFIX}/(?:root|items/([^/:]+))/search\\(q='(.*)'\\)$`), (request, match) => {
      const drive = driveOfRequest(store, request, match[1], false);
      if (isResponse(drive)) return drive;
      const folder = itemOf(store, drive, match[2], undefined);
      if (folder === undefined || !folder.folder) return notFound();
      const words = match[3]!.replace(/''/g, "'").toLowerCase().split(/\s+/).filter((w) => w !== "");
      const below = (item: DriveItem): boolean => {
        for (let up = item.parentId; up !== undefined; up = store.item(drive.id, up)?.parentId) if (up === folder.id) return true;
        return false;
      };
      const found = store.itemsOf(drive.id).filter((item) => below(item) && words.every((w) => item.name.toLowerCase().includes(w)));
      return { status: 200, body: { value: found.map((item) => driveItemResource(store, item)) } };
    });

    graph.route("GET", new RegExp(`${PREFIX}/(?:root|items/([^/:]+))(?::/(.+?):)?/content$`), async (request, match) => {
      const drive = driveOfRequest(store, request, match[1], false);
      if (isResponse(drive)) return drive;
      const item = itemOf(store, drive, match[2], match[3]);
      if (item === undefined || item.folder) return notFound();
      return { status: 200, headers: { "content-type": "application/octet-stream" }, body: await store.current(item) };
    });

    graph.route("PUT", new RegExp(`${PREFIX}/(?:root|items/([^/:]+)):/(.+):/content$`), (request, match) => {
      const drive = driveOfRequest(store, request, match[1], true);
      if (isResponse(drive)) return drive;
      const folder = itemOf(store, drive, match[2], undefined);
      if (folder === undefined || !folder.folder) return notFound();
      const body = request.body;
      const bytes = body instanceof Uint8Array ? body : body === undefined ? new Uint8Array() : new TextEncoder().encode(typeof body === "string" ? body : JSON.stringify(body));
      const written = store.write(folder, match[3]!, bytes, conflictOf(request.query));
      if (written === "exists") return graphError(409, "nameAlreadyExists", "The specified item name already exists.");
      return { status: written.created ? 201 : 200, body: driveItemResource(store, written.item) };
    });

    graph.route("POST", new RegExp(`${PREFIX}/(?:root|items/([^/:]+)):/(.+):/createUploadSession$`), (request, match) => {
      const drive = driveOfRequest(store, request, match[1], true);
      if (isResponse(drive)) return drive;
      const folder = itemOf(store, drive, match[2], undefined);
      if (folder === undefined || !folder.folder) return notFound();
      const conflict = conflictOf(request.query, request.body);
      if (conflict === "fail" && store.at(folder, match[3]!) !== undefined) return graphError(409, "nameAlreadyExists", "The specified item name already exists.");
      const id = crypto.randomUUID();
      const expires = Date.now() + UPLOAD_SESSION_MS;
      sessions.set(id, { folder, path: match[3]!, conflict, chunks: [], received: 0, expires });
      return { status: 200, body: { uploadUrl: `${standin.url}/_standin/upload/drive/${id}`, expirationDateTime: new Date(expires).toISOString(), nextExpectedRanges: ["0-"] } };
    });

    graph.route("GET", /^\/shares\/([^/]+)\/driveItem$/, (request, match) => {
      const url = urlOfShareId(match[1]!);
      const item = url === undefined || !url.startsWith(STANDIN_SHAREPOINT) ? undefined : store.byWebUrl(url);
      if (item === undefined) return graphError(404, "itemNotFound", "The sharing link no longer exists, or you do not have permission to access it.");
      const drive = driveOfRequest(store, request, item.driveId, false);
      if (isResponse(drive)) return drive;
      return { status: 200, body: driveItemResource(store, item) };
    });

    // Upload sessions' URLs: byte ranges, no token (OneDrive refuses one there; the URL is the secret).
    standin.app.put("/_standin/upload/drive/:id", express.raw({ type: () => true, limit: "64mb" }), (req: Request, res: Response) => {
      const session = sessions.get(String(req.params.id));
      if (session === undefined || session.expires < Date.now()) {
        sessions.delete(String(req.params.id));
        return void res.status(404).json({ error: { code: "itemNotFound", message: "The upload session was not found." } });
      }
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers["content-range"] ?? ""));
      const bytes = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
      if (range === null || Number(range[1]) !== session.received || Number(range[2]) - Number(range[1]) + 1 !== bytes.length) {
        return void res.status(416).json({ error: { code: "invalidRange", message: "The Content-Range header is missing or does not match the bytes expected.", nextExpectedRanges: [`${session.received}-`] } });
      }
      session.chunks.push(bytes);
      session.received += bytes.length;
      session.total = Number(range[3]);
      session.expires = Date.now() + UPLOAD_SESSION_MS;
      if (session.received < session.total) {
        return void res.status(202).json({ expirationDateTime: new Date(session.expires).toISOString(), nextExpectedRanges: [`${session.received}-`] });
      }
      sessions.delete(String(req.params.id));
      const whole = Buffer.concat(session.chunks);
      const written = store.write(session.folder, session.path, new Uint8Array(whole), session.conflict);
      if (written === "exists") return void res.status(409).json({ error: { code: "nameAlreadyExists", message: "The specified item name already exists." } });
      res.status(written.created ? 201 : 200).json(driveItemResource(store, written.item));
    });
    // The stand-in's own door, for trying the product by hand: a file put in a user's drive by path.
    standin.app.put("/_standin/drive/:user/*path", express.raw({ type: () => true, limit: "64mb" }), (req: Request, res: Response) => {
      const user = findUser(store.tenant, String(req.params.user));
      if (user === undefined) return void res.status(404).json({ error: "unknown_user" });
      const path = ([] as string[]).concat(req.params.path as unknown as string[]).join("/");
      const item = store.put(user, path, Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array());
      res.status(201).json({ id: item.id, webUrl: store.webUrl(item) });
    });
    standin.app.delete("/_standin/upload/drive/:id", (req: Request, res: Response) => {
      sessions.delete(String(req.params.id));
      res.status(204).end();
    });
  };
}
