// The API's Microsoft 365 routes, one line each. A route file's router is mounted under /api and
// defines its paths as they are there ("/drafts"); `path` is the prefix it owns under /api, which
// the sign-in check, the rate limit and the JSON body parser guard: a request outside every prefix
// never reaches any route of this list (it goes on to /api/files and the static files).
import type { ApiRoute } from "./apiDeps";
import { draftsRoute } from "./draftsRoute";
import { meRoute } from "./meRoute";
import { oneDriveFilesRoute } from "./oneDriveFilesRoute";
import { workbookRoute } from "./workbookRoute";

export interface ApiRouteEntry {
  /** The prefix under /api the route owns: "/drafts" for /api/drafts and /api/drafts/... */
  readonly path: string;
  readonly route: ApiRoute;
}

export const API_ROUTES: readonly ApiRouteEntry[] = [
  { path: "/me", route: meRoute },
  { path: "/drafts", route: draftsRoute },
  { path: "/workbook", route: workbookRoute },
  { path: "/onedrive", route: oneDriveFilesRoute },
];
