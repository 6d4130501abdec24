// The part of Excel's CustomFunctions global that the functions use at call time: Error and
// ErrorCode (as documented for the custom-functions runtime). Installed before the module loads.
export class ExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export function installCustomFunctionsGlobal(): Map<string, Function> {
  const associated = new Map<string, Function>();
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: ExcelError,
    ErrorCode,
    associate: (id: string, fn: Function) => associated.set(id, fn),
  };
  return associated;
}
