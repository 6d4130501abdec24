/**
 * The tribunaux administratifs and their départements (Code de justice administrative R221-3, as
 * amended by décret 2015-1444), to name the court of a public buyer's seat. The competent court for
 * a contract is that of the place of its performance (CJA R312-11), which the file asks to check.
 */

/** Seat of each tribunal administratif -> the départements (by postcode prefix) it covers. */
const COURTS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["Amiens", ["02", "60", "80"]],
  ["Bastia", ["2B"]],
  ["Besançon", ["25", "39", "70", "90"]],
  ["Bordeaux", ["24", "33", "47"]],
  ["Caen", ["14", "50", "61"]],
  ["Cergy-Pontoise", ["92", "95"]],
  ["Châlons-en-Champagne", ["08", "10", "51", "52"]],
  ["Clermont-Ferrand", ["03", "15", "43", "63"]],
  ["Dijon", ["21", "58", "71", "89"]],
  ["Grenoble", ["26", "38", "73", "74"]],
  ["Lille", ["59", "62"]],
  ["Limoges", ["19", "23", "36", "87"]],
  ["Lyon", ["01", "07", "42", "69"]],
  ["Marseille", ["04", "05", "13", "2A"]],
  ["Melun", ["77", "94"]],
  ["Montpellier", ["11", "34", "66"]],
  ["Montreuil", ["93"]],
  ["Nancy", ["54", "55", "88"]],
  ["Nantes", ["44", "49", "53", "72", "85"]],
  ["Nice", ["06"]],
  ["Nîmes", ["30", "48", "84"]],
  ["Orléans", ["18", "28", "37", "41", "45"]],
  ["Paris", ["75"]],
  ["Pau", ["32", "40", "64", "65"]],
  ["Poitiers", ["16", "17", "79", "86"]],
  ["Rennes", ["22", "29", "35", "56"]],
  ["Rouen", ["27", "76"]],
  ["Strasbourg", ["57", "67", "68"]],
  ["Toulon", ["83"]],
  ["Toulouse", ["09", "12", "31", "46", "81", "82"]],
  ["Versailles", ["78", "91"]],
  ["la Guadeloupe", ["971"]],
  ["la Martinique", ["972"]],
  ["la Guyane", ["973"]],
  ["La Réunion", ["974"]],
  ["Saint-Pierre-et-Miquelon", ["975"]],
  ["Mayotte", ["976"]],
];

const BY_DEPARTEMENT: ReadonlyMap<string, string> = new Map(COURTS.flatMap(([seat, codes]) => codes.map((code) => [code, seat] as const)));

/** The département of a French postcode: 3 digits overseas, 2A/2B in Corsica, else the first 2. */
function departement(postcode: string): string | undefined {
  if (!/^\d{5}$/.test(postcode)) return undefined;
  if (postcode.startsWith("97")) return postcode.slice(0, 3);
  if (postcode.startsWith("20")) return Number(postcode) < 20200 ? "2A" : "2B";
  return postcode.slice(0, 2);
}

/**
 * The name of the tribunal administratif whose ressort holds a postcode.
 *
 * @param postcode - a French postcode (5 digits)
 * @returns « Tribunal administratif de Toulouse », or undefined for a postcode it cannot place
 * @example
 * administrativeCourtOf("09700") // "Tribunal administratif de Toulouse"
 * administrativeCourtOf("97400") // "Tribunal administratif de La Réunion"
 */
export function administrativeCourtOf(postcode: string | undefined): string | undefined {
  const code = departement((postcode ?? "").trim());
  const seat = code === undefined ? undefined : BY_DEPARTEMENT.get(code);
  if (seat === undefined) return undefined;
  // « de la Guadeloupe », « de La Réunion », « de Mayotte », « d'Amiens », « de Toulouse »
  return `Tribunal administratif ${/^[AEIOUÉÈ]/.test(seat) ? "d'" : "de "}${seat}`;
}
