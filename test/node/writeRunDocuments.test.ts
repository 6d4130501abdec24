// The documents of a run on disk: which file each customer's reminder goes into, and the user's
// own templates replacing the defaults.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../src/core/plan";
import { asciiSlug } from "../../src/documents/asciiSlug";
import { writeRunDocuments } from "../../src/node/writeRunDocuments";
import { sampleReminders } from "../documents/sampleReminders";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relances-rundocs-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the documents of a run", () => {
  it("e-mails, letters, statements and court files, one reference per customer", async () => {
    const { plan, settings } = await sampleReminders();
    const out = path.join(dir, "all");
    const result = await writeRunDocuments(plan, settings, out);
    for (const action of plan.actions) {
      const reference = result.documents.get(action.customerKey)!.reference!;
      expect(reference, action.customer.name).toBeDefined();
      if (action.level === 4) expect(reference).toMatch(/^injonctions\//);
      else if (action.channel === "email") expect(reference).toMatch(/^emails\/.*\.eml$/);
      else expect(reference).toMatch(/^courriers\/.*\.docx$/);
      expect(result.files).toContain(reference);
    }
    // A statement for every customer from reminder 1 on.
    const statements = result.files.filter((f) => f.startsWith("releves/"));
    expect(statements).toHaveLength(plan.actions.filter((a) => a.level >= 1).length);
  });

  it("a public buyer's court file is named for the référé-provision it prepares", async () => {
    const { plan, settings } = await sampleReminders();
    const action = plan.actions.find((a) => a.level === 4)!;
    const mairie = { ...action, customer: { ...action.customer, name: "Mairie de Foix", customerType: "collectivite" as const } };
    const result = await writeRunDocuments({ ...plan, actions: [action, mairie] }, settings, path.join(dir, "refere"));
    expect(result.files.filter((f) => f.startsWith("injonctions/"))).toEqual([
      `injonctions/injonction-2026-06-30-${asciiSlug(action.customer.name)}.docx`,
      "injonctions/refere-provision-2026-06-30-mairie-de-foix.docx",
    ]);
  });

  it("a reminder 1 the plan sends by letter (no e-mail address) goes into the level's Word document", async () => {
    const { plan, settings } = await sampleReminders();
    const action = plan.actions.find((a) => a.channel === "email" && a.level === 1)!;
    const byLetter: Plan = { ...plan, actions: [{ ...action, channel: "courrier", customer: { ...action.customer, email: undefined } }] };
    const result = await writeRunDocuments(byLetter, settings, path.join(dir, "no-email"));
    expect(result.documents.get(action.customerKey)).toMatchObject({ reference: expect.stringMatching(/^courriers\/relance-1-/), channel: "courrier" });
  });

  it("the user's own e-mail template replaces the default one", async () => {
    const { plan, settings } = await sampleReminders();
    const action = plan.actions.find((a) => a.channel === "email" && a.level === 1 && a.customer.language === "fr")!;
    const templates = path.join(dir, "modeles");
    await mkdir(path.join(templates, "fr"), { recursive: true });
    await writeFile(path.join(templates, "fr", "reminder1.subject.txt"), "Votre compte chez nous, {{raison_sociale}}");
    const result = await writeRunDocuments({ ...plan, actions: [action] }, settings, path.join(dir, "custom"), templates);
    const eml = await readFile(path.join(dir, "custom", result.documents.get(action.customerKey)!.reference!));
    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe(`Votre compte chez nous, ${action.customer.name}`);
  });

  it("file names cannot leave the output folder", async () => {
    const { plan, settings } = await sampleReminders();
    const action = plan.actions.find((a) => a.level >= 1)!;
    const renamed: Plan = { ...plan, actions: [{ ...action, customer: { ...action.customer, name: "../../etc/passwd" } }] };
    const result = await writeRunDocuments(renamed, settings, path.join(dir, "escape"));
    for (const file of result.files) expect(file, file).not.toMatch(/\.\./);
    expect(asciiSlug("../../etc/passwd")).toBe("etc-passwd");
  });

  it("two customers whose names give the same file name each get files of their own", async () => {
    const { plan, settings } = await sampleReminders();
    const emailed = plan.actions.filter((a) => a.level >= 1 && a.channel === "email");
    expect(emailed.length).toBeGreaterThanOrEqual(4);
    const long = "Communauté de communes des Portes d'Ariège Pyrénées, service des eaux et de l'assainissement";
    const names = [`${long} Nord`, `${long} Sud`, "北京公司", "東京会社"];
    const renamed: Plan = {
      ...plan,
      actions: emailed.slice(0, 4).map((a, i) => ({ ...a, customer: { ...a.customer, name: names[i]! } })),
    };
    const out = path.join(dir, "same-slug");
    const result = await writeRunDocuments(renamed, settings, out);
    expect(new Set(result.files).size).toBe(result.files.length);
    const references = renamed.actions.map((a) => result.documents.get(a.customerKey)!.reference);
    expect(new Set(references).size).toBe(4);
    for (const [i, action] of renamed.actions.entries()) {
      const parsed = await simpleParser(await readFile(path.join(out, references[i]!)));
      expect(parsed.to && "value" in parsed.to ? parsed.to.value[0]!.name : undefined, action.customer.name).toBe(action.customer.name);
    }
    // A retried run gives the same names.
    const again = await writeRunDocuments(renamed, settings, out);
    expect(again.files).toEqual(result.files);
  });
});
