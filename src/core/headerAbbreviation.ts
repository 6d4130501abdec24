/**
 * Headers as people shorten them (« N° Fact. », « Mt TTC », « Cond. règl. », « Type clt »): the
 * rules by which the words of a header stand for the words of a known header (SPEC section 3).
 * Headers reach here normalised (normalizeText): lower case, no accents, words split by spaces.
 */

/**
 * The words people shorten in headers. Only these are expanded, so that a vague short word does
 * not stretch to a field's word it was never meant for.
 */
const SHORTENED_WORDS: ReadonlySet<string> = new Set([
  "facture", "facturation", "montant", "client", "clients", "echeance", "reglement", "reglements", "regle",
  "conditions", "reference", "piece", "categorie", "paiement", "date", "reception", "promesse", "telephone",
  "adresse", "solde", "reste", "restant", "acompte", "acomptes", "encaisse", "litige", "postal", "code",
  "intracom", "intracommunautaire", "raison", "sociale", "emission", "payer", "paye", "debiteur",
  "interlocuteur", "delai", "invoice", "amount", "customer", "balance", "category", "payment", "outstanding",
  "acceptance", "promise", "promised", "address",
]);

/**
 * Words of other columns tracking sheets often have: a short form that could be one of them
 * (« Com. » a commentaire, « Cont. » a contrat, « Cde » a commande) names no field.
 */
const OTHER_WORDS: readonly string[] = [
  "commentaire", "commentaires", "commercial", "commerciale", "commande", "contrat", "contentieux", "chantier",
  "relance", "livraison", "observation", "responsable", "statut", "devis", "affaire", "agence", "projet",
  "remarque", "secteur",
];

/** The ways of writing "numéro" before a number: they are one word (n, no, nº, num, nr...). */
const NUMBER_WORDS: ReadonlySet<string> = new Set(["n", "no", "nr", "nro", "num", "numero", "number"]);

/** Little words a header may leave out (« Date fact. » for « Date de facture »). */
const OPTIONAL_WORDS: ReadonlySet<string> = new Set(["de", "du", "des", "d", "la", "le", "l", "a", "au", "of", "the"]);

const VOWELS = /[aeiouy]/;
const CONSONANTS = /^[b-df-hj-np-tv-xz]+$/;

/** Whether `letters` appear in `word` in that order, not necessarily side by side. */
function isSubsequence(letters: string, word: string): boolean {
  let at = 0;
  for (let i = 0; i < letters.length; i++) {
    at = word.indexOf(letters[i]!, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * The shapes of a short form: the word's first three letters or more (« fact », « éch »); its
 * first letter then some of its consonants, with its last letter perhaps (« fct », « mt », « clt »,
 * « pce », « acpte »); its first three letters or more then some of its consonants (« règlt »).
 */
function hasShortShape(short: string, word: string): boolean {
  if (short.length < 2 || short.length >= word.length || short[0] !== word[0]) return false;
  if (short.length >= 3 && word.startsWith(short)) return true;
  let rest = short.slice(1);
  let tail = word.slice(1);
  const last = word[word.length - 1]!;
  if (rest.length > 1 && rest[rest.length - 1] === last && VOWELS.test(last)) {
    rest = rest.slice(0, -1);
    tail = tail.slice(0, -1);
  }
  if (CONSONANTS.test(rest) && isSubsequence(rest, tail)) return true;
  let prefix = 0;
  while (prefix < short.length && short[prefix] === word[prefix]) prefix++;
  return prefix >= 3 && CONSONANTS.test(short.slice(prefix)) && isSubsequence(short.slice(prefix), word.slice(prefix));
}

const STANDS_FOR_OTHER = new Map<string, boolean>();

function standsForOther(short: string): boolean {
  let found = STANDS_FOR_OTHER.get(short);
  if (found === undefined) {
    found = OTHER_WORDS.some((word) => hasShortShape(short, word));
    if (STANDS_FOR_OTHER.size < 10_000) STANDS_FOR_OTHER.set(short, found);
  }
  return found;
}

/**
 * Whether a header word is a short form of a word people shorten in headers (SHORTENED_WORDS),
 * and of no word of the other columns sheets often have.
 *
 * @param short - a word of a header, normalised
 * @param word - a word of a known header, normalised
 * @returns true when `short` abbreviates `word`
 * @example
 * abbreviates("fact", "facture")    // true
 * abbreviates("mt", "montant")      // true
 * abbreviates("fin", "facturation") // false: "in" is not made of consonants
 * abbreviates("cont", "conditions") // false: it could be a contrat
 */
export function abbreviates(short: string, word: string): boolean {
  return SHORTENED_WORDS.has(word) && hasShortShape(short, word) && !standsForOther(short);
}

function sameWord(short: string, word: string): boolean {
  return short === word || (NUMBER_WORDS.has(short) && NUMBER_WORDS.has(word)) || abbreviates(short, word);
}

/**
 * Whether a header, word for word, is a shortened form of a known header: each of its words is
 * the known header's word or a short form of it, and only the known header's little words (de,
 * du, la...) may be left out. The header may not add a word: « Réglé le » is not « Réglé ».
 *
 * @param header - the header's words, normalised
 * @param known - the known header's words, normalised
 * @returns true when the header stands for the known header
 * @example
 * shortensHeader(["n", "fact"], ["n", "de", "facture"])            // true
 * shortensHeader(["cond", "regl"], ["conditions", "de", "reglement"]) // true
 * shortensHeader(["date", "reglement"], ["date", "facture"])       // false
 */
export function shortensHeader(header: readonly string[], known: readonly string[]): boolean {
  const from = (i: number, j: number): boolean => {
    if (i === header.length) {
      for (let k = j; k < known.length; k++) if (!OPTIONAL_WORDS.has(known[k]!)) return false;
      return true;
    }
    if (j === known.length) return false;
    if (sameWord(header[i]!, known[j]!) && from(i + 1, j + 1)) return true;
    return OPTIONAL_WORDS.has(known[j]!) && from(i, j + 1);
  };
  return from(0, 0);
}
