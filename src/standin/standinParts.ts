// The parts `npm run m365-standin` mounts, in order: the mail side (faults, limits, $batch,
// messages: its middleware wraps every Graph route, the workbook's too), then the drive and its
// workbooks.
import { StandinDrive } from "./standinDrive";
import { standinDriveRoutes } from "./standinDriveRoutes";
import { standinMailSide } from "./standinMailParts";
import type { StandinPart } from "./standinServer";
import { standinTenant } from "./standinTenant";
import { StandinWorkbooks, standinWorkbookRoutes } from "./standinWorkbook";

/** The users' OneDrive and the workbooks on it (files put with PUT /_standin/drive/{upn}/{path}). */
export const STANDIN_DRIVE = new StandinDrive(standinTenant(process.env));
export const STANDIN_WORKBOOKS = new StandinWorkbooks(STANDIN_DRIVE, { sessionIdleMs: Number(process.env.STANDIN_SESSION_IDLE_MS) || undefined });

export const STANDIN_PARTS: readonly StandinPart[] = [...standinMailSide().parts, standinDriveRoutes(STANDIN_DRIVE), standinWorkbookRoutes(STANDIN_WORKBOOKS)];
