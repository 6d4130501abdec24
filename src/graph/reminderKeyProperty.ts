// The reminder's key on its Outlook draft: a single-value extended property (a named MAPI property in
// Relances' own GUID namespace) set when the draft is created, and the $filter that finds the draft
// by it, so that a retried or repeated run finds its drafts instead of making them again.

/** Relances' property set: a GUID of its own, so that the name cannot meet another product's. */
const RELANCES_PROPERTY_SET = "{6f0c3b52-9d4e-4a7f-b1c8-2e5d7a9f4c31}";

/** The extended property's id, as Graph names a string property by GUID and name. */
export const REMINDER_KEY_PROPERTY = `String ${RELANCES_PROPERTY_SET} Name RelancesKey`;

/** An OData string literal: quotes doubled. */
function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * The $filter that finds the draft carrying `key`.
 * @example reminderKeyFilter("<a@x.fr>") // "singleValueExtendedProperties/Any(ep: ep/id eq 'String {…} Name RelancesKey' and ep/value eq '<a@x.fr>')"
 */
export function reminderKeyFilter(key: string): string {
  return `singleValueExtendedProperties/Any(ep: ep/id eq ${odataString(REMINDER_KEY_PROPERTY)} and ep/value eq ${odataString(key)})`;
}
