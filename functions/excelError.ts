import type { Problem } from "../src/core/problem";

/**
 * The Excel error for a Problem: #N/A for what is unknown (a rate the table lacks), #VALUE! for a bad
 * value, with its French message. CustomFunctions is the runtime's global, read at call time.
 */
export function excelError(p: Problem): CustomFunctions.Error {
  const code = p.code === "na" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, p.message);
}
