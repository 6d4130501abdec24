// The files of dist/ that the add-in server serves: the folders manifest.xml points into (task pane,
// custom functions, icons), and in them only the kinds of file a page loads. dist/ also holds the
// command line and the benchmark (dist/cli, dist/bench) and the source maps of every bundle: none of
// them is served. CORS headers go only on what Excel reads from its own pages' origins: the custom
// functions' script and metadata.
import path from "node:path";
import express, { Router, type Response } from "express";

/** Folders of dist/ served, each at /NAME/. */
export const SERVED_FOLDERS = ["taskpane", "functions", "assets", "preview"] as const;

/** Extensions served (lower case); anything else, *.map first of all, answers 404. */
export const SERVED_EXTENSIONS = new Set([".html", ".js", ".css", ".json", ".png"]);

/**
 * Paths under dist/ that Excel fetches with CORS from office.com pages: the script and the metadata
 * of the custom functions (manifest.xml: Functions.Script.Url, Functions.Metadata.Url and its
 * fr-FR override).
 */
export const CORS_FILES = new Set(["functions/functions.js", "functions/functions.json", "functions/functions-fr.json"]);

export function addinFiles(root: string): Router {
  const router = Router();
  router.use((req, _res, next) => {
    next(SERVED_EXTENSIONS.has(extensionOf(req.path)) ? undefined : "router");
  });
  for (const folder of SERVED_FOLDERS) {
    const dir = path.join(root, folder);
    router.use(
      `/${folder}`,
      express.static(dir, {
        index: false,
        redirect: false,
        dotfiles: "ignore",
        cacheControl: false,
        setHeaders(res: Response, file: string) {
          // Development: the browser revalidates every time (the ETag makes that cheap).
          res.setHeader("Cache-Control", "no-cache");
          // Office's pages show the icons and frame the pages from their own origins.
          res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
          const relative = path.relative(root, file).split(path.sep).join("/");
          if (CORS_FILES.has(relative)) res.setHeader("Access-Control-Allow-Origin", "*");
        },
      }),
    );
  }
  return router;
}

/** The extension of a request path as the file system will see it: decoded, lower case. */
function extensionOf(requestPath: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return "";
  }
  return path.posix.extname(decoded).toLowerCase();
}
