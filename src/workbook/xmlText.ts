// Reading and writing the XML of an Office package's parts as text. The parts read this way are
// machine-written and regular (no CDATA, no DOCTYPE); whatever else is in them is kept as it is.
// Escaping is the documents' escapeHtml: & < > " ' escaped that way are as valid in XML.
export { escapeHtml as escapeXml } from "../documents/template";

/** The attributes of one start tag, values as written (still escaped). */
export function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found.set(m[1]!, m[2] ?? m[3] ?? "");
  return found;
}

/** Text with its five predefined entities and character references decoded. */
export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    switch (entity) {
      case "lt": return "<";
      case "gt": return ">";
      case "quot": return '"';
      case "apos": return "'";
      case "amp": return "&";
      default: return String.fromCodePoint(entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    }
  });
}

/** The elements named `name` directly or deeply inside xml, each as its whole text. */
export function elements(xml: string, name: string): string[] {
  const pattern = new RegExp(`<${name}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, "g");
  return xml.match(pattern) ?? [];
}
