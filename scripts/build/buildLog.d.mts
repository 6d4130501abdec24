// Types of scripts/build/buildLog.mjs, for the tests.

/** A problem of the project that fails the build (printed without a stack). */
export class BuildError extends Error {}
