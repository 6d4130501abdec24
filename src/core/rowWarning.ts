/** How many rows one warning lists before it says "et N autres". */
const ROWS_LISTED = 10;

/**
 * A warning told once for many rows: "Suivi lignes 3, 8 et 12 autres : …".
 * @example
 * const w = new RowWarning(); w.add(3); w.text("Suivi", "montant arrondi") // "Suivi ligne 3 : montant arrondi"
 */
export class RowWarning {
  readonly rows: number[] = [];
  count = 0;

  add(row: number): void {
    if (this.rows.length < ROWS_LISTED) this.rows.push(row);
    this.count++;
  }

  text(sheet: string, message: string): string {
    const listed = this.rows.join(", ");
    const more = this.count > this.rows.length ? ` et ${this.count - this.rows.length} autres` : "";
    return `${sheet} ${this.count === 1 ? "ligne" : "lignes"} ${listed}${more} : ${message}`;
  }
}
