// The plan of the workbook as last read, for the reference date, computed by the engine in the
// page; recomputed when the sheets or the date change, the last request winning. While a new plan is
// computed the last one stays shown (marked refreshing), so that the screen keeps its state.
import { useEffect, useState } from "react";
import type { Plan } from "../../src/core/plan";
import { planFromArrays } from "../../src/engine/browserEntry";
import { usePane } from "./paneContext";

export type PlanState =
  | { readonly status: "pending" }
  | { readonly status: "ready"; readonly plan: Plan; readonly asOf: string; readonly revision: number; readonly refreshing?: boolean }
  | { readonly status: "problem"; readonly message: string };

export function usePlan(): PlanState {
  const { sheets, asOf, revision } = usePane();
  const [state, setState] = useState<PlanState>({ status: "pending" });
  useEffect(() => {
    let current = true;
    setState((last) => (last.status === "ready" ? { ...last, refreshing: true } : { status: "pending" }));
    planFromArrays(sheets, asOf).then(
      (result) => {
        if (!current) return;
        if (result.plan !== undefined) setState({ status: "ready", plan: result.plan, asOf, revision });
        else setState({ status: "problem", message: result.problem ?? "" });
      },
      (error: unknown) => current && setState({ status: "problem", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [sheets, asOf, revision]);
  return state;
}
