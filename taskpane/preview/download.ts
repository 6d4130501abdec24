// Files handed to the user in a plain browser: one file downloads as it is, several as one .zip
// (a browser asks once, and blocks a page that starts many downloads).
import PizZip from "pizzip";
import type { PaneFile } from "../shared/paneHost";

/** Starts the download of bytes under a name. */
export function downloadBytes(name: string, data: Uint8Array | string, type: string): void {
  const blob = new Blob([typeof data === "string" ? data : new Uint8Array(data)], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Downloads the files: alone as itself, several as `zipName`, their paths kept inside.
 * @returns the names the browser was given
 */
export function downloadFiles(files: readonly PaneFile[], zipName: string): string[] {
  if (files.length === 0) return [];
  if (files.length === 1) {
    const [file] = files;
    const name = file!.path.split("/").pop()!;
    downloadBytes(name, file!.data, file!.type);
    return [name];
  }
  const zip = new PizZip();
  for (const file of files) zip.file(file.path, file.data, { binary: typeof file.data !== "string" });
  downloadBytes(zipName, zip.generate({ type: "uint8array", compression: "DEFLATE" }), "application/zip");
  return [zipName];
}
