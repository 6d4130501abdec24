// The OData query options the stand-in's messages answer, read as Graph reads them: $select, $expand
// (with its own nested options), $top, and the one $filter the product uses, on a single-value
// extended property (singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')).

export interface PropertyFilter {
  readonly id: string;
  readonly value: string;
}

export interface ExpandOption {
  readonly name: string;
  /** The nested options, "$select=name,size" or "$filter=id eq '…'". */
  readonly options: URLSearchParams;
}

/** Splits on commas outside parentheses ("a($select=x,y),b" -> ["a($select=x,y)", "b"]). */
export function splitTopLevel(text: string, separator = ","): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (char === separator && depth === 0) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  if (current.trim() !== "") parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/** An OData string literal's value ('it''s' -> it's). */
function literal(text: string): string {
  return text.replace(/''/g, "'");
}

const STRING = "'((?:[^']|'')*)'";
const ANY_FILTER = new RegExp(`^singleValueExtendedProperties/any\\((\\w+)\\s*:\\s*\\1/id eq ${STRING}\\s+and\\s+\\1/value eq ${STRING}\\)$`, "i");
const ID_FILTER = new RegExp(`^id eq ${STRING}$`, "i");

/**
 * The extended-property filter of a message list.
 * @returns undefined for none; a string (Graph's error message) for a filter the stand-in does not evaluate
 */
export function propertyFilter(filter: string | null): PropertyFilter | undefined | string {
  if (filter === null) return undefined;
  const match = ANY_FILTER.exec(filter.trim());
  if (match === null) return `Invalid filter clause: the stand-in evaluates singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…'), not «${filter}»`;
  return { id: literal(match[2]!), value: literal(match[3]!) };
}

/** The property id of an $expand=singleValueExtendedProperties($filter=id eq '…'). */
export function expandedPropertyId(options: URLSearchParams): string | undefined {
  const match = ID_FILTER.exec((options.get("$filter") ?? "").trim());
  return match === null ? undefined : literal(match[1]!);
}

export function expandOptions(expand: string | null): ExpandOption[] {
  if (expand === null) return [];
  return splitTopLevel(expand).map((part) => {
    const open = part.indexOf("(");
    if (open < 0) return { name: part, options: new URLSearchParams() };
    const inner = part.slice(open + 1, part.lastIndexOf(")"));
    const options = new URLSearchParams();
    for (const option of splitTopLevel(inner, ";")) {
      const eq = option.indexOf("=");
      if (eq > 0) options.set(option.slice(0, eq).trim(), option.slice(eq + 1));
    }
    return { name: part.slice(0, open).trim(), options };
  });
}

export function selectedFields(select: string | null): Set<string> | undefined {
  if (select === null || select.trim() === "") return undefined;
  return new Set(select.split(",").map((s) => s.trim()).filter(Boolean));
}
