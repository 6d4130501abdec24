/**
 * Why `run` refused to start or stopped before writing its copy: an earlier run's journal missing
 * from the input (exit 5, SPEC section 10), the workbook open in Excel, or changed while the run worked.
 */
export type RunStop = "earlierRun" | "openInExcel" | "changed" | "writeFailed";

/** A run that stopped before writing its copy; the message is one French / English line. */
export class RunStoppedError extends Error {
  override readonly name = "RunStoppedError";
  constructor(
    readonly reason: RunStop,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
