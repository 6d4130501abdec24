// The run's files for Excel on the desktop, whose task pane cannot download: the pane POSTs them
// (JSON, base64), the server writes each one whole into a folder of its own under the output
// folder (RELANCES_OUTPUT, else ./relances-sorties) and answers links to them, which the pane
// opens in the browser. Only the run's layout is taken (courriers/x.docx, releves/x.pdf...):
// no other folder, no "..", no hidden file; only JSON from the pane's own origin.
import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { writeFileAtomically } from "../writeFileAtomically";

/** Where the route is mounted. */
export const FILES_PATH = "/api/files";
/** The folders of a run's layout (src/engine/runDocuments.ts, the pane's exports). */
/** The languages of the templates folder (templates/fr, templates/en). */
const TEMPLATE_LANGUAGES: readonly string[] = ["fr", "en"];

export const RUN_FOLDERS: readonly string[] = ["courriers", "releves", "emails", "injonctions", "feuilles", "exports"];
/** The kinds of file a run makes. */
const EXTENSIONS = new Set([".docx", ".pdf", ".eml", ".xlsx", ".csv", ".txt", ".json", ".zip"]);
// The e-mail templates are HTML and text; they are only ever served as attachments.
const TEMPLATE_EXTENSIONS = new Set([".html", ".txt", ".docx"]);
const FILE_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._ -]{0,150}$/u;
// Names Windows keeps for devices, whatever the extension.
const DEVICE_NAME = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
const RUN_FOLDER = /^\d{4}-\d{2}-\d{2}-\d{6}-[0-9a-f]{6}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_FILES = 1000;

export interface FilesRouteOptions {
  /** The output folder, made when missing. */
  readonly outputDir: string;
  /** The largest request body, in bytes (base64 included); 64 MB by default. */
  readonly maxBytes?: number | undefined;
}

/**
 * The output folder: $RELANCES_OUTPUT, else relances-sorties in the current folder.
 * @example outputFolder({ RELANCES_OUTPUT: "/srv/relances" }) // "/srv/relances"
 */
export function outputFolder(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.RELANCES_OUTPUT?.trim();
  return path.resolve(given !== undefined && given !== "" ? given : "relances-sorties");
}

/**
 * Whether a path is one of a run's files: "courriers/relance-2-2026-06-30.docx", or a file at the
 * run's root; never "..", an absolute path, a backslash or a hidden file.
 * @example isRunFilePath("../etc/passwd") // false
 */
export function isRunFilePath(file: string): boolean {
  const parts = file.split("/");
  // The templates the Settings screen hands out keep their language folder: modeles/fr/reminder1.html.
  if (parts.length === 3 && parts[0] === "modeles" && TEMPLATE_LANGUAGES.includes(parts[1]!)) parts.splice(0, 2, "modeles");
  if (parts.length > 2 || (parts.length === 2 && !RUN_FOLDERS.includes(parts[0]!) && parts[0] !== "modeles")) return false;
  const name = parts[parts.length - 1]!;
  if (!FILE_NAME.test(name) || name.includes("..") || DEVICE_NAME.test(name) || /[. ]$/.test(name)) return false;
  const extension = path.extname(name).toLowerCase();
  return EXTENSIONS.has(extension) || (parts[0] === "modeles" && TEMPLATE_EXTENSIONS.has(extension));
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface IncomingFile {
  readonly path: string;
  readonly bytes: Buffer;
}

/** The files of a POST body, checked; throws a Refusal saying what is wrong. */
function filesOf(body: unknown): IncomingFile[] {
  const files = (body as { files?: unknown } | null)?.files;
  if (!Array.isArray(files) || files.length === 0 || files.length > MAX_FILES) {
    throw new Refusal(400, `Il faut une liste «files» de 1 à ${MAX_FILES} fichiers / "files" must list 1 to ${MAX_FILES} files`);
  }
  const seen = new Set<string>();
  return files.map((file: unknown, index) => {
    const { path: name, base64 } = (file ?? {}) as { path?: unknown; base64?: unknown };
    if (typeof name !== "string" || !isRunFilePath(name)) {
      throw new Refusal(400, `Fichier ${index + 1} : chemin refusé ${JSON.stringify(String(name)).slice(0, 200)} / file ${index + 1}: path refused`);
    }
    if (seen.has(name.toLowerCase())) throw new Refusal(400, `Fichier en double : ${name} / duplicate file: ${name}`);
    seen.add(name.toLowerCase());
    if (typeof base64 !== "string" || base64.length % 4 !== 0 || !BASE64.test(base64)) {
      throw new Refusal(400, `Fichier ${name} : contenu base64 invalide / file ${name}: invalid base64 content`);
    }
    return { path: name, bytes: Buffer.from(base64, "base64") };
  });
}

/** A new run folder's name: the local date and time, and six random hex digits so that links cannot be guessed. */
function newRunFolder(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `${date}-${time}-${randomBytes(3).toString("hex")}`;
}

function linkOf(folder: string, file: string): string {
  return `${FILES_PATH}/${folder}/${file.split("/").map(encodeURIComponent).join("/")}`;
}

/** Whether a request came from a page of this server, or from no page at all (a tool). */
function sameOrigin(req: Request): boolean {
  const origin = req.get("origin");
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.get("host");
  } catch {
    return false;
  }
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * The files route: POST / (JSON { files: [{ path, type, base64 }] }) writes a run's files and
 * answers { folder, index, links }; GET /FOLDER/ lists them; GET /FOLDER/PATH sends one.
 *
 * @param options - outputDir, maxBytes
 * @returns an express router, to mount at FILES_PATH
 */
export function filesRoute(options: FilesRouteOptions): Router {
  const router = express.Router();
  const outputDir = path.resolve(options.outputDir);
  const json = express.json({ limit: options.maxBytes ?? 64 * 1024 * 1024, type: "application/json" });

  router.post("/", (req: Request, res: Response, next: NextFunction) => {
    if (!sameOrigin(req)) return void refuse(res, new Refusal(403, "Origine refusée / origin refused"));
    if (!req.is("application/json")) return void refuse(res, new Refusal(415, "JSON attendu / JSON expected"));
    json(req, res, (error?: unknown) => {
      if (error !== undefined) return void next(error);
      void (async () => {
        const files = filesOf(req.body);
        const folder = newRunFolder();
        // One after another: a run's files are few, and each is written whole or not at all.
        for (const file of files) await writeFileAtomically(path.join(outputDir, folder, ...file.path.split("/")), file.bytes);
        res.status(201).json({
          folder,
          index: `${FILES_PATH}/${folder}/`,
          links: files.map((file) => ({ path: file.path, url: linkOf(folder, file.path) })),
        });
      })().catch((failure: unknown) => (failure instanceof Refusal ? refuse(res, failure) : next(failure)));
    });
  });

  router.get(/^\/.+/, (req: Request, res: Response, next: NextFunction) => {
    let parts: string[];
    try {
      parts = req.path.slice(1).split("/").map(decodeURIComponent);
    } catch {
      return void refuse(res, new Refusal(400, "Chemin illisible / unreadable path"));
    }
    const [folder, ...rest] = parts;
    if (folder === undefined || !RUN_FOLDER.test(folder)) return next();
    const file = rest.join("/");
    if (file === "") return void sendIndex(res, path.join(outputDir, folder), folder).catch(next);
    if (!isRunFilePath(file)) return void refuse(res, new Refusal(404, "Introuvable / Not found"));
    res.attachment(rest[rest.length - 1]!);
    res.setHeader("Cache-Control", "no-store");
    res.sendFile(path.join(folder, ...rest), { root: outputDir, dotfiles: "deny" }, (error) => {
      if (error !== undefined && !res.headersSent) next();
    });
  });

  return router;
}

function refuse(res: Response, refusal: Refusal): void {
  res.status(refusal.status).type("text/plain; charset=utf-8").send(`${refusal.message}\n`);
}

/** The run folder's page: a link to each file, grouped as on disk. */
async function sendIndex(res: Response, dir: string, folder: string): Promise<void> {
  const files: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return refuse(res, new Refusal(404, "Introuvable / Not found"));
  }
  for (const entry of entries) {
    if (entry.isFile() && isRunFilePath(entry.name)) files.push(entry.name);
    if (entry.isDirectory() && RUN_FOLDERS.includes(entry.name)) {
      for (const inner of await readdir(path.join(dir, entry.name))) {
        if (isRunFilePath(`${entry.name}/${inner}`)) files.push(`${entry.name}/${inner}`);
      }
    }
  }
  files.sort();
  const items = files.map((file) => `<li><a href="${escapeHtml(linkOf(folder, file))}">${escapeHtml(file)}</a></li>`).join("\n");
  res.setHeader("Cache-Control", "no-store");
  res.type("text/html; charset=utf-8").send(
    `<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><title>Relances : fichiers / files</title></head>\n` +
      `<body><h1>Fichiers de la relance / Files of the run</h1>\n<p>${escapeHtml(folder)}</p>\n<ul>\n${items}\n</ul></body></html>\n`,
  );
}
