// The blocks a letter is written in: its wording, per language, is a list of them.
//   "text" or P("text", options)    a paragraph (**bold**)
//   when(tag, blocks) / unless(tag, blocks)   paragraphs kept only when tag is truthy / falsy
//   INVOICES    the invoice table       AMOUNTS   the amounts table of the injunction file
//   OTHER_INVOICES  the customer's other overdue invoices, outside the sum (when there are any)
//   PIECES      the list of supporting documents

export const P = (text, options = {}) => ({ kind: "p", text, ...options });
export const when = (tag, blocks) => [P(`{{#${tag}}}`), ...blocks, P(`{{/${tag}}}`)];
export const unless = (tag, blocks) => [P(`{{^${tag}}}`), ...blocks, P(`{{/${tag}}}`)];
export const INVOICES = { kind: "invoices" };
/** Wording that agrees with the number of invoices listed: singular for one, plural otherwise. */
export const one = (singular, plural) => `{{#une_facture}}${singular}{{/une_facture}}{{^une_facture}}${plural}{{/une_facture}}`;
/** The invoices a court file claims (injonction.factures), with their totals. */
export const CLAIMED_INVOICES = { kind: "invoices", loop: "injonction.factures", amount: "injonction.total_montant", balance: "injonction.principal" };
export const OTHER_INVOICES = { kind: "otherInvoices" };
export const AMOUNTS = { kind: "amounts" };
export const PIECES = { kind: "pieces" };
