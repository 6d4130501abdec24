// Relances' Excel custom functions (namespace RELANCES). functions.json is generated from the JSDoc
// below; functions.fr.json gives the French names and help. Every row-wise function takes a single
// cell or whole columns and spills one result per row (SPEC section 6); none is volatile.
import { agingBandIndex, agingBandLabels, agingSummary, checkAgingBounds, DEFAULT_AGING_BOUNDS, type AgingItem } from "../src/core/aging";
import { type Day, dayFromExcelSerial, dayToExcelSerial } from "../src/core/day";
import { daysOverdue as coreDaysOverdue } from "../src/core/daysOverdue";
import { dso as coreDso } from "../src/core/dso";
import { dueDate as coreDueDate } from "../src/core/dueDate";
import { B2B_RULE, lateInterest as coreLateInterest, type RateRule } from "../src/core/lateInterest";
import { eurosFromCents } from "../src/core/money";
import { nextLevel as coreNextLevel } from "../src/core/nextLevel";
import { problem, type Problem } from "../src/core/problem";
import { rateUnitsFromPercent } from "../src/core/rates";
import { recoveryFee as coreRecoveryFee } from "../src/core/recoveryFee";
import type { PaymentTerms } from "../src/core/paymentTerms";
import { parseReminderLevel, reminderLevelLabel } from "../src/core/reminderLevel";
import {
  isProblem, readAmount, readColumnTerms, readCustomerType, readDate, readOptionalDate, readPercent, readTerms, readWholeDays,
} from "./cellReaders";
import { excelError } from "./excelError";
import { calculationDay, displayLanguage } from "./excelContext";
import { callShape, cellsOf, type Grid, isBlank, numberRow, numberRows, pick, SHARED_ROWS_FROM, spill, type GridArg } from "./excelGrid";

/**
 * Runs a row-wise function whose cells need many arguments. The three functions a 100,000-row
 * sheet recalculates most (DUEDATE, DAYSOVERDUE, AGINGBUCKET) run their own loops instead.
 */
function rowWise(args: readonly GridArg[], names: readonly string[], cell: (r: number, c: number) => unknown): unknown[][] {
  const shape = callShape(args, names);
  if (isProblem(shape)) return [[excelError(shape)]];
  const values = new Array(shape.rows * shape.cols);
  for (let r = 0, i = 0; r < shape.rows; r++) for (let c = 0; c < shape.cols; c++) values[i++] = cell(r, c);
  return spill(values, shape);
}

/** The reference date of each row; left out, the date of the calculation, read once and only if needed. */
function referenceDates(referenceDate: GridArg): (r: number, c: number) => Day | Problem {
  let today: Day | undefined;
  if (isSharedCell(referenceDate)) {
    // One reference date for the whole column, the usual case: read it once, not once per row.
    let fixed: Day | Problem | undefined;
    return () => (fixed ??= readReference(referenceDate));
  }
  return (r, c) => {
    const value = pick(referenceDate, r, c);
    if (isBlank(value)) return (today ??= calculationDay());
    return readDate(value);
  };
}

/** A reference date given as one cell; left out or blank, the date of the calculation. */
function readReference(referenceDate: GridArg): Day | Problem {
  const value = pick(referenceDate, 0, 0);
  return isBlank(value) ? calculationDay() : readDate(value);
}

/** Whether an argument applies to every row: one cell, or left out. */
function isSharedCell(grid: GridArg): boolean {
  return grid == null || (grid.length === 1 && grid[0]!.length === 1);
}

/** The reference date every row shares, or undefined when it is a range. */
function sharedReference(referenceDate: GridArg, reference: (r: number, c: number) => Day | Problem): Day | Problem | undefined {
  return isSharedCell(referenceDate) ? reference(0, 0) : undefined;
}

/** A whole serial number's day, the case of nearly every cell of a long column; undefined otherwise. */
function serialDay(value: unknown): Day | undefined {
  return typeof value === "number" ? dayFromExcelSerial(value) : undefined;
}

// The column loops below serve the three functions a 100,000-row sheet recalculates most. Serial
// numbers take an inline path, any other cell the cell function; equal results share one row
// (see spill). Each function keeps its own loop, reading its rows itself: a loop or a reader
// shared by all sees every kind of row and cell, and the engine stops specialising it.

/** Whether a call's argument is a whole column of the call's rows (not one cell applied to all). */
function isColumn(grid: GridArg, rows: number): grid is Grid {
  return grid != null && grid.length === rows && grid[0]!.length === 1;
}

/**
 * Due date of an invoice from its date and payment terms ("30 jours fin de mois", "45 j FDM", "à réception", a number of days).
 * @customfunction DUEDATE
 * @param invoiceDate Invoice date: a date, ISO text or dd/mm/yyyy text; or a whole column of them.
 * @param terms Payment terms text (e.g. "30 days end of month", "net 45") or a number of days; or a column of them.
 * @returns The due date as a date serial number (format the cells as dates); one per row.
 */
export function dueDate(invoiceDate: any[][], terms: any[][]): any[][] {
  // A sheet filled down cell by cell calls once per row: one cell goes straight through.
  if (isSharedCell(invoiceDate) && isSharedCell(terms)) return [[dueDateCell(pick(invoiceDate, 0, 0), pick(terms, 0, 0))]];
  const shape = callShape([invoiceDate, terms], ["date_facture", "conditions"]);
  if (isProblem(shape)) return [[excelError(shape)]];
  if (shape.rows >= SHARED_ROWS_FROM && isColumn(invoiceDate, shape.rows) && isColumn(terms, shape.rows)) {
    return dueDateColumn(invoiceDate, terms, shape.rows);
  }
  const values = new Array(shape.rows * shape.cols);
  for (let r = 0, i = 0; r < shape.rows; r++) {
    for (let c = 0; c < shape.cols; c++) values[i++] = dueDateCell(pick(invoiceDate, r, c), pick(terms, r, c));
  }
  return spill(values, shape);
}

function dueDateColumn(invoiceDate: Grid, terms: Grid, rows: number): unknown[][] {
  const out: unknown[][] = new Array(rows);
  const shared = numberRows();
  const seenTerms: unknown[] = [];
  const parsedTerms: (PaymentTerms | Problem)[] = [];
  for (let r = 0; r < rows; r++) {
    const dateValue = invoiceDate[r]![0];
    const termsValue = terms[r]![0];
    const day = serialDay(dateValue);
    const parsed = day === undefined ? undefined : readColumnTerms(termsValue, seenTerms, parsedTerms);
    if (parsed !== undefined && !isProblem(parsed)) {
      out[r] = numberRow(shared, dayToExcelSerial(coreDueDate(day!, parsed)));
    } else {
      const due = dueDateCell(dateValue, termsValue);
      out[r] = typeof due === "number" ? numberRow(shared, due) : [due];
    }
  }
  return out;
}

function dueDateCell(invoiceDate: unknown, terms: unknown): unknown {
  if (isBlank(invoiceDate)) return "";
  const day = readDate(invoiceDate);
  if (isProblem(day)) return excelError(day);
  const parsed = readTerms(terms);
  if (isProblem(parsed)) return excelError(parsed);
  return dayToExcelSerial(coreDueDate(day, parsed));
}

/**
 * Whole days late on the reference date, 0 when not yet due.
 * @customfunction DAYSOVERDUE
 * @param dueDate Due date, or a column of due dates.
 * @param [referenceDate] Reference date (a cell holding it; default: the date of the calculation).
 * @returns Days overdue, one per row.
 */
export function daysOverdue(dueDate: any[][], referenceDate?: any[][]): any[][] {
  if (isSharedCell(dueDate) && isSharedCell(referenceDate)) return [[daysOverdueCell(pick(dueDate, 0, 0), readReference(referenceDate))]];
  const reference = referenceDates(referenceDate);
  const shape = callShape([dueDate, referenceDate], ["date_echeance", "date_reference"]);
  if (isProblem(shape)) return [[excelError(shape)]];
  if (shape.rows >= SHARED_ROWS_FROM && isColumn(dueDate, shape.rows)) {
    return daysOverdueColumn(dueDate, reference, sharedReference(referenceDate, reference), shape.rows);
  }
  const values = new Array(shape.rows * shape.cols);
  for (let r = 0, i = 0; r < shape.rows; r++) {
    for (let c = 0; c < shape.cols; c++) values[i++] = daysOverdueCell(pick(dueDate, r, c), reference(r, c));
  }
  return spill(values, shape);
}

function daysOverdueColumn(
  dueDate: Grid,
  reference: (r: number, c: number) => Day | Problem,
  shared: Day | Problem | undefined,
  rows: number,
): unknown[][] {
  const out: unknown[][] = new Array(rows);
  const sharedRows = numberRows();
  for (let r = 0; r < rows; r++) {
    const value = dueDate[r]![0];
    const today = shared !== undefined ? shared : reference(r, 0);
    const due = serialDay(value);
    const days = due !== undefined && typeof today === "number" ? coreDaysOverdue(due, today) : daysOverdueCell(value, today);
    out[r] = typeof days === "number" ? numberRow(sharedRows, days) : [days];
  }
  return out;
}

function daysOverdueCell(dueDate: unknown, today: Day | Problem): unknown {
  if (isBlank(dueDate)) return "";
  const due = readDate(dueDate);
  if (isProblem(due)) return excelError(due);
  if (isProblem(today)) return excelError(today);
  return coreDaysOverdue(due, today);
}

/** Bounds given as a range of numbers or as text "30;60;90". */
function readBounds(bounds: GridArg): readonly number[] | Problem {
  if (bounds == null) return DEFAULT_AGING_BOUNDS;
  const cells = cellsOf(bounds).filter((value) => !isBlank(value));
  if (cells.length === 0) return DEFAULT_AGING_BOUNDS;
  const values = cells.length === 1 && typeof cells[0] === "string" ? cells[0].split(/[;,\s]+/).filter(Boolean) : cells;
  const days: number[] = [];
  for (const value of values) {
    const day = readWholeDays(value, "Borne de tranche");
    if (isProblem(day)) return day;
    days.push(day);
  }
  return checkAgingBounds(days);
}

/** The labels of the bands, and a frozen one-cell row of each that every row of that band shares. */
interface BandLabels {
  readonly labels: readonly string[];
  readonly rows: readonly unknown[][];
}
function makeBandLabels(bounds: readonly number[], lang: "fr" | "en"): BandLabels {
  const labels = agingBandLabels(bounds, lang);
  return { labels, rows: labels.map((label) => Object.freeze([label]) as unknown[]) };
}
// Cell-by-cell sheets call AGINGBUCKET once per row: the default labels are made once per language.
const defaultBandLabels = { fr: makeBandLabels(DEFAULT_AGING_BOUNDS, "fr"), en: makeBandLabels(DEFAULT_AGING_BOUNDS, "en") };
function bandLabels(bounds: readonly number[], lang: "fr" | "en"): BandLabels {
  return bounds === DEFAULT_AGING_BOUNDS ? defaultBandLabels[lang] : makeBandLabels(bounds, lang);
}

/**
 * Ageing band of an invoice on the reference date: "Non échu" ("Not due"), "1-30", "31-60", "61-90", ">90".
 * @customfunction AGINGBUCKET
 * @param dueDate Due date, or a column of due dates.
 * @param [referenceDate] Reference date (default: the date of the calculation).
 * @param [upperBounds] Upper bounds of the bands in days (default 30;60;90), as a range or text.
 * @returns The band label, one per row.
 */
export function agingBucket(dueDate: any[][], referenceDate?: any[][], upperBounds?: any[][]): any[][] {
  const bounds = readBounds(upperBounds);
  if (isProblem(bounds)) return [[excelError(bounds)]];
  const { labels, rows: labelRows } = bandLabels(bounds, displayLanguage());
  if (isSharedCell(dueDate) && isSharedCell(referenceDate)) {
    const age = daysOverdueCell(pick(dueDate, 0, 0), readReference(referenceDate));
    return [typeof age === "number" ? labelRows[agingBandIndex(age, bounds)]! : [age]];
  }
  const reference = referenceDates(referenceDate);
  const shape = callShape([dueDate, referenceDate], ["date_echeance", "date_reference"]);
  if (isProblem(shape)) return [[excelError(shape)]];
  if (shape.cols === 1) {
    // A column: every row is one of a few labels, each label's row shared.
    const today = sharedReference(referenceDate, reference);
    const lastBound = bounds[bounds.length - 1]!;
    // A long column against one date looks its band up by age, when that table is not longer than the column.
    if (typeof today === "number" && shape.rows >= SHARED_ROWS_FROM && lastBound <= shape.rows && isColumn(dueDate, shape.rows)) {
      return agingBucketColumn(dueDate, today, bounds, labelRows, shape.rows);
    }
    const out: unknown[][] = new Array(shape.rows);
    for (let r = 0; r < shape.rows; r++) {
      const age = daysOverdueCell(pick(dueDate, r, 0), reference(r, 0));
      out[r] = typeof age === "number" ? labelRows[agingBandIndex(age, bounds)]! : [age];
    }
    return out;
  }
  const values = new Array(shape.rows * shape.cols);
  for (let r = 0, i = 0; r < shape.rows; r++) {
    for (let c = 0; c < shape.cols; c++) {
      const age = daysOverdueCell(pick(dueDate, r, c), reference(r, c));
      values[i++] = typeof age === "number" ? labels[agingBandIndex(age, bounds)] : age;
    }
  }
  return spill(values, shape);
}

function agingBucketColumn(dueDate: Grid, today: Day, bounds: readonly number[], labelRows: readonly unknown[][], rows: number): unknown[][] {
  // byAge[a] is the row of the band of age a, up to the last bound + 1; every later age is in the last band.
  const oldest = bounds[bounds.length - 1]! + 1;
  const byAge: unknown[][] = new Array(oldest + 1);
  for (let age = 0; age <= oldest; age++) byAge[age] = labelRows[agingBandIndex(age, bounds)]!;
  const out: unknown[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const value = dueDate[r]![0];
    const due = serialDay(value);
    if (due !== undefined) {
      const age = coreDaysOverdue(due, today);
      out[r] = byAge[age < oldest ? age : oldest]!;
    } else {
      const age = daysOverdueCell(value, today);
      out[r] = typeof age === "number" ? labelRows[agingBandIndex(age, bounds)]! : [age];
    }
  }
  return out;
}

/**
 * Late-payment interest in euros, to the cent: ECB rate + 10 points by half-year, or the annual rate given.
 * @customfunction LATEINTEREST
 * @param amount Amount due incl. VAT, or a column of amounts.
 * @param dueDate Due date, or a column of due dates.
 * @param [paymentDate] Payment date or reference date (default: the date of the calculation).
 * @param [annualRate] Annual rate in % (e.g. 12.15); default: ECB main refinancing rate + 10 points, split by half-year.
 * @returns Interest in euros, one per row.
 */
export function lateInterest(amount: any[][], dueDate: any[][], paymentDate?: any[][], annualRate?: any[][]): any[][] {
  const until = referenceDates(paymentDate);
  return rowWise(
    [amount, dueDate, paymentDate, annualRate],
    ["montant", "date_echeance", "date_paiement", "taux_annuel"],
    (r, c) => {
      const amountValue = pick(amount, r, c);
      const dueValue = pick(dueDate, r, c);
      if (isBlank(amountValue) && isBlank(dueValue)) return "";
      const cents = readAmount(amountValue);
      if (isProblem(cents)) return excelError(cents);
      const due = readDate(dueValue);
      if (isProblem(due)) return excelError(due);
      const to = until(r, c);
      if (isProblem(to)) return excelError(to);
      const rateValue = pick(annualRate, r, c);
      let rule: RateRule = B2B_RULE;
      if (!isBlank(rateValue)) {
        const percent = readPercent(rateValue);
        if (isProblem(percent)) return excelError(percent);
        rule = { kind: "fixed", rate: rateUnitsFromPercent(percent) };
      }
      if (cents < 0) return excelError(problem(`Montant négatif : «${String(amountValue)}»`));
      const interest = coreLateInterest({ amount: cents, from: due, to, rule });
      return isProblem(interest) ? excelError(interest) : eurosFromCents(interest.amount);
    },
  );
}

/**
 * Fixed recovery fee (indemnité forfaitaire pour frais de recouvrement): 40 euros per late invoice, 0 for a private individual.
 * @customfunction RECOVERYFEE
 * @param [customerType] Customer type: particulier, professionnel, architecte, promoteur, collectivité (default professionnel); or a column.
 * @returns The fee in euros, one per row.
 */
export function recoveryFee(customerType?: any[][]): any[][] {
  return rowWise([customerType], ["type_client"], (r, c) => {
    const type = readCustomerType(pick(customerType, r, c));
    return isProblem(type) ? excelError(type) : eurosFromCents(coreRecoveryFee(type));
  });
}

/**
 * The reminder level due now by the default policy ("Préventive", "Relance 1", "Relance 2", "Mise en demeure", "Injonction"), or "" when none.
 * @customfunction NEXTSTAGE
 * @param dueDate Due date, or a column of due dates.
 * @param balance Balance still due, in euros; or a column.
 * @param [lastLevel] Last reminder level sent: 0-4 or its label; empty when none.
 * @param [lastLevelDate] Date of that last reminder.
 * @param [referenceDate] Reference date (default: the date of the calculation).
 * @param [customerType] Customer type (default professionnel).
 * @param [acceptanceDate] Date of the acceptance report (PV de réception), for architects, developers and public bodies.
 * @returns The French label of the level due, or "", one per row.
 */
export function nextStage(
  dueDate: any[][],
  balance: any[][],
  lastLevel?: any[][],
  lastLevelDate?: any[][],
  referenceDate?: any[][],
  customerType?: any[][],
  acceptanceDate?: any[][],
): any[][] {
  const reference = referenceDates(referenceDate);
  return rowWise(
    [dueDate, balance, lastLevel, lastLevelDate, referenceDate, customerType, acceptanceDate],
    ["date_echeance", "solde", "dernier_niveau", "date_dernier_niveau", "date_reference", "type_client", "date_pv"],
    (r, c) => {
      const dueValue = pick(dueDate, r, c);
      if (isBlank(dueValue)) return "";
      const due = readDate(dueValue);
      if (isProblem(due)) return excelError(due);
      const cents = readAmount(pick(balance, r, c));
      if (isProblem(cents)) return excelError(cents);
      const levelValue = pick(lastLevel, r, c);
      const level = isBlank(levelValue) ? undefined : parseReminderLevel(levelValue);
      if (level === undefined && !isBlank(levelValue)) {
        return excelError(problem(`Niveau de relance non reconnu : «${String(levelValue)}» (0 à 4 ou son libellé)`));
      }
      const levelDate = readOptionalDate(pick(lastLevelDate, r, c));
      if (isProblem(levelDate)) return excelError(levelDate);
      const type = readCustomerType(pick(customerType, r, c));
      if (isProblem(type)) return excelError(type);
      const acceptance = readOptionalDate(pick(acceptanceDate, r, c));
      if (isProblem(acceptance)) return excelError(acceptance);
      const today = reference(r, c);
      if (isProblem(today)) return excelError(today);
      const decision = coreNextLevel(
        { dueDate: due, balance: cents, customerType: type, acceptanceDate: acceptance, lastLevel: level, lastLevelDate: levelDate },
        today,
      );
      return decision.level === null ? "" : reminderLevelLabel(decision.level);
    },
  );
}

/**
 * Aged balance (balance âgée): open balances by age band, as a spilled table of band, amount and share.
 * @customfunction AGINGSUMMARY
 * @param dueDates Due dates (a range).
 * @param balances Balances (a range of the same size).
 * @param [referenceDate] Reference date (default: the date of the calculation).
 * @param [upperBounds] Upper bounds of the bands in days (default 30;60;90).
 * @returns A table: a header row, one row per band (band, amount in euros, share of the total), and the total.
 */
export function agingSummaryTable(dueDates: any[][], balances: any[][], referenceDate?: any[][], upperBounds?: any[][]): any[][] {
  const failure = (p: Problem): any[][] => [[excelError(p)]];
  const bounds = readBounds(upperBounds);
  if (isProblem(bounds)) return failure(bounds);
  const shape = callShape([dueDates, balances], ["dates_echeance", "soldes"]);
  if (isProblem(shape)) return failure(shape);
  const referenceValue = pick(referenceDate, 0, 0);
  const today = isBlank(referenceValue) ? calculationDay() : readDate(referenceValue);
  if (isProblem(today)) return failure(today);
  const items: AgingItem[] = [];
  for (let r = 0; r < shape.rows; r++) {
    for (let c = 0; c < shape.cols; c++) {
      const dueValue = pick(dueDates, r, c);
      const balanceValue = pick(balances, r, c);
      if (isBlank(dueValue) && isBlank(balanceValue)) continue;
      const due = readDate(dueValue);
      if (isProblem(due)) return failure(problem(`Ligne ${r + 1} : ${due.message}`));
      const cents = readAmount(balanceValue);
      if (isProblem(cents)) return failure(problem(`Ligne ${r + 1} : ${cents.message}`));
      items.push({ dueDate: due, balance: cents });
    }
  }
  const lang = displayLanguage();
  const summary = agingSummary(items, today, bounds);
  const labels = agingBandLabels(bounds, lang);
  const share = (cents: number): number => (summary.total === 0 ? 0 : cents / summary.total);
  return [
    lang === "en" ? ["Band", "Amount", "Share"] : ["Tranche", "Montant", "Part"],
    ...labels.map((label, i) => [label, eurosFromCents(summary.amounts[i]!), share(summary.amounts[i]!)]),
    ["Total", eurosFromCents(summary.total), summary.total === 0 ? 0 : 1],
  ];
}

/**
 * Days sales outstanding: receivables / sales over the period x days in the period.
 * @customfunction DSO
 * @param receivables Receivables incl. VAT at the end of the period (a number or a range, summed).
 * @param sales Sales incl. VAT over the period (a number or a range, summed).
 * @param [periodDays] Days in the period (default 365).
 * @returns The DSO in days.
 */
export function daysSalesOutstanding(receivables: any[][], sales: any[][], periodDays?: any[][]): any[][] {
  const sum = (grid: GridArg, what: string): number | Problem => {
    let total = 0;
    for (const value of cellsOf(grid)) {
      if (isBlank(value)) continue;
      const cents = readAmount(value);
      if (isProblem(cents)) return problem(`${what} : ${cents.message}`);
      total += cents;
    }
    return total;
  };
  const owed = sum(receivables, "Encours");
  if (isProblem(owed)) return [[excelError(owed)]];
  const sold = sum(sales, "Chiffre d'affaires");
  if (isProblem(sold)) return [[excelError(sold)]];
  const daysValue = pick(periodDays, 0, 0);
  const days = isBlank(daysValue) ? 365 : readWholeDays(daysValue, "Nombre de jours de la période");
  if (isProblem(days)) return [[excelError(days)]];
  const result = coreDso(owed, sold, days);
  return [[isProblem(result) ? excelError(result) : result]];
}

// Excel's runtime provides CustomFunctions; tests load this module without it.
if (typeof CustomFunctions !== "undefined") {
  CustomFunctions.associate("DUEDATE", dueDate);
  CustomFunctions.associate("DAYSOVERDUE", daysOverdue);
  CustomFunctions.associate("AGINGBUCKET", agingBucket);
  CustomFunctions.associate("LATEINTEREST", lateInterest);
  CustomFunctions.associate("RECOVERYFEE", recoveryFee);
  CustomFunctions.associate("NEXTSTAGE", nextStage);
  CustomFunctions.associate("AGINGSUMMARY", agingSummaryTable);
  CustomFunctions.associate("DSO", daysSalesOutstanding);
}
