// Types of scripts/build/functionsBundle.mjs, for the tests.
import type { Message } from "esbuild";

/** Rejects (a BuildError, whose message lists each problem with its place) when the bundle would not load in an ES2016 engine. */
export function checkFunctionsRuntime(file: string, bundleWarnings?: readonly Message[]): Promise<void>;
