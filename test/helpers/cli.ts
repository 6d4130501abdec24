// Runs the command line in a test: what it printed on stdout and stderr, and a file's hash.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { CliIo } from "../../src/cli/relances";

export function capture(env: NodeJS.ProcessEnv = { USER: "test" }) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env };
  return { io, out: () => out.join("\n"), err: () => err.join("\n") };
}

export const sha = async (file: string): Promise<string> => createHash("sha256").update(await readFile(file)).digest("hex");
