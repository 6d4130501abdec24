/**
 * The warnings of a tracking sheet's rows that were read all the same, each told once for all its
 * rows: terms beyond the legal caps, invoices dated after the reference date, overpaid invoices,
 * categories not understood, and balances that differ from amount - paid.
 */
import { dayToFrench, type Day } from "./day";
import { formatEuros, type Cents } from "./money";
import { RowWarning } from "./rowWarning";

/** How many balance mismatches are told one by one. */
const MISMATCHES_TOLD = 100;

/**
 * Collects a sheet's row warnings as rows are read, and gives their texts at the end.
 * @example
 * const w = new TrackingWarnings("Suivi", (field) => field); w.overpaid(4); w.texts(undefined)[0] // "Suivi ligne 4 : paid supérieur…"
 */
export class TrackingWarnings {
  private readonly terms = new Map<string, RowWarning>();
  private readonly future = new RowWarning();
  private readonly overpaidRows = new RowWarning();
  /** Customer types not understood, by the text as written: the rows keep the default type. */
  private readonly unknownTypes = new Map<string, RowWarning>();
  private readonly mismatches: string[] = [];
  private mismatchCount = 0;

  /**
   * @param sheet - the sheet's name, for the texts
   * @param header - the header of a field as the sheet writes it
   */
  constructor(
    private readonly sheet: string,
    private readonly header: (field: "invoiceDate" | "paid" | "amount" | "customerType" | "balance") => string,
  ) {}

  /** Terms beyond the legal caps: one warning per distinct warning text. */
  termsBeyondCaps(row: number, warning: string): void {
    let rows = this.terms.get(warning);
    if (rows === undefined) this.terms.set(warning, (rows = new RowWarning()));
    rows.add(row);
  }

  futureDate(row: number): void {
    this.future.add(row);
  }

  overpaid(row: number): void {
    this.overpaidRows.add(row);
  }

  unknownType(row: number, text: string): void {
    let rows = this.unknownTypes.get(text);
    if (rows === undefined) this.unknownTypes.set(text, (rows = new RowWarning()));
    rows.add(row);
  }

  balanceMismatch(row: number, sheetBalance: Cents, computed: Cents): void {
    this.mismatchCount++;
    if (this.mismatches.length >= MISMATCHES_TOLD) return;
    this.mismatches.push(
      `${this.sheet} ligne ${row} : ${this.header("balance")} ${formatEuros(sheetBalance)} ≠ ` +
        `${this.header("amount")} - ${this.header("paid")} ${formatEuros(computed)}`,
    );
  }

  /** The warnings' texts, in a fixed order; today is the reference date future dates were told against. */
  texts(today: Day | undefined): string[] {
    const sheet = this.sheet;
    const warnings: string[] = [];
    for (const [message, rows] of this.terms) warnings.push(rows.text(sheet, message));
    if (this.future.count > 0 && today !== undefined) {
      warnings.push(this.future.text(sheet, `${this.header("invoiceDate")} postérieure au ${dayToFrench(today)}`));
    }
    if (this.overpaidRows.count > 0) {
      warnings.push(
        this.overpaidRows.text(
          sheet,
          `${this.header("paid")} supérieur au ${this.header("amount")} : le trop-perçu n'est reporté sur aucune autre facture / ` +
            `overpaid invoice: the surplus is not carried to other invoices`,
        ),
      );
    }
    for (const [text, rows] of this.unknownTypes) {
      warnings.push(
        rows.text(
          sheet,
          `${this.header("customerType")} «${text}» : type de client non reconnu, professionnel retenu / ` +
            `unrecognised customer type, professionnel assumed`,
        ),
      );
    }
    warnings.push(...this.mismatches);
    if (this.mismatchCount > this.mismatches.length) {
      warnings.push(
        `${sheet} : ${this.mismatchCount - this.mismatches.length} autres écarts entre ${this.header("balance")} ` +
          `et ${this.header("amount")} - ${this.header("paid")}`,
      );
    }
    return warnings;
  }
}
