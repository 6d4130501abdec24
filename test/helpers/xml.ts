// A small XML reader for the add-in manifests: elements, attributes, text, comments, the XML
// declaration and the five predefined entities plus character references. Enough for manifest.xml;
// it rejects what it does not know (DOCTYPE, CDATA) instead of guessing.

export interface XmlElement {
  /** Qualified name as written, e.g. "bt:Url". */
  name: string;
  /** Name without its prefix, e.g. "Url". */
  local: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside this element, trimmed. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    const value = ENTITIES[entity];
    if (value === undefined) throw new Error(`unknown entity ${whole}`);
    return value;
  });
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

export function parseXml(source: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  const texts: string[][] = [];
  let root: XmlElement | null = null;

  const fail = (message: string): never => {
    const line = source.slice(0, i).split("\n").length;
    throw new Error(`XML line ${line}: ${message}`);
  };

  while (i < source.length) {
    const lt = source.indexOf("<", i);
    const chunk = lt === -1 ? source.slice(i) : source.slice(i, lt);
    if (chunk.trim() !== "") {
      if (stack.length === 0) fail("text outside the root element");
      texts[texts.length - 1]!.push(decode(chunk));
    }
    if (lt === -1) break;
    i = lt;
    if (source.startsWith("<?", i)) {
      const end = source.indexOf("?>", i);
      if (end === -1) fail("unterminated processing instruction");
      i = end + 2;
    } else if (source.startsWith("<!--", i)) {
      const end = source.indexOf("-->", i);
      if (end === -1) fail("unterminated comment");
      i = end + 3;
    } else if (source.startsWith("<!", i)) {
      fail("DOCTYPE and CDATA are not supported");
    } else if (source.startsWith("</", i)) {
      const end = source.indexOf(">", i);
      const name = source.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> does not close <${open?.name ?? "nothing"}>`);
      open!.text = texts.pop()!.join("").trim();
      i = end + 1;
    } else {
      const tag = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(source.slice(i));
      if (!tag) fail("malformed start tag");
      const [whole, name, attributeText, selfClosing] = tag!;
      const attributes: Record<string, string> = {};
      for (const match of attributeText!.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        const attributeName = match[1]!;
        if (attributeName in attributes) fail(`attribute ${attributeName} repeated`);
        attributes[attributeName] = decode(match[2] ?? match[3] ?? "");
      }
      const element: XmlElement = { name: name!, local: localName(name!), attributes, children: [], text: "" };
      if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
      else if (root) fail("more than one root element");
      else root = element;
      if (!selfClosing) {
        stack.push(element);
        texts.push([]);
      }
      i += whole!.length;
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is not closed`);
  if (!root) throw new Error("XML: no root element");
  return root;
}

/** Every element of the tree, depth first, the root first. */
export function* descendants(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* descendants(child);
}

export function findAll(element: XmlElement, local: string): XmlElement[] {
  return [...descendants(element)].filter((e) => e.local === local);
}

export function child(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((e) => e.local === local);
}
