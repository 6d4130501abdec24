// Types of scripts/check-browser-bundle.mjs, for the tests.

export const ENGINE_ENTRY: string;
export const ENGINE_BUNDLE: string;
/** The global the bundle defines: RelancesEngine.planFromArrays(sheets, asOf). */
export const ENGINE_GLOBAL: string;

/** Bundles an entry for the browser (esbuild, platform "browser"): the code, or the errors, one line each. */
export function bundleForBrowser(entry?: string): Promise<{ code: string | undefined; errors: string[] }>;
