// The shipped templates (Word letters, e-mail parts) as the engine in the page takes them, fetched
// once from the add-in server (/templates/index.json, then each file): .docx as bytes, the rest as text.

export type Templates = Readonly<Record<string, Uint8Array | string>>;

let loading: Promise<Templates> | undefined;

/** The templates, by "<lang>/<name>"; fetched on the first call, kept after (a failure is retried next time). */
export function loadTemplates(origin = ""): Promise<Templates> {
  loading ??= fetchTemplates(origin);
  loading.catch(() => (loading = undefined));
  return loading;
}

async function fetchTemplates(origin: string): Promise<Templates> {
  const index = await fetch(`${origin}/templates/index.json`, { cache: "no-cache" });
  if (!index.ok) throw new Error(`/templates/index.json: HTTP ${index.status}`);
  const { files } = (await index.json()) as { files: string[] };
  const entries = await Promise.all(
    files.map(async (file) => {
      const response = await fetch(`${origin}/templates/${file}`, { cache: "no-cache" });
      if (!response.ok) throw new Error(`/templates/${file}: HTTP ${response.status}`);
      return [file, file.endsWith(".docx") ? new Uint8Array(await response.arrayBuffer()) : await response.text()] as const;
    }),
  );
  return Object.fromEntries(entries);
}
