/**
 * A cell's value as the core sees it: text, a number, a boolean or nothing. Dates are Excel serial
 * numbers (1900 date system); each edge (exceljs, Office.js) converts its own cell objects.
 */
export type CellValue = string | number | boolean | null;
