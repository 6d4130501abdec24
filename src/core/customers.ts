import { normalizeText } from "./normalizeText";
import type { CreditNoteRecord, CustomerDetails, InvoiceRecord } from "./trackingRecord";

/** One customer account: the invoices and credit notes of rows that name the same customer. */
export interface Customer {
  /** A stable key for the account (the grouping key of its first row). */
  readonly key: string;
  /** The name as first written in the sheet. */
  readonly name: string;
  /** The details of its rows, the first non-empty value of each field winning. */
  readonly details: CustomerDetails;
  readonly invoices: readonly InvoiceRecord[];
  readonly creditNotes: readonly CreditNoteRecord[];
}

// Legal forms that people write or leave out of a customer's name (SPEC section 3).
const LEGAL_FORMS = new Set(["sarl", "sas", "sasu", "sa", "sci", "eurl"]);

/**
 * The key under which two names are the same customer: case, accents, punctuation and legal forms
 * ignored.
 * @example customerNameKey("SCI Les Tilleuls") === customerNameKey("les tilleuls (S.C.I.)") // true
 */
export function customerNameKey(name: string): string {
  const words = normalizeText(name).split(" ");
  const kept = words.filter((word) => !LEGAL_FORMS.has(word));
  // "S.C.I." normalises to "s c i": drop the run of single letters that spells a legal form.
  const joined = kept.join(" ");
  const spelled = joined.replace(/\b(?:[a-z] )+[a-z]\b/g, (run) => (LEGAL_FORMS.has(run.replace(/ /g, "")) ? "" : run));
  return spelled.replace(/\s+/g, " ").trim() || normalizeText(name);
}

/** A VAT number or SIRET as a comparable key: letters and digits only, upper case. */
function identifierKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const key = value.replace(/[^0-9a-z]/gi, "").toUpperCase();
  return key === "" ? undefined : key;
}

/**
 * Groups rows into customer accounts: same name once case, accents, punctuation and legal forms
 * are ignored, or same VAT number. The same e-mail or SIRET under different names is only a
 * warning (a probable duplicate account, seed 004), never a merge.
 */
export function groupCustomers(
  invoices: readonly InvoiceRecord[],
  creditNotes: readonly CreditNoteRecord[],
): { customers: Customer[]; warnings: string[] } {
  const records: (InvoiceRecord | CreditNoteRecord)[] = [...invoices, ...creditNotes];
  // Union-find over the records: by name key, then by VAT number.
  const parent = new Int32Array(records.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const firstByName = new Map<string, number>();
  const firstByVat = new Map<string, number>();
  // A customer's name repeats on each of its rows: normalise each distinct spelling once.
  const keyOfName = new Map<string, string>();
  const keyOfVat = new Map<string, string | undefined>();
  // Rows of one customer mostly share one details object (same name, same VAT number): its first
  // row stands for them, and names and numbers are looked up once per object.
  const firstByDetails = new Map<CustomerDetails, number>();
  for (let i = 0; i < records.length; i++) {
    const customer = records[i]!.customer;
    const same = firstByDetails.get(customer);
    if (same !== undefined) {
      union(same, i);
      continue;
    }
    firstByDetails.set(customer, i);
    let nameKey = keyOfName.get(customer.name);
    if (nameKey === undefined) keyOfName.set(customer.name, (nameKey = customerNameKey(customer.name)));
    const seen = firstByName.get(nameKey);
    if (seen === undefined) firstByName.set(nameKey, i);
    else union(seen, i);
    const vatNumber = customer.vatNumber;
    let vat: string | undefined;
    if (vatNumber !== undefined) {
      if (keyOfVat.has(vatNumber)) vat = keyOfVat.get(vatNumber);
      else keyOfVat.set(vatNumber, (vat = identifierKey(vatNumber)));
    }
    if (vat !== undefined) {
      const seenVat = firstByVat.get(vat);
      if (seenVat === undefined) firstByVat.set(vat, i);
      else union(seenVat, i);
    }
  }

  // Members in record order. A group's root is its lowest record, met first: groups come in the
  // order of their first records.
  const groups: { root: number; details: CustomerDetails[]; seen?: Set<CustomerDetails>; invoices: InvoiceRecord[]; creditNotes: CreditNoteRecord[] }[] = [];
  const groupOfRoot = new Int32Array(records.length).fill(-1);
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const root = find(i);
    let group = groups[groupOfRoot[root]!];
    if (group === undefined) {
      groupOfRoot[root] = groups.length;
      groups.push((group = { root, details: [], invoices: [], creditNotes: [] }));
    }
    // Rows that repeat a customer's details share one object: keep each distinct one once, in order.
    const details = group.details;
    if (details[details.length - 1] !== record.customer) {
      // A few distinct details are searched; many get a set, lest an account of many rows be quadratic.
      if (group.seen === undefined && details.length >= 8) group.seen = new Set(details);
      if (!(group.seen?.has(record.customer) ?? details.includes(record.customer))) {
        details.push(record.customer);
        group.seen?.add(record.customer);
      }
    }
    if (record.kind === "invoice") group.invoices.push(record);
    else group.creditNotes.push(record);
  }

  const customers: Customer[] = [];
  for (const group of groups) {
    const first = records[group.root]!;
    customers.push({
      key: keyOfName.get(first.customer.name)!,
      name: first.customer.name,
      details: mergeDetails(group.details),
      invoices: group.invoices,
      creditNotes: group.creditNotes,
    });
  }
  return { customers, warnings: duplicateWarnings(customers) };
}

/** The details of an account's rows, each distinct object once, in row order. */
function mergeDetails(all: readonly CustomerDetails[]): CustomerDetails {
  // One row's details, nothing defaulted: they are the account's as they stand.
  if (all.length === 1 && all[0]!.defaulted === undefined && !("defaulted" in all[0]!)) return all[0]!;
  const merged: Record<string, unknown> = { ...all[0]! };
  delete merged.defaulted;
  for (const details of all.slice(1)) {
    for (const [field, value] of Object.entries(details)) {
      if (field === "defaulted") continue;
      if ((merged[field] === undefined || merged[field] === "") && value !== undefined && value !== "") merged[field] = value;
    }
  }
  // A category or language left blank holds its default: the first row of the account that states it wins.
  for (const field of ["customerType", "language"] as const) {
    const stated = all.find((details) => !(details.defaulted ?? []).includes(field));
    if (stated !== undefined) merged[field] = stated[field];
  }
  return merged as unknown as CustomerDetails;
}

function duplicateWarnings(customers: readonly Customer[]): string[] {
  const warnings: string[] = [];
  const check = (label: string, valueOf: (c: Customer) => string | undefined): void => {
    const byValue = new Map<string, Customer>();
    for (const customer of customers) {
      const value = valueOf(customer);
      if (value === undefined) continue;
      const other = byValue.get(value);
      if (other === undefined) byValue.set(value, customer);
      else {
        const where = (c: Customer): string => {
          const row = c.invoices[0] ?? c.creditNotes[0];
          return row ? `${row.sheet} ligne ${row.row}` : "";
        };
        warnings.push(
          `Doublon probable : «${other.name}» (${where(other)}) et «${customer.name}» (${where(customer)}) ont le même ${label} ${value} ; ` +
            `vérifiez qu'il ne s'agit pas du même compte / probable duplicate account`,
        );
      }
    }
  };
  check("e-mail", (c) => c.details.email?.trim().toLowerCase() || undefined);
  check("SIRET", (c) => identifierKey(c.details.siret));
  return warnings;
}
