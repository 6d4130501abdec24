/**
 * The legal form a customer's name shows (« SCI Les Tilleuls », « Boulangerie Fournil SAS »,
 * « Hale & Sons Ltd »), which decides the court of an injonction de payer (DOMAIN section 4).
 */
import { normalizeText } from "./normalizeText";

/**
 * commercial: commercial by its form whatever its business (C. com. L210-1), so the tribunal de
 * commerce; civil: a civil company or an association, the tribunal judiciaire; foreign: a form of
 * another country's law, the debtor is abroad.
 */
export type LegalFormKind = "commercial" | "civil" | "foreign";

export interface LegalForm {
  /** The form as usually written: "SARL", "SCI", "Ltd", "association". */
  readonly code: string;
  readonly kind: LegalFormKind;
}

// Normalised words (normalizeText) and the form each stands for. Multi-word entries are matched as
// a run of words; single letters spelled with dots ("S.C.I.") are joined before matching.
const FORMS: ReadonlyArray<readonly [string, string, LegalFormKind]> = [
  ["sarl", "SARL", "commercial"],
  ["eurl", "EURL", "commercial"],
  ["sas", "SAS", "commercial"],
  ["sasu", "SASU", "commercial"],
  ["sa", "SA", "commercial"],
  ["snc", "SNC", "commercial"],
  ["sca", "SCA", "commercial"],
  ["scs", "SCS", "commercial"],
  ["societe anonyme", "SA", "commercial"],
  ["societe par actions simplifiee", "SAS", "commercial"],
  ["societe a responsabilite limitee", "SARL", "commercial"],
  ["societe en nom collectif", "SNC", "commercial"],
  ["sci", "SCI", "civil"],
  ["scp", "SCP", "civil"],
  ["scm", "SCM", "civil"],
  ["sccv", "SCCV", "civil"],
  ["scea", "SCEA", "civil"],
  ["gaec", "GAEC", "civil"],
  ["earl", "EARL", "civil"],
  ["gfa", "GFA", "civil"],
  ["societe civile", "société civile", "civil"],
  ["societe civile immobiliere", "SCI", "civil"],
  ["association", "association", "civil"],
  ["asso", "association", "civil"],
  ["ltd", "Ltd", "foreign"],
  ["limited", "Ltd", "foreign"],
  ["plc", "PLC", "foreign"],
  ["llp", "LLP", "foreign"],
  ["llc", "LLC", "foreign"],
  ["inc", "Inc.", "foreign"],
  ["corp", "Corp.", "foreign"],
  ["gmbh", "GmbH", "foreign"],
  ["ag", "AG", "foreign"],
  ["kg", "KG", "foreign"],
  ["ug", "UG", "foreign"],
  ["bv", "BV", "foreign"],
  ["nv", "NV", "foreign"],
  ["spa", "SpA", "foreign"],
  ["srl", "Srl", "foreign"],
  ["sl", "SL", "foreign"],
  ["slu", "SLU", "foreign"],
  ["sprl", "SPRL", "foreign"],
  ["bvba", "BVBA", "foreign"],
  ["ab", "AB", "foreign"],
  ["aps", "ApS", "foreign"],
  ["oy", "Oy", "foreign"],
  ["sp z o o", "sp. z o.o.", "foreign"],
];

const BY_WORDS = new Map(FORMS.map(([words, code, kind]) => [words, { code, kind } as LegalForm]));
const LONGEST = Math.max(...FORMS.map(([words]) => words.split(" ").length));

/** The name's words, with runs of single letters joined: "s c i les tilleuls" -> "sci les tilleuls". */
function words(name: string): string[] {
  const joined = normalizeText(name).replace(/\b(?:[a-z] )+[a-z]\b/g, (run) => {
    const word = run.replace(/ /g, "");
    return BY_WORDS.has(word) ? word : run;
  });
  return joined === "" ? [] : joined.split(" ");
}

/**
 * The legal form written in a customer's name, at its start or its end (« SCI Les Tilleuls »,
 * « Boulangerie Fournil SAS », « Les Tilleuls (S.C.I.) »), or spelled out (« Société civile
 * immobilière du Parc »).
 *
 * @param name - the customer's name as in the sheet
 * @returns the form and its kind, or undefined when the name shows none (« Boulangerie Fournier »,
 *   « M. Castex »)
 * @example
 * legalFormOf("SCI Les Tilleuls")          // { code: "SCI", kind: "civil" }
 * legalFormOf("Boulangerie Fournil SAS")   // { code: "SAS", kind: "commercial" }
 * legalFormOf("Thornton & Hale Ltd")       // { code: "Ltd", kind: "foreign" }
 */
export function legalFormOf(name: string): LegalForm | undefined {
  const all = words(name);
  // The longest run first, so that « société civile immobilière » is an SCI, not a société civile.
  for (let size = Math.min(LONGEST, all.length); size >= 1; size--) {
    const candidates = all.length === size ? [all] : [all.slice(0, size), all.slice(all.length - size)];
    for (const run of candidates) {
      const found = BY_WORDS.get(run.join(" "));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
