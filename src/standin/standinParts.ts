// The parts `npm run m365-standin` and the tests mount, in order: middleware (limits, faults)
// before the routes they wrap.
import { StandinDrive } from "./standinDrive";
import { standinDriveRoutes } from "./standinDriveRoutes";
import type { StandinPart } from "./standinServer";
import { standinTenant } from "./standinTenant";
import { StandinWorkbooks, standinWorkbookRoutes } from "./standinWorkbook";

/** The users' OneDrive and the workbooks on it (files put with PUT /_standin/drive/{upn}/{path}). */
export const STANDIN_DRIVE = new StandinDrive(standinTenant(process.env));
export const STANDIN_WORKBOOKS = new StandinWorkbooks(STANDIN_DRIVE, { sessionIdleMs: Number(process.env.STANDIN_SESSION_IDLE_MS) || undefined });

export const STANDIN_PARTS: readonly StandinPart[] = [standinDriveRoutes(STANDIN_DRIVE), standinWorkbookRoutes(STANDIN_WORKBOOKS)];
