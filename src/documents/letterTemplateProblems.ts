// docxtemplater's errors in French, naming the faulty tag, for a user who edited a letter in Word.
import { problem, type Problem } from "../core/problem";

/** Thrown by the parser for {{@x}}: docxtemplater reports it as a compilation error of the tag. */
export class RawTagRefused extends Error {}

interface DocxtemplaterErrorProperties {
  readonly id?: string;
  readonly xtag?: string;
  readonly openingtag?: string;
  readonly closingtag?: string;
  readonly explanation?: string;
  readonly rootError?: unknown;
  readonly errors?: readonly { readonly properties?: DocxtemplaterErrorProperties }[];
}

const tag = (text: string): string => `«{{${text}}}»`;

/** One docxtemplater error in French, naming the tag. */
function frenchProblem(p: DocxtemplaterErrorProperties): string {
  const x = (p.xtag ?? "").trim().replace(/^\{+|\}+$/g, "");
  switch (p.id) {
    case "unclosed_loop":
      return `balise ${tag(`#${x}`)} non fermée`;
    case "unopened_loop":
      return `balise ${tag(`/${x}`)} sans ouverture`;
    case "closing_tag_does_not_match_opening_tag":
      return `balise ${tag(`/${p.closingtag ?? ""}`)} qui ne ferme pas ${tag(`#${p.openingtag ?? ""}`)}`;
    case "unclosed_tag":
      return `balise «{{${x}» sans «}}»`;
    case "unopened_tag":
      return `balise «${x}}}» sans «{{»`;
    case "duplicate_open_tag":
      return `«{{» en double dans «${x}»`;
    case "duplicate_close_tag":
      return `«}}» en double dans «${x}»`;
    case "scopeparser_compilation_failed":
      return p.rootError instanceof RawTagRefused ? `balise ${tag(`@${x}`)} non permise (une valeur est toujours insérée comme texte)` : `balise ${tag(x)} incorrecte`;
    case "loop_position_invalid":
      return `les balises ${tag(`#${x}`)} et ${tag(`/${x}`)} doivent être toutes deux dans le tableau ou toutes deux hors du tableau`;
    case "unbalanced_loop_tags":
      return "balises de section mal imbriquées dans un tableau";
    case "malformed_xml":
    case "file_has_invalid_xml":
      return "le fichier n'est pas un document Word lisible";
    default:
      return x ? `balise ${tag(x)} incorrecte` : "modèle illisible";
  }
}

export const INVALID_LETTER_TEMPLATE = "Modèle de courrier invalide";

/** A docxtemplater (or unzip) error as one French problem naming every faulty tag. */
export function templateProblem(error: unknown): Problem {
  const properties = (error as { properties?: DocxtemplaterErrorProperties } | null)?.properties;
  if (!properties) return problem(`${INVALID_LETTER_TEMPLATE} : le fichier n'est pas un document Word (.docx) lisible`);
  const all = properties.errors?.map((e) => e.properties ?? {}) ?? [properties];
  return problem(`${INVALID_LETTER_TEMPLATE} : ${[...new Set(all.map(frenchProblem))].join(" ; ")}`);
}
