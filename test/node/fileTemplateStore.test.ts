// The command line's templates: read once per run, the same bytes instance each time (the letters'
// renderer compiles a template once per instance), a user's own replacing the default.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultWordTemplate, userTemplatesFolder } from "../../src/node/defaultTemplates";
import { fileTemplateStore } from "../../src/node/fileTemplateStore";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-template-store-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the template folder store", () => {
  it("hands out the same Word template instance for a level and language, every time", async () => {
    const store = fileTemplateStore();
    const first = await store.word(2, "fr");
    expect(await store.word(2, "fr")).toBe(first);
    expect(await store.word(2, "en")).not.toBe(first);
    expect(first).toEqual(await defaultWordTemplate(2, "fr"));
  });

  it("reads the user's folder once, and their template replaces the default", async () => {
    const folder = userTemplatesFolder(path.join(dir, "suivi.xlsx"));
    await mkdir(folder, { recursive: true });
    const mine = await defaultWordTemplate(1, "fr");
    await writeFile(path.join(folder, "Relance 2.docx"), mine);
    const store = fileTemplateStore(folder);
    const chosen = await store.word(2, "fr");
    expect(Buffer.from(chosen).equals(await readFile(path.join(folder, "Relance 2.docx")))).toBe(true);
    // Removed after the first read: the run still has what it read.
    await rm(path.join(folder, "Relance 2.docx"));
    expect(await store.word(2, "fr")).toBe(chosen);
    expect(await store.word(1, "fr")).toEqual(mine);
  });

  it("hands out the same e-mail templates, a user's file replacing the default's", async () => {
    const folder = path.join(dir, "e-mails");
    await mkdir(path.join(folder, "fr"), { recursive: true });
    await writeFile(path.join(folder, "fr", "reminder1.subject.txt"), "\uFEFFVotre compte, {{raison_sociale}}");
    const store = fileTemplateStore(folder);
    const templates = await store.email(1, "fr");
    expect(templates.subject).toBe("Votre compte, {{raison_sociale}}");
    expect(await store.email(1, "fr")).toBe(templates);
    expect((await store.email(1, "en")).subject).not.toContain("Votre compte");
  });
});
