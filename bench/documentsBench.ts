// 1,000 customers' letters, statements and e-mails, beside a bare docxtemplater merge of the same
// letter template with the same data, in the same run.
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { renderStatement } from "../src/documents/accountStatement";
import { defaultWordTemplate } from "../src/documents/defaultTemplates";
import { defaultEmailTemplate } from "../src/documents/emailTemplates";
import { reminderEmail } from "../src/documents/emlMessage";
import { reminderData, type ReminderData } from "../src/documents/reminderData";
import { renderLetters } from "../src/documents/wordLetters";
import { planSample } from "../src/sample/samplePlan";

const CUSTOMERS = 1_000;

/** 1,000 customers at the formal-notice level, made from the sample's reminders with other names. */
async function thousandCustomers(): Promise<ReminderData[]> {
  const { plan, settings } = await planSample();
  const base = plan.actions.map((a) => reminderData(a, plan, settings)).filter((d) => d.langue === "fr" && d.niveau_numero === 3);
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
  const bareBytes = bare.getZip().generate({ type: "uint8array", compression: "DEFLATE" });
  const bareMs = performance.now() - start;

  start = performance.now();
  const statements: Uint8Array[] = [];
  for (const data of customers) statements.push(await renderStatement(data));
  const statementsMs = performance.now() - start;

  start = performance.now();
  let emailBytes = 0;
  for (let i = 0; i < customers.length; i++) {
    emailBytes += reminderEmail(customers[i]!, emailTemplates, statements[i], { from: "compta@egpl.example" }).eml.length;
  }
  const emailsMs = performance.now() - start;

  const total = lettersMs + statementsMs + emailsMs;
  const line = (name: string, ms: number, note: string): void =>
    console.log(`${name.padEnd(44)} ${seconds(ms).padStart(8)}  ${((ms / CUSTOMERS) * 1000).toFixed(0).padStart(6)} µs/document  ${note}`);
  line("letters: one .docx, 1,000 sections", lettersMs, `${(letters.length / 1e6).toFixed(1)} MB`);
  line("reference: bare docxtemplater merge", bareMs, `${(bareBytes.length / 1e6).toFixed(1)} MB`);
  line("statements: 1,000 PDF", statementsMs, `${(statements.reduce((n, s) => n + s.length, 0) / 1e6).toFixed(1)} MB`);
  line("e-mails: 1,000 .eml with the statement", emailsMs, `${(emailBytes / 1e6).toFixed(1)} MB`);
  console.log(`ratio letters / bare docxtemplater merge:  ${(lettersMs / bareMs).toFixed(2)}x`);
  console.log(`all documents of 1,000 customers:          ${seconds(total)} (target < 10 s)\n`);
}
