import { problem, type Problem } from "../src/core/problem";

/** What Excel passes for a range argument, and what a spilled result is: rows of cells. */
export type Grid = unknown[][];
/** An argument as it arrives: a grid, or null/undefined when the user left it out. */
export type GridArg = Grid | null | undefined;

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

/**
 * The shape of a row-wise call: every argument that is more than one cell has the same shape, and a
 * single cell applies to every row (as Excel's own dynamic-array functions broadcast).
 */
const SINGLE_CELL: Shape = Object.freeze({ rows: 1, cols: 1 });

export function callShape(args: readonly GridArg[], names: readonly string[]): Shape | Problem {
  let shape: Shape = SINGLE_CELL;
  let owner = "";
  for (let i = 0; i < args.length; i++) {
    const grid = args[i];
    if (grid == null || grid.length === 0) continue;
    const rows = grid.length;
    const cols = grid[0]!.length;
    if (rows === 1 && cols === 1) continue;
    if (shape.rows === 1 && shape.cols === 1) {
      shape = { rows, cols };
      owner = names[i] ?? "";
    } else if (shape.rows !== rows || shape.cols !== cols) {
      return problem(
        `Plages de tailles différentes : ${owner} a ${shape.rows}×${shape.cols} cellules, ${names[i]} en a ${rows}×${cols}`,
      );
    }
  }
  return shape;
}

/** The cell of an argument for row r, column c, a single cell standing for every row. */
export function pick(grid: GridArg, r: number, c: number): unknown {
  if (grid == null || grid.length === 0) return undefined;
  const row = grid.length === 1 ? grid[0]! : grid[r]!;
  return row.length === 1 ? row[0] : row[c];
}

/** An empty cell, or an argument left out. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/**
 * The spilled grid of a row-wise result, from its values row by row. Each function computes its
 * values in its own loop first: one loop shared by every function would see all their cell
 * kernels at one call site, and the engine would stop inlining them.
 */
const NUMBER_SLOTS = 4096;

/** A cache of shared rows for whole numbers, direct-mapped: cheaper than a map lookup per row. */
export function numberRows(): (unknown[] | undefined)[] {
  return new Array(NUMBER_SLOTS);
}

/** The shared, frozen row holding a whole number. */
export function numberRow(cache: (unknown[] | undefined)[], value: number): unknown[] {
  const slot = value & (NUMBER_SLOTS - 1);
  let row = cache[slot];
  if (row === undefined || row[0] !== value) cache[slot] = row = Object.freeze([value]) as unknown[];
  return row;
}
export const SHARED_ROWS_FROM = 512;

export function spill(values: readonly unknown[], shape: Shape): Grid {
  const out: Grid = new Array(shape.rows);
  if (shape.cols === 1 && shape.rows < SHARED_ROWS_FROM) {
    // A cell or a short column (a sheet calling cell by cell): sharing would cost more than it saves.
    for (let r = 0; r < shape.rows; r++) out[r] = [values[r]];
    return out;
  }
  if (shape.cols === 1) {
    // In a column, rows with the same value share one frozen row: a 100,000-row column holds a few
    // hundred distinct due dates or ages, and allocating (then collecting) a row per cell costs
    // more than computing it.
    // Whole numbers (serials, days) go through a direct-mapped cache, cheaper than a map lookup;
    // other values (labels) through a map; errors get rows of their own.
    const byNumber = numberRows();
    const byOther = new Map<unknown, unknown[]>();
    for (let r = 0; r < shape.rows; r++) {
      const value = values[r];
      let row: unknown[] | undefined;
      if (typeof value === "number" && (value | 0) === value) {
        row = numberRow(byNumber, value);
      } else {
        row = byOther.get(value);
        if (row === undefined) {
          row = Object.freeze([value]) as unknown[];
          if (typeof value !== "object") byOther.set(value, row);
        }
      }
      out[r] = row;
    }
    return out;
  }
  for (let r = 0; r < shape.rows; r++) out[r] = values.slice(r * shape.cols, (r + 1) * shape.cols);
  return out;
}

/** Every cell of an argument, row by row (for list arguments such as bounds or totals). */
export function cellsOf(grid: GridArg): unknown[] {
  if (grid == null) return [];
  const cells: unknown[] = [];
  for (const row of grid) for (const value of row) cells.push(value);
  return cells;
}
