import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { levelTemplates } from "../../../taskpane/shared/templateFiles";

describe("the templates listed on the Settings screen", () => {
  it("lists every level in both languages, the pane's first", () => {
    const all = levelTemplates("en");
    expect(all).toHaveLength(10);
    expect(all[0]).toMatchObject({ level: 0, language: "en" });
    expect(all[5]!.files.map((f) => f.path)).toEqual(["fr/courtesy.docx", "fr/courtesy.subject.txt", "fr/courtesy.html", "fr/courtesy.txt"]);
  });

  it("names only files the package ships", () => {
    for (const { files } of levelTemplates("fr")) for (const file of files) expect(existsSync(`templates/${file.path}`), file.path).toBe(true);
  });
});
