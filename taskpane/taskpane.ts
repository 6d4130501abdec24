// Relances task pane (a simple page for now): what the add-in does, French first (English first when
// Office runs in English), and the list of the custom functions read from the metadata that Excel
// itself reads (../functions/functions.json and functions-fr.json).
// Runs inside Office and in a plain browser (office.js absent or not in an Office host).
// Everything inserted into the page goes through textContent: nothing is parsed as HTML.

interface MetadataParameter {
  name: string;
  description?: string;
  optional?: boolean;
  repeating?: boolean;
}

interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
}

interface Metadata {
  functions: MetadataFunction[];
}

type Language = "fr" | "en";

const NAMESPACE = "RELANCES";

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { text?: string; className?: string; lang?: Language } = {},
  children: Node[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.text !== undefined) node.textContent = options.text;
  if (options.className) node.className = options.className;
  if (options.lang) node.lang = options.lang;
  for (const child of children) node.appendChild(child);
  return node;
}

/** Removes every child (Element.replaceChildren is missing from older Office web views). */
function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

async function loadMetadata(url: string): Promise<Metadata> {
  const response = await fetch(url, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const data = (await response.json()) as Metadata;
  if (!data || !Array.isArray(data.functions)) throw new Error(`${url}: no "functions" array`);
  return data;
}

/** =RELANCES.NAME(a; [b]) in French Excel, =RELANCES.NAME(a, [b]) in English Excel. */
function syntax(fn: MetadataFunction, language: Language): string {
  const separator = language === "fr" ? "; " : ", ";
  const parameters = fn.parameters.map((p) => (p.optional || p.repeating ? `[${p.name}]` : p.name));
  return `=${NAMESPACE}.${fn.name}(${parameters.join(separator)})`;
}

function renderFunctions(english: Metadata, french: Metadata, first: Language): void {
  const list = document.getElementById("functions-list");
  const status = document.getElementById("functions-status");
  if (!list || !status) return;
  const frenchById = new Map(french.functions.map((f) => [f.id, f]));
  clear(list);
  for (const en of english.functions) {
    const fr = frenchById.get(en.id) ?? en;
    const byLanguage: Record<Language, MetadataFunction> = { fr, en };
    const second: Language = first === "fr" ? "en" : "fr";
    const names = element("span", { className: "names" }, [
      element("span", { text: `${NAMESPACE}.${byLanguage[first].name}`, lang: first }),
      element("span", { text: `  ·  ${NAMESPACE}.${byLanguage[second].name}`, className: "alt", lang: second }),
    ]);
    const item = element("li", {}, [
      names,
      element("span", { text: syntax(byLanguage[first], first), className: "syntax", lang: first }),
      element("span", { text: byLanguage[first].description ?? "", className: "description", lang: first }),
      element("span", { text: byLanguage[second].description ?? "", className: "description secondary", lang: second }),
    ]);
    list.appendChild(item);
  }
  list.hidden = false;
  clear(status);
  status.hidden = true;
}

function showError(error: unknown): void {
  const status = document.getElementById("functions-status");
  if (!status) return;
  const detail = error instanceof Error ? error.message : String(error);
  status.className = "status error";
  status.textContent =
    `Impossible de lire la liste des fonctions (${detail}). / ` + `Could not read the list of functions (${detail}).`;
}

function putFirst(language: Language): void {
  const intro = document.getElementById("intro");
  const fr = document.getElementById("intro-fr");
  const en = document.getElementById("intro-en");
  if (!intro || !fr || !en) return;
  const [a, b] = language === "fr" ? [fr, en] : [en, fr];
  clear(intro);
  intro.appendChild(a);
  intro.appendChild(b);
  document.documentElement.lang = language;
}

function showHost(text: string): void {
  const hostStatus = document.getElementById("host-status");
  if (hostStatus) hostStatus.textContent = text;
}

/** The Office display language, or null outside Office (office.js missing or no host). */
function officeReady(timeoutMs: number): Promise<{ host: string | null; language: string | null }> {
  return new Promise((resolve) => {
    if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
      resolve({ host: null, language: null });
      return;
    }
    const timer = setTimeout(() => resolve({ host: null, language: null }), timeoutMs);
    Office.onReady((info) => {
      clearTimeout(timer);
      const host = info && info.host ? String(info.host) : null;
      let language: string | null = null;
      try {
        language = host && Office.context ? Office.context.displayLanguage : null;
      } catch {
        language = null;
      }
      resolve({ host, language });
    });
  });
}

async function start(): Promise<void> {
  let first: Language = "fr";
  const metadata = Promise.all([
    loadMetadata("../functions/functions.json"),
    loadMetadata("../functions/functions-fr.json"),
  ]);
  const office = await officeReady(3000);
  if (office.language && /^en\b/i.test(office.language)) first = "en";
  putFirst(first);
  showHost(
    office.host
      ? `Dans ${office.host} (${office.language ?? "?"}) / In ${office.host}`
      : "Hors d'Office : aperçu dans le navigateur / Outside Office: browser preview",
  );
  try {
    const [english, french] = await metadata;
    renderFunctions(english, french, first);
  } catch (error) {
    showError(error);
  }
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => void start());
} else {
  void start();
}
