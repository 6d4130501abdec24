// The stand-in's mailboxes: the messages each holds, as Exchange keeps them for Graph. Every
// message has two ids, as Outlook's do: the REST id (AAMkAD…, which changes when an item moves) and
// the immutable one (AAkALg…, given when a request says Prefer: IdType="ImmutableId"). Both name
// the same message in a path. Tests count the drafts by their extended properties here.

export interface StoredAttachment {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

export interface StoredMessage {
  readonly immutableId: string;
  readonly restId: string;
  readonly mailboxId: string;
  readonly createdAt: Date;
  /** The message's own properties as created (subject, body, toRecipients...). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Single-value extended properties: normalised id -> value. */
  readonly extended: Map<string, { readonly id: string; readonly value: string }>;
  readonly attachments: StoredAttachment[];
}

/**
 * An extended property's id as Exchange compares it: the type and GUID case-insensitively, the
 * name as written ("String {guid} Name X").
 */
export function normalizedPropertyId(id: string): string {
  const match = /^\s*(\w+)\s+(\{[0-9a-f-]+\})\s+Name\s+(.+?)\s*$/i.exec(id);
  if (match === null) return id.trim().toLowerCase();
  return `${match[1]!.toLowerCase()} ${match[2]!.toLowerCase()} name ${match[3]}`;
}

function outlookId(prefix: string): string {
  const random = Buffer.from(crypto.getRandomValues(new Uint8Array(48))).toString("base64").replace(/\//g, "-").replace(/\+/g, "_");
  return `${prefix}${random}`;
}

export class StandinMailStore {
  private readonly messages = new Map<string, StoredMessage>();
  private readonly byId = new Map<string, StoredMessage>();

  /** Stores a new draft in a mailbox. */
  add(mailboxId: string, fields: Record<string, unknown>, extended: readonly { id: string; value: string }[], attachments: readonly Omit<StoredAttachment, "id">[]): StoredMessage {
    const message: StoredMessage = {
      immutableId: outlookId("AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A"),
      restId: outlookId("AAMkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgBGAAAD"),
      mailboxId,
      createdAt: new Date(),
      fields,
      extended: new Map(extended.map((p) => [normalizedPropertyId(p.id), { id: p.id, value: p.value }])),
      attachments: attachments.map((a) => ({ ...a, id: outlookId("AAMkADAwATM0MDAAMS1hdHQ") })),
    };
    this.messages.set(message.immutableId, message);
    this.byId.set(message.immutableId, message);
    this.byId.set(message.restId, message);
    return message;
  }

  /** A message of a mailbox by either of its ids. */
  get(mailboxId: string, id: string): StoredMessage | undefined {
    const message = this.byId.get(id);
    return message?.mailboxId === mailboxId ? message : undefined;
  }

  inMailbox(mailboxId: string): StoredMessage[] {
    return [...this.messages.values()].filter((m) => m.mailboxId === mailboxId);
  }

  all(): StoredMessage[] {
    return [...this.messages.values()];
  }

  /**
   * How many messages carry each value of the extended properties named `name` (any GUID), over
   * every mailbox: a reminder drafted exactly once counts 1.
   */
  countsByProperty(name: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const message of this.messages.values()) {
      for (const property of message.extended.values()) {
        if (!property.id.trim().endsWith(` ${name}`)) continue;
        counts.set(property.value, (counts.get(property.value) ?? 0) + 1);
      }
    }
    return counts;
  }

  clear(): void {
    this.messages.clear();
    this.byId.clear();
  }
}
