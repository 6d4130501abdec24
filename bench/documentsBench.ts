// 1,000 customers' letters, statements and e-mails, beside a bare docxtemplater merge of the same
// letter template with the same data, in the same run.
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { renderStatement } from "../src/documents/accountStatement";
import { defaultWordTemplate } from "../src/node/defaultTemplates";
import { defaultEmailTemplate } from "../src/node/emailTemplates";
import { reminderEmail } from "../src/documents/reminderEmail";
import { emlFile } from "../src/mail/emlFile";
import { reminderData, type ReminderData } from "../src/documents/reminderData";
import { renderLetters } from "../src/documents/wordLetters";
import { planSample } from "../src/sample/samplePlan";

const CUSTOMERS = 1_000;

/** 1,000 customers at a level (the formal notice by default), made from the sample's reminders with other names. */
async function thousandCustomers(level = 3): Promise<ReminderData[]> {
  const { plan, settings } = await planSample();
  const base = plan.actions.map((a) => reminderData(a, plan, settings)).filter((d) => d.langue === "fr" && d.niveau_numero === level);
  return Array.from({ length: CUSTOMERS }, (_, i) => {
    const model = base[i % base.length]!;
    return { ...model, raison_sociale: `${model.raison_sociale} ${i + 1}`, email: `client${i + 1}@example.com` };
  });
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

export async function runDocumentsBenchmark(): Promise<void> {
  console.log(`## Documents: ${CUSTOMERS.toLocaleString("en-US")} customers (mise en demeure)`);
  const customers = await thousandCustomers();
  const template = await defaultWordTemplate(3, "fr");
  const emailTemplates = await defaultEmailTemplate(1, "fr");

  let start = performance.now();
  const letters = renderLetters(template, customers);
  const lettersMs = performance.now() - start;

  start = performance.now();
  const bare = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true, delimiters: { start: "{{", end: "}}" } });
  bare.render({ clients: customers });
  // Stored, as renderLetters writes it (the host deflates).
  const bareBytes = bare.getZip().generate({ type: "uint8array", compression: "STORE" });
  const bareMs = performance.now() - start;

  start = performance.now();
  const statements: Uint8Array[] = [];
  for (const data of customers) statements.push(await renderStatement(data));
  const statementsMs = performance.now() - start;

  start = performance.now();
  let emailBytes = 0;
  for (let i = 0; i < customers.length; i++) {
    emailBytes += (await emlFile(reminderEmail(customers[i]!, emailTemplates, statements[i], { from: "compta@egpl.example" }).message)).length;
  }
  const emailsMs = performance.now() - start;

  // The court files: one .docx per debtor, each a merge of the same template instance (as a run hands it out).
  const debtors = await thousandCustomers(4);
  const injunctionTemplate = await defaultWordTemplate(4, "fr");
  start = performance.now();
  let injunctionBytes = 0;
  for (const debtor of debtors) injunctionBytes += renderLetters(injunctionTemplate, [debtor]).length;
  const injunctionsMs = performance.now() - start;

  const total = lettersMs + statementsMs + emailsMs + injunctionsMs;
  const line = (name: string, ms: number, note: string): void =>
    console.log(`${name.padEnd(44)} ${seconds(ms).padStart(8)}  ${((ms / CUSTOMERS) * 1000).toFixed(0).padStart(6)} µs/document  ${note}`);
  line("letters: one .docx, 1,000 sections", lettersMs, `${(letters.length / 1e6).toFixed(1)} MB`);
  line("reference: bare docxtemplater merge", bareMs, `${(bareBytes.length / 1e6).toFixed(1)} MB`);
  line("statements: 1,000 PDF", statementsMs, `${(statements.reduce((n, s) => n + s.length, 0) / 1e6).toFixed(1)} MB`);
  line("e-mails: 1,000 .eml with the statement", emailsMs, `${(emailBytes / 1e6).toFixed(1)} MB`);
  line("injonctions: 1,000 .docx, one debtor each", injunctionsMs, `${(injunctionBytes / 1e6).toFixed(1)} MB`);
  console.log(`ratio letters / bare docxtemplater merge:  ${(lettersMs / bareMs).toFixed(2)}x`);
  console.log(`all documents of 1,000 customers:          ${seconds(total)} (target < 10 s)\n`);
}
