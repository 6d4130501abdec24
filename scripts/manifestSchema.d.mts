// Types of scripts/manifestSchema.mjs, for the tests.

export const ROOT_XSD: string;
export const IMPORTED_XSDS: readonly string[];

/** The schemas vendored in the repository: schemas/ at its root. */
export const VENDORED_SCHEMA_DIR: string;

/** $SCHEMA_DIR when set, else the repository's schemas/. */
export function schemaDir(): string;

/** The schema files missing from `dir` ([] when all six are there). */
export function missingSchemas(dir?: string): string[];

export interface ManifestError {
  /** 1-based line in the manifest, when libxml2 gives one. */
  readonly line: number | undefined;
  readonly message: string;
  /** The message prefixed with "file:line: ". */
  readonly rawMessage: string;
}

/** Validates a manifest's text against OfficeAppManifestV1_1.xsd and its imports; rejects when a schema is missing or does not compile. */
export function validateManifestXml(
  xml: string,
  options?: { fileName?: string; dir?: string },
): Promise<{ valid: boolean; errors: ManifestError[] }>;
