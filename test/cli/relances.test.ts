// The command line's table of commands and its usage errors (exit status 2, usage on stderr).
import { describe, expect, it } from "vitest";
import { EXIT_OK, EXIT_USAGE, packageRoot, runCli, type CliIo } from "../../src/cli/relances";
import { ROOT } from "../helpers/addin";

function capture(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env };
  return { io, out, err };
}

describe("relances command line", () => {
  it("prints the usage on stderr and exits 2 without a command", async () => {
    const { io, out, err } = capture();
    expect(await runCli([], io)).toBe(EXIT_USAGE);
    expect(out).toEqual([]);
    const text = err.join("");
    expect(text).toMatch(/^Usage : relances <commande>/);
    expect(text.indexOf("Usage :")).toBeLessThan(text.indexOf("Usage:")); // French first
    expect(text).toContain("serve");
  });

  it("rejects an unknown command with exit 2", async () => {
    const { io, err } = capture();
    expect(await runCli(["frobnicate"], io)).toBe(EXIT_USAGE);
    expect(err.join("")).toContain("Commande inconnue : « frobnicate »");
    expect(err.join("")).toContain('Unknown command: "frobnicate"');
  });

  it("prints the usage on stdout for help", async () => {
    const { io, out, err } = capture();
    expect(await runCli(["--help"], io)).toBe(EXIT_OK);
    expect(err).toEqual([]);
    expect(out.join("")).toContain("Commands:");
  });

  it("serve: usage errors for arguments and a bad PORT", async () => {
    const extra = capture();
    expect(await runCli(["serve", "now"], extra.io)).toBe(EXIT_USAGE);
    const badPort = capture({ PORT: "http" });
    expect(await runCli(["serve"], badPort.io)).toBe(EXIT_USAGE);
    expect(badPort.err.join("")).toContain("PORT invalide");
  });

  it("finds the package root from its own folder", () => {
    expect(packageRoot()).toBe(ROOT);
  });
});
