/** Why a package cannot be worked on: it is not laid out as the conventions say, or not a zip this code reads. */
export class PackageError extends Error {}
