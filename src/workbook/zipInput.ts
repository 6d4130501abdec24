// A workbook file as a stream for exceljs's streaming reader, with a race of its unzip mended.
import { createReadStream, type ReadStream } from "node:fs";

/**
 * The file as a stream for exceljs, mending a race in its streaming reader (exceljs issue 3064):
 * the unzip parser emits "end" as soon as it has read the whole file, while entries it has parsed
 * may still wait in its buffer; exceljs then stops and loses them, and the last entry of a
 * workbook exceljs wrote is xl/workbook.xml ("Cannot read properties of undefined (reading
 * 'sheets')", or shared strings silently missing). The parser is the stream exceljs pipes ours
 * into: there, an early "end" is held back until the buffer has been delivered.
 */
export function zipInput(file: string): ReadStream {
  const source = createReadStream(file);
  const pipe = source.pipe;
  source.pipe = function <T extends NodeJS.WritableStream>(this: ReadStream, destination: T, options?: { end?: boolean }): T {
    const parser = destination as unknown as NodeJS.EventEmitter & { readonly readableLength?: number };
    holdEndUntilDrained(parser);
    // exceljs pipes without listening to the file's errors: a read error must fail the parse, not the process.
    source.on("error", (error) => parser.emit("error", error));
    return pipe.call(this, destination, options) as T;
  };
  return source;
}

/**
 * Holds back an "end" a stream emits while objects still wait in its buffer, until a "data" event
 * has delivered the last of them (the mend of zipInput).
 *
 * @param stream - a readable stream (unzipper's Parse)
 * @example
 * holdEndUntilDrained(parser); // parser.emit("end") now waits for parser.readableLength === 0
 */
export function holdEndUntilDrained(stream: NodeJS.EventEmitter & { readonly readableLength?: number }): void {
  const emit = stream.emit;
  let endHeld = false;
  stream.emit = function (this: typeof stream, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "end" && (this.readableLength ?? 0) > 0) {
      endHeld = true;
      return false;
    }
    const listened = emit.call(this, event, ...args);
    if (event === "data" && endHeld && (this.readableLength ?? 0) === 0) {
      endHeld = false;
      emit.call(this, "end");
    }
    return listened;
  };
}
