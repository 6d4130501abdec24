/**
 * A file-name-safe form of a text: ASCII letters, digits and dashes, lower case, at most 60 characters.
 * @example asciiSlug("SARL Hôtel du Château") // "sarl-hotel-du-chateau"
 */
export function asciiSlug(text: string, fallback = "client"): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, 60).replace(/-+$/, "") || fallback;
}
