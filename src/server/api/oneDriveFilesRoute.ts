// Files saved next to the tracking workbook on OneDrive or SharePoint, for the Excel pane once
// Microsoft 365 is configured (issue 11, point 3), as the signed-in user:
//
//   POST /api/onedrive/files  {workbookUrl, files: [{path, type, base64}]}
//        -> {links: [{path, url}]}
//   GET  /api/onedrive/files
//        -> {files: [{name, webUrl, folder?}]}
//        The workbooks (.xlsx, .xlsm) of the user's OneDrive, found by Graph's search, for the
//        Outlook pane's setting to pick the tracking workbook from (its webUrl then names it).
//
// workbookUrl is the document's URL as Office gives it (Office.context.document.url); each file's
// path is relative ("courriers/Relance 1.docx"), type its MIME type, base64 its bytes. The files go
// into the day's « relances-YYYY-MM-DD » folder beside the workbook (made when missing), a file of
// the same name replaced; each link is the file's webUrl, which the pane opens. Errors are ApiErrors
// as in workbookRoute.ts (400 invalid_request for a path OneDrive would refuse or one leaving the folder).
import type { DriveItem } from "@microsoft/microsoft-graph-types";
import express from "express";
import { z } from "zod";
import { dayFromLocalParts, dayToIso } from "../../core/day";
import { bytesOfBase64 } from "../../engine/base64";
import { isSafeDrivePath, relancesFolder, saveFilesBeside } from "../../graph/driveFiles";
import { withRetryAfter } from "../../graph/workbookRetry";
import type { ApiRoute } from "./apiDeps";
import { graphApiError, openWorkbookItem, parsed, userGraphClient, workbookUrlSchema } from "./workbookRoute";

/** The most a request may carry (base64 of the files of one action). */
const BODY_LIMIT = "40mb";
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** The most workbooks listed: a picker, not an inventory. */
const LISTED = 200;
const WORKBOOK = /\.xls[xm]$/i;

const filesBody = z.object({
  workbookUrl: workbookUrlSchema,
  files: z
    .array(
      z
        .object({
          path: z.string().min(1).max(400).refine(isSafeDrivePath, { message: "path refused" }),
          type: z.string().min(1).max(200),
          base64: z.string().max(40 * 1024 * 1024).regex(BASE64),
        })
        .strict(),
    )
    .min(1)
    .max(1000),
});

/** Today on the server's calendar, as the folder names it. */
function today(): string {
  const now = new Date();
  return dayToIso(dayFromLocalParts(now.getFullYear(), now.getMonth(), now.getDate()));
}

export const oneDriveFilesRoute: ApiRoute = (deps) => {
  const router = express.Router();
  router.post("/onedrive/files", express.json({ limit: BODY_LIMIT }), async (req, res) => {
    const body = parsed(filesBody, req.body);
    const files = body.files.map((file) => ({ path: file.path, bytes: bytesOfBase64(file.base64) }));
    try {
      const { client, item } = await openWorkbookItem(deps, req, body.workbookUrl);
      const saved = await saveFilesBeside(client, item, relancesFolder(today()), files);
      res.json({ links: saved.map((file) => ({ path: file.path, url: file.url })) });
    } catch (error) {
      throw graphApiError(error);
    }
  });
  router.get("/onedrive/files", async (req, res) => {
    try {
      const client = await userGraphClient(deps, req);
      const answer = (await withRetryAfter(() => client.api("/me/drive/root/search(q='xls')").select(["id", "name", "webUrl", "parentReference", "file"]).top(LISTED).get())) as { value?: DriveItem[] };
      const files = (answer.value ?? [])
        .filter((item) => item.file !== undefined && typeof item.name === "string" && WORKBOOK.test(item.name) && typeof item.webUrl === "string")
        .map((item) => ({ name: item.name!, webUrl: item.webUrl!, folder: folderOf(item.parentReference?.path ?? undefined) }))
        .sort((a, b) => `${a.folder ?? ""}/${a.name}`.localeCompare(`${b.folder ?? ""}/${b.name}`, "fr"));
      res.setHeader("Cache-Control", "no-store");
      res.json({ files });
    } catch (error) {
      throw graphApiError(error);
    }
  });
  return router;
};

/** "/drives/b!x/root:/Compta/2026" -> "Compta/2026"; undefined at the root or when Graph gives no path. */
function folderOf(parentPath: string | undefined): string | undefined {
  const after = parentPath?.split("root:")[1];
  if (after === undefined) return undefined;
  const folder = decodeURIComponent(after).replace(/^\/+/, "");
  return folder === "" ? undefined : folder;
}
