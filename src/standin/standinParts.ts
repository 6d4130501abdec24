// The parts `npm run m365-standin` and the tests mount, in order: middleware (limits, faults)
// before the routes they wrap.
import { standinMailSide } from "./standinMailParts";
import type { StandinPart } from "./standinServer";

export const STANDIN_PARTS: readonly StandinPart[] = [...standinMailSide().parts];
