// `relances columns FILE.xlsx [--sheet NAME]` (SPEC section 10): the sheets read and, per sheet, the
// column found for each field, so that a user can check the automatic match and correct it in the
// settings sheet (colonne_facture, feuilles_suivi, ligne_entete: see columnMapping.ts).
import { COLUMN_KEYS, isSavedColumn } from "../core/columnMapping";
import type { CellValue } from "../core/cellValue";
import { columnLetter } from "../core/columnLetters";
import { FIELD_LABELS, type TrackingField } from "../core/trackingColumns";
import { UnreadableWorkbookError } from "../workbook/workbookFile";
import type { WorkbookSource } from "../engine/readWorkbook";
import { readWorkbookSource } from "../workbook/workbookSource";
import { parseOptions } from "./options";

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = "columns FICHIER.xlsx [--sheet NOM]";
const EXIT_USAGE = 2;
const EXIT_UNREADABLE = 3;

const HELP = [
  `Usage : relances ${USAGE}`,
  "Affiche les feuilles de suivi lues et, pour chacune, la colonne trouvée pour chaque champ (lettre, en-tête tel",
  "qu'écrit, « enregistrée » quand elle vient des Paramètres Relances) et les en-têtes non utilisés.",
  "Pour corriger : dans la feuille « Paramètres Relances », colonne_facture = « N° pièce » ou « C », feuilles_suivi, ligne_entete.",
  "  --sheet NOM  lit cette feuille seulement (même masquée)",
  "",
  `Usage: relances ${USAGE.replace("FICHIER", "FILE").replace("NOM", "NAME")}`,
  "Prints the tracking sheets read and, for each, the column found for each field (letter, header as written,",
  "« enregistrée » when it comes from the settings sheet's saved mapping) and the headers left unused.",
  "  --sheet NAME  reads that sheet only (hidden or not)",
].join("\n");

function textOf(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value.trim() : String(value);
}

/**
 * The report `relances columns` prints.
 *
 * @param source - the workbook as plan reads it
 * @returns lines in French, English words beside
 * @example columnsReport(source).split("\n")[0] // "Feuilles lues / sheets read: «Suivi 2025», «Suivi 2026»"
 */
export function columnsReport(source: WorkbookSource): string {
  const { read, leftOut } = source.sheets;
  const saved = source.savedMapping.columns;
  const lines = [`Feuilles lues / sheets read: ${read.map((s) => `«${s.sheet}»`).join(", ")}`];
  for (const s of leftOut) lines.push(`  écartée / left out: «${s.sheet}» : ${s.message}`);
  for (const { sheet, mapping, headerCells } of read) {
    lines.push("", `Feuille «${sheet}», ligne d'en-tête ${mapping.headerRow} / sheet «${sheet}», header row ${mapping.headerRow}`);
    const fields = (Object.keys(mapping.columns) as TrackingField[]).sort((a, b) => mapping.columns[a]! - mapping.columns[b]!);
    const width = Math.max(...fields.map((f) => FIELD_LABELS[f].length));
    for (const field of fields) {
      const index = mapping.columns[field]!;
      const from = isSavedColumn(field, saved, mapping, headerCells) ? `  (enregistrée : ${COLUMN_KEYS[field]} / saved mapping)` : "";
      lines.push(`  ${FIELD_LABELS[field].padEnd(width)}  ${columnLetter(index).padEnd(3)} «${textOf(headerCells[index])}»${from}`);
    }
    const used = new Set(Object.values(mapping.columns));
    const unused = headerCells.flatMap((cell, i) => (used.has(i) || textOf(cell) === "" ? [] : [`${columnLetter(i)} «${textOf(cell)}»`]));
    lines.push(`  En-têtes non utilisés / unused headers: ${unused.length === 0 ? "aucun / none" : unused.join(", ")}`);
    const absent = (Object.keys(FIELD_LABELS) as TrackingField[]).filter((f) => mapping.columns[f] === undefined).map((f) => FIELD_LABELS[f]);
    if (absent.length > 0) lines.push(`  Champs absents / fields not found: ${absent.join(", ")}`);
  }
  for (const problem of source.savedMapping.problems) lines.push("", problem);
  return lines.join("\n");
}

/** Runs `relances columns`; resolves with the exit status. */
export async function columnsCommand(args: readonly string[], io: Io): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.out(HELP);
    return 0;
  }
  const options = parseOptions(args, { values: ["sheet"] });
  const wrong = typeof options === "string" ? options : options.positionals.length !== 1 ? "Indiquez un classeur / give one workbook" : undefined;
  if (wrong !== undefined || typeof options === "string") {
    io.err(`${wrong}\nUsage : relances ${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    io.out(columnsReport(await readWorkbookSource(options.positionals[0]!, { sheet: options.values.get("sheet") })));
    return 0;
  } catch (error) {
    if (!(error instanceof UnreadableWorkbookError)) throw error;
    io.err(error.message);
    return EXIT_UNREADABLE;
  }
}
