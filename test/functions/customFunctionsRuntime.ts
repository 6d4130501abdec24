// The CustomFunctions global of Excel's custom-functions runtime, as documented: associate(),
// Error and ErrorCode. Tests and the benchmark load the functions bundle against it.
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class ExcelError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

export interface CustomFunctionsGlobal {
  associate(idOrMappings: string | Record<string, unknown>, fn?: unknown): void;
  Error: typeof ExcelError;
  ErrorCode: typeof ErrorCode;
}

/** A fresh CustomFunctions object and the map of what gets associated through it (each id once). */
export function createCustomFunctionsGlobal(): { CustomFunctions: CustomFunctionsGlobal; associated: Map<string, Function> } {
  const associated = new Map<string, Function>();
  const CustomFunctions: CustomFunctionsGlobal = {
    associate(idOrMappings, fn) {
      const entries = typeof idOrMappings === "string" ? [[idOrMappings, fn] as const] : Object.entries(idOrMappings);
      for (const [id, f] of entries) {
        if (associated.has(id)) throw new Error(`${id} associated twice`);
        associated.set(id, f as Function);
      }
    },
    Error: ExcelError,
    ErrorCode,
  };
  return { CustomFunctions, associated };
}

/** Installs CustomFunctions as a global of this realm, before the functions module loads. */
export function installCustomFunctionsGlobal(): Map<string, Function> {
  const { CustomFunctions, associated } = createCustomFunctionsGlobal();
  (globalThis as Record<string, unknown>).CustomFunctions = CustomFunctions;
  return associated;
}
