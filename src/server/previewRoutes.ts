// The preview's routes (https://localhost:3000/preview): its page, the bundled sample workbook it
// opens first, and the shipped templates that the engine in the page renders documents from (also
// for the pane inside Excel, same origin). The page's scripts are files of dist/preview/ (addinFiles).
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Router, type Response } from "express";
import { templatesFolder } from "../node/emailTemplates";
import { writeSampleWorkbook } from "../sample/sampleWorkbook";

export const PREVIEW_PATH = "/preview";
export const SAMPLE_PATH = "/preview/sample.xlsx";
/** The Outlook read pane on the server's embedded workbook, with sample replies. */
export const OUTLOOK_PREVIEW_PATH = "/preview/outlook";
/** The templates' list ({ files: ["fr/reminder1.docx", ...] }); each file at /templates/<lang>/<name>. */
export const TEMPLATES_INDEX_PATH = "/templates/index.json";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const TEMPLATE_TYPES: Record<string, string> = {
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".html": "text/html; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

let sample: Promise<Buffer> | undefined;

/** The sample workbook's bytes, written once per process. */
function sampleBytes(): Promise<Buffer> {
  sample ??= (async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "relances-sample-"));
    try {
      const file = path.join(dir, "exemple.xlsx");
      await writeSampleWorkbook(file);
      return await readFile(file);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  sample.catch(() => (sample = undefined));
  return sample;
}

/** The shipped templates, by "<lang>/<name>": only these are served. */
async function templateFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const lang of ["fr", "en"]) {
    for (const name of (await readdir(path.join(templatesFolder(), lang))).sort()) {
      if (path.extname(name) in TEMPLATE_TYPES) files.push(`${lang}/${name}`);
    }
  }
  return files;
}

export function previewRoutes(root: string): Router {
  const router = Router();
  const noCache = (res: Response): void => void res.setHeader("Cache-Control", "no-cache");
  router.get([PREVIEW_PATH, `${PREVIEW_PATH}/`], (_req, res) => {
    noCache(res);
    res.sendFile(path.join(root, "preview", "preview.html"));
  });
  router.get([OUTLOOK_PREVIEW_PATH, `${OUTLOOK_PREVIEW_PATH}/`], (_req, res) => {
    noCache(res);
    res.sendFile(path.join(root, "preview", "outlook.html"));
  });
  router.get(SAMPLE_PATH, async (_req, res, next) => {
    try {
      noCache(res);
      res.type(XLSX_TYPE).send(await sampleBytes());
    } catch (error) {
      next(error);
    }
  });
  router.get(TEMPLATES_INDEX_PATH, async (_req, res, next) => {
    try {
      noCache(res);
      res.json({ files: await templateFiles() });
    } catch (error) {
      next(error);
    }
  });
  router.get("/templates/:lang/:name", async (req, res, next) => {
    try {
      const file = `${req.params.lang}/${req.params.name}`;
      if (!(await templateFiles()).includes(file)) return next();
      noCache(res);
      res.type(TEMPLATE_TYPES[path.extname(file)]!).sendFile(path.join(templatesFolder(), req.params.lang, req.params.name));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
