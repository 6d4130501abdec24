// Mailboxes as people write them in a workbook or a setting: one or several, with or without a
// display name, separated by commas or semicolons. Each address is checked here, so that a message
// names the faulty one in French before any mail library sees it.
import { isEmailAddress } from "../core/emailAddress";
import { problem, type Problem } from "../core/problem";
import { EmailError } from "./emailError";
import { headerText } from "./headerText";

export interface Mailbox {
  readonly name?: string | undefined;
  readonly address: string;
}

/** Splits "a@x.fr; Dupont <b@x.fr>, \"Martin, SARL\" <c@x.fr>" at the commas and semicolons outside quotes and <>. */
function splitAddressList(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  let angle = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === "\\" && i + 1 < text.length) {
      current += c + text[++i]!;
      continue;
    }
    if (c === '"' && !angle) quoted = !quoted;
    else if (c === "<" && !quoted) angle = true;
    else if (c === ">" && !quoted) angle = false;
    if ((c === "," || c === ";") && !quoted && !angle) {
      parts.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/**
 * Reads one or more mailboxes as people write them.
 * @param text - "a@x.fr", "Dupont <a@x.fr>", "\"Dupont, SARL\" <a@x.fr>", several separated by , or ;
 * @param role - what the address is for, in French, for the message ("destinataire")
 * @returns the mailboxes (none for an empty text), or a Problem naming the faulty address
 * @example parseMailboxes("Dupont <a@x.fr>", "destinataire") // [{ name: "Dupont", address: "a@x.fr" }]
 */
export function parseMailboxes(text: string, role: string): Mailbox[] | Problem {
  const boxes: Mailbox[] = [];
  for (const part of splitAddressList(headerText(text))) {
    const match = /^(.*?)\s*<([^<>]*)>$/.exec(part);
    let name = match ? match[1]!.trim() : "";
    const address = (match ? match[2]! : part).trim();
    if (!isEmailAddress(address)) return problem(`adresse e-mail invalide «${address}» (${role})`);
    if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) name = name.slice(1, -1).replace(/\\(.)/g, "$1").trim();
    boxes.push(name === "" ? { address } : { name, address });
  }
  return boxes;
}

/**
 * The mailboxes of a text, as parseMailboxes reads them.
 * @throws EmailError naming the faulty address
 */
export function mailboxes(text: string, role: string): Mailbox[] {
  const result = parseMailboxes(text, role);
  if (!Array.isArray(result)) throw new EmailError(result);
  return result;
}
