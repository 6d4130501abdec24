// A cell merged across data rows holds its value in its top cell only; the rows below it are
// meant to carry the same value (a customer's name merged over the rows of its invoices).
import type { CellValue } from "../core/cellValue";
import type { MergedRange } from "./workbookInput";

/** Gives a cell merged across data rows to every row it covers, as the rows go by. */
export class MergeFill {
  private readonly pending: MergedRange[];
  private active: { range: MergedRange; value: CellValue }[] = [];

  constructor(ranges: readonly MergedRange[]) {
    this.pending = [...ranges].sort((a, b) => b.top - a.top);
  }

  /**
   * The row with the merged values filled in; merges that start on the header row or above are
   * left alone. The cells given are never changed: a filled row is a copy.
   */
  fill(row: number, cells: readonly CellValue[], headerRow: number | undefined): readonly CellValue[] {
    if (this.active.length > 0) this.active = this.active.filter(({ range }) => range.bottom >= row);
    let next = this.pending.at(-1);
    while (next !== undefined && next.top <= row) {
      this.pending.pop();
      if (next.top === row && headerRow !== undefined && row > headerRow) this.active.push({ range: next, value: cells[next.left] ?? null });
      next = this.pending.at(-1);
    }
    let filled: CellValue[] | undefined;
    for (const { range, value } of this.active) {
      if (row === range.top || value === null) continue;
      filled ??= [...cells];
      while (filled.length <= range.left) filled.push(null);
      filled[range.left] = value;
    }
    return filled ?? cells;
  }
}
