// DSO as the management report computes it (reportFromArrays, the same figure as the Rapport screen
// and `relances report`), asked for once the worklist is on screen so that it never delays it.
import { useEffect, useState } from "react";
import { reportFromArrays } from "../../src/engine/reportArrays";
import { usePane } from "./paneContext";

export type DsoState =
  | { readonly status: "pending" }
  | { readonly status: "ready"; readonly days: number | null; readonly method: string; readonly problem?: string | undefined };

/** @param start - false until the plan is shown */
export function useReportDso(start: boolean): DsoState {
  const { sheets, asOf, revision, host } = usePane();
  const [state, setState] = useState<DsoState>({ status: "pending" });
  useEffect(() => {
    if (!start) return;
    let current = true;
    setState({ status: "pending" });
    // After the next paint (a frame, then a task): the worklist is on screen first.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => {
      reportFromArrays(sheets, asOf, { lang: host.language }).then(
        (result) => current && setState({ status: "ready", days: result.json?.dso.days ?? null, method: result.json?.dso.method ?? "", problem: result.json?.dso.problem ?? result.problem }),
        (error: unknown) => current && setState({ status: "ready", days: null, method: "", problem: error instanceof Error ? error.message : String(error) }),
      );
    }, 0)));
    return () => {
      current = false;
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [start, sheets, asOf, revision, host.language]);
  return state;
}
