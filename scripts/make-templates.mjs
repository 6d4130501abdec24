// Writes the default Word letters: templates/{fr,en}/{courtesy,reminder1,reminder2,formal_notice,
// injunction}.docx, the files Relances ships and a user opens, edits in Word and drops into a
// "modeles" folder beside the workbook. Run `node scripts/make-templates.mjs` after changing the
// wording (scripts/templates/frenchLetters.mjs, englishLetters.mjs, injunctionFile.mjs); the .docx
// files are committed.
//
// Placeholders are Mustache style with docxtemplater's delimiters set to {{ }} (see
// src/documents/wordLetters.ts): {{raison_sociale}}, {{societe.iban}}, {{#factures}}...{{/factures}}
// (a table row loop), {{#reclame_penalites}}...{{/reclame_penalites}}, {{^penalites_connues}}...
// The whole body is a loop {{#clients}}...{{/clients}}: one section per customer, each ending with
// a page break (the renderer drops the last one).
//
// Every {{tag}} is written inside one run (w:r) so that Word keeps it whole. Paragraph text uses
// **...** for bold; a paragraph whose only text is an opening or closing tag disappears from the
// merged letter (docxtemplater's paragraphLoop), which is how whole paragraphs become conditional.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EN } from "./templates/englishLetters.mjs";
import { FR } from "./templates/frenchLetters.mjs";
import { docx } from "./templates/packageParts.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

for (const [folder, lang] of [
  ["fr", FR],
  ["en", EN],
]) {
  const dir = path.join(root, "templates", folder);
  mkdirSync(dir, { recursive: true });
  for (const name of Object.keys(FR.letters)) {
    // A letter the language lacks (the court file, always French) is written from the French one.
    const source = lang.letters[name] ? lang : FR;
    const file = path.join(dir, `${name}.docx`);
    const bytes = docx(source, source.letters[name]);
    writeFileSync(file, bytes);
    console.log(`  templates/${folder}/${name}.docx  ${(bytes.length / 1024).toFixed(1)} kB`);
  }
}
