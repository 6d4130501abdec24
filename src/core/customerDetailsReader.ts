/**
 * What a tracking row says of its customer (category, language, contact, address, identifiers),
 * read once per distinct cells: most rows repeat their customer's, and share one details object.
 */
import { cellText, isBlank, type CellValue } from "./cellValue";
import { DEFAULT_CUSTOMER_TYPE, parseCustomerType, type CustomerType } from "./customerType";
import { normalizeText } from "./normalizeText";
import { isProblem, type Problem } from "./problem";
import { parseCivility } from "./salutation";
import { cellAt, optionalText, phoneText, postcodeText } from "./trackingCells";
import type { CustomerDetails } from "./trackingRecord";

const LANGUAGE_WORDS: ReadonlyMap<string, "fr" | "en"> = new Map([
  ["fr", "fr"], ["fra", "fr"], ["fre", "fr"], ["francais", "fr"], ["french", "fr"],
  ["en", "en"], ["eng", "en"], ["anglais", "en"], ["english", "en"],
]);
const LANGUAGE_WITH_REGION = /^(fr|en) [a-z]{2}$/;

/** The 0-based column of each detail, -1 where the sheet has none. */
export interface DetailColumns {
  readonly customerType: number;
  readonly language: number;
  readonly email: number;
  readonly phone: number;
  readonly contact: number;
  readonly civility: number;
  readonly address: number;
  readonly postcode: number;
  readonly city: number;
  readonly vatNumber: number;
  readonly siret: number;
}

/**
 * Reads the customer details of tracking rows, remembering the last ones of each customer name.
 * @example
 * const reader = new CustomerDetailsReader({ ...columns });
 * reader.read(cells, "SCI Les Tilleuls")?.customerType // "professionnel"
 */
export class CustomerDetailsReader {
  private readonly columns: readonly number[];
  /** The details last read for each customer name, with the cells they were read from. */
  private readonly customers = new Map<string, { details: CustomerDetails; cells: CellValue[] }>();
  // One parse per distinct text: a sheet repeats the same few categories and languages.
  private readonly typeCache = new Map<string | number | boolean, CustomerType | Problem>();
  private readonly languageCache = new Map<string | number | boolean, "fr" | "en" | undefined>();

  constructor(private readonly at: DetailColumns) {
    this.columns = [
      at.customerType, at.language, at.email, at.phone, at.contact, at.civility, at.address, at.postcode, at.city,
      at.vatNumber, at.siret,
    ];
  }

  /** The details of a row's customer; undefined when its language cell is neither FR nor EN. */
  read(cells: readonly CellValue[], name: string): CustomerDetails | undefined {
    const last = this.customers.get(name);
    // The same cells as the customer's last row: the same details, without reading them again.
    if (last !== undefined && this.sameCells(cells, last.cells)) return last.details;
    const details = this.readAgain(cells, name, last?.details);
    if (details !== undefined) this.customers.set(name, { details, cells: this.columns.map((i) => cellAt(cells, i)) });
    return details;
  }

  /** A category cell read (blank: the default type), a Problem when not understood. */
  customerTypeOf(value: CellValue): CustomerType | Problem {
    if (value === null) return parseCustomerType(null);
    let type = this.typeCache.get(value);
    if (type === undefined) {
      type = parseCustomerType(value);
      this.typeCache.set(value, type);
    }
    return type;
  }

  private sameCells(cells: readonly CellValue[], seen: readonly CellValue[]): boolean {
    const columns = this.columns;
    for (let k = 0; k < columns.length; k++) {
      if (cellAt(cells, columns[k]!) !== seen[k]) return false;
    }
    return true;
  }

  private languageOf(value: CellValue): "fr" | "en" | undefined {
    if (isBlank(value)) return "fr";
    const key = value as string | number | boolean;
    if (this.languageCache.has(key)) return this.languageCache.get(key);
    const text = normalizeText(cellText(value));
    const found = LANGUAGE_WORDS.get(text) ?? (LANGUAGE_WITH_REGION.exec(text)?.[1] as "fr" | "en" | undefined);
    this.languageCache.set(key, found);
    return found;
  }

  private readAgain(cells: readonly CellValue[], name: string, last: CustomerDetails | undefined): CustomerDetails | undefined {
    const at = this.at;
    const typeCell = cellAt(cells, at.customerType);
    const readType = this.customerTypeOf(typeCell);
    // Not understood: the default type, as if blank, so that another row of the account that states it wins.
    const typeUnknown = isProblem(readType);
    const customerType = typeUnknown ? DEFAULT_CUSTOMER_TYPE : readType;
    const languageCell = cellAt(cells, at.language);
    const language = this.languageOf(languageCell);
    if (language === undefined) return undefined;
    const email = optionalText(cellAt(cells, at.email));
    const phone = phoneText(cellAt(cells, at.phone));
    const contact = optionalText(cellAt(cells, at.contact));
    // A civility not understood (a company's « Société ») greets « Madame, Monsieur, » as a blank does.
    const civility = parseCivility(optionalText(cellAt(cells, at.civility)));
    const address = optionalText(cellAt(cells, at.address));
    const postcode = postcodeText(cellAt(cells, at.postcode));
    const city = optionalText(cellAt(cells, at.city));
    const vatNumber = optionalText(cellAt(cells, at.vatNumber));
    const siret = optionalText(cellAt(cells, at.siret));
    const defaulted = defaultedFields(typeUnknown || isBlank(typeCell), isBlank(languageCell));
    if (
      last !== undefined &&
      last.customerType === customerType &&
      last.language === language &&
      last.email === email &&
      last.phone === phone &&
      last.contact === contact &&
      last.civility === civility &&
      last.address === address &&
      last.postcode === postcode &&
      last.city === city &&
      last.vatNumber === vatNumber &&
      last.siret === siret &&
      last.defaulted === defaulted
    ) {
      return last;
    }
    return {
      name, customerType, email, phone, contact, address, postcode, city, language, vatNumber, siret,
      ...(civility === undefined ? {} : { civility }),
      ...(defaulted === undefined ? {} : { defaulted }),
    };
  }
}

// Shared arrays, so that rows of the same customer keep sharing one details object.
const DEFAULTED_TYPE: readonly ("customerType" | "language")[] = Object.freeze(["customerType"]);
const DEFAULTED_LANGUAGE: readonly ("customerType" | "language")[] = Object.freeze(["language"]);
const DEFAULTED_BOTH: readonly ("customerType" | "language")[] = Object.freeze(["customerType", "language"]);

/** Which of the category and the language a row left blank (they then hold their defaults). */
function defaultedFields(type: boolean, language: boolean): readonly ("customerType" | "language")[] | undefined {
  if (type) return language ? DEFAULTED_BOTH : DEFAULTED_TYPE;
  return language ? DEFAULTED_LANGUAGE : undefined;
}

