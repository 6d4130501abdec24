// The `relances` command line (bin/relances.js runs the bundle dist/cli/relances.js).
// Commands are rows of COMMANDS: plan, run and demo slot in beside serve.
// Exit status: 0 done, 1 failed, 2 usage error, 3 unreadable workbook, 5 an earlier run's journal
// missing from the input. Messages: French first, then English. Every command answers --help (-h).
import { existsSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../packageRoot";
import { createAddinServer, signInOrigins, type AddinServer } from "../server/server";
import { apiLog } from "../server/api/apiLog";
import { apiRouter } from "../server/api/apiRouter";
import { ConfigError, microsoft365Status, readServerConfig, type ServerConfig } from "../server/config";
import type { DevCertificate } from "../server/devCertificate";
import { commandHelp, type OptionHelp } from "./commandHelp";
import { columnsCommand } from "./columnsCommand";
import { reportCommand } from "./reportCommand";
import { stderrProgress, type ProgressOutput } from "./progressLine";
import { demoCommand, planCommand, runCommand } from "./workbookCommands";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** stdout as a stream, for output too large to hand to out() in one piece (plan --json). */
  stdout?: NodeJS.WritableStream;
  /** Where long commands show their progress line (stderr); without it, none. */
  progress?: ProgressOutput | undefined;
}

interface Command {
  name: string;
  /** Arguments after the command name, for the usage text. */
  args: string;
  summary: { fr: string; en: string };
  /** What --help says of each option. */
  options?: readonly OptionHelp[];
  run(args: readonly string[], io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

const AS_OF: OptionHelp = {
  option: "--as-of DATE",
  fr: "date de référence, AAAA-MM-JJ ou jj/mm/aaaa (par défaut : aujourd'hui)",
  en: "reference date, YYYY-MM-DD or dd/mm/yyyy (default: today)",
};
const SHEET: OptionHelp = { option: "--sheet NOM", fr: "la seule feuille de suivi à lire, même masquée", en: "the one tracking sheet to read, even a hidden one" };
const MANIFEST_PORT = 3000;

const COMMANDS: readonly Command[] = [
  {
    name: "plan",
    args: "FICHIER.xlsx [--as-of DATE] [--sheet NOM] [--json]",
    summary: {
      fr: "ce qui est dû à cette date : un tableau, ou du JSON",
      en: "what is due on that date: a table, or JSON",
    },
    options: [AS_OF, SHEET, { option: "--json", fr: "le plan en JSON (SPEC section 10)", en: "the plan as JSON (SPEC section 10)" }],
    run: planCommand,
  },
  {
    name: "run",
    args: "FICHIER.xlsx [--as-of DATE] [--out DOSSIER] [--in-place] [--mail eml|graph]",
    summary: {
      fr: "écrit dans DOSSIER les documents et une copie du classeur avec le journal et les feuilles d'étape ; le fichier d'origine n'est modifié qu'avec --in-place",
      en: "writes into DIR the documents and a copy of the workbook with the journal and stage sheets; the input file is modified only with --in-place",
    },
    options: [
      AS_OF,
      SHEET,
      {
        option: "--out DOSSIER",
        fr: "où écrire les documents et la copie (par défaut : relances-DATE à côté du classeur)",
        en: "where the documents and the copy go (default: relances-DATE beside the workbook)",
      },
      {
        option: "--in-place",
        fr: "ajoute le journal au classeur lui-même, sa version précédente gardée à côté (NOM.avant-relances-DATE.xlsx) ; refusé s'il est ouvert dans Excel",
        en: "appends the journal to the workbook itself, its previous version kept beside it (NAME.avant-relances-DATE.xlsx); refused while it is open in Excel",
      },
      { option: "--mail eml|graph", fr: "les e-mails en brouillons .eml (graph : à venir)", en: "e-mails as .eml drafts (graph: to come)" },
    ],
    run: runCommand,
  },
  {
    name: "columns",
    args: "FICHIER.xlsx [--sheet NOM]",
    summary: {
      fr: "les feuilles lues et, par feuille, la colonne trouvée pour chaque champ (et les en-têtes non utilisés)",
      en: "the sheets read and, per sheet, the column found for each field (and the headers left unused)",
    },
    options: [SHEET],
    run: columnsCommand,
  },
  {
    name: "report",
    args: "FICHIER.xlsx [--as-of DATE] [--sheet NOM] [--json]",
    summary: {
      fr: "pour la direction : encours, balance âgée, DSO et tableau des délais de paiement du rapport de gestion (D441-6)",
      en: "for managers: outstanding, ageing summary, DSO and the payment-delay table of the management report (D441-6)",
    },
    options: [AS_OF, SHEET, { option: "--json", fr: "le rapport en JSON", en: "the report as JSON" }],
    run: reportCommand,
  },
  {
    name: "demo",
    args: "[--out DOSSIER] [--as-of DATE] [--verbose]",
    summary: {
      fr: "écrit le classeur d'exemple, puis lance plan et run dessus",
      en: "writes the bundled sample workbook and runs plan and run on it",
    },
    options: [
      { option: "--out DOSSIER", fr: "où écrire l'exemple et ses résultats (par défaut : relances-demo)", en: "where the sample and its results go (default: relances-demo)" },
      { ...AS_OF, fr: "date de référence, AAAA-MM-JJ ou jj/mm/aaaa (par défaut : 30/06/2026)", en: "reference date, YYYY-MM-DD or dd/mm/yyyy (default: 2026-06-30)" },
      { option: "--verbose", fr: "affiche aussi le plan et le détail de la relance", en: "also prints the plan and the run's details" },
    ],
    run: demoCommand,
  },
  {
    name: "serve",
    args: "[--verbose]",
    summary: {
      fr: "sert le complément Excel sur https://localhost:3000 (variable PORT pour un autre port)",
      en: "serves the Excel add-in on https://localhost:3000 (PORT variable for another port)",
    },
    options: [
      {
        option: "--verbose",
        fr: "affiche aussi les commandes pour approuver le certificat et charger le complément",
        en: "also prints the commands that trust the certificate and sideload the add-in",
      },
    ],
    run: serve,
  },
];

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  env: process.env,
  stdout: process.stdout,
  progress: stderrProgress(),
};

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => `${c.name} ${c.args}`.trim().length));
  const line = (c: Command, language: "fr" | "en") => `  ${`${c.name} ${c.args}`.trim().padEnd(width)}  ${c.summary[language]}`;
  return [
    "Usage : relances <commande> [options]",
    "Commandes :",
    ...COMMANDS.map((c) => line(c, "fr")),
    "",
    "Usage: relances <command> [options]",
    "Commands:",
    ...COMMANDS.map((c) => line(c, "en")),
    "",
  ].join("\n");
}

/** Runs one command line; resolves with the exit status (a running server keeps the process alive). */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === "help" || name === "--help" || name === "-h") {
    io.out(usage());
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    if (name !== undefined) {
      io.err(`Commande inconnue : « ${name} ». / Unknown command: "${name}".\n`);
    }
    io.err(usage());
    return EXIT_USAGE;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.out(commandHelp(command));
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    io.err(`Échec / Failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILED;
  }
}

export { packageRoot };

async function serve(args: readonly string[], io: CliIo): Promise<number> {
  const verbose = args.includes("--verbose");
  const extra = args.filter((arg) => arg !== "--verbose");
  if (extra.length > 0) {
    io.err(`serve ne prend que --verbose : ${extra.join(" ")} / serve takes only --verbose: ${extra.join(" ")}\n`);
    io.err(usage());
    return EXIT_USAGE;
  }
  let config: ServerConfig;
  try {
    config = readServerConfig(io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(error.message);
    return EXIT_USAGE;
  }
  const port = config.port;
  const root = packageRoot();
  const dist = path.join(root, "dist");
  if (!existsSync(path.join(dist, "functions", "functions.js"))) {
    io.err(`dist/ est absent ou incomplet : lancez « npm run build ». / dist/ is missing or incomplete: run "npm run build".`);
    return EXIT_FAILED;
  }

  let server: AddinServer;
  try {
    // The API logs through io, its requests on stdout and its warnings on stderr, the secret masked.
    const secrets = config.microsoft365 === undefined ? [] : [config.microsoft365.clientSecret];
    const log = apiLog((level, line) => (level === "info" ? io.out(line) : io.err(line)), secrets);
    server = await createAddinServer({ root: dist, port, api: apiRouter({ config, log }), connectSources: signInOrigins(config) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      io.err(
        `Le port ${port} est déjà utilisé : arrêtez l'autre serveur, ou PORT=${port + 1} npm start.\n` +
          `Port ${port} is already in use: stop the other server, or PORT=${port + 1} npm start.`,
      );
      return EXIT_FAILED;
    }
    if (code === "EACCES") {
      io.err(`Port ${port} interdit à cet utilisateur. / Port ${port} is not allowed for this user.`);
      return EXIT_FAILED;
    }
    throw error;
  }

  io.out(startupMessage(server, path.join(root, "manifest.xml"), port, verbose));
  io.out(microsoft365Status(config));
  const stop = () => {
    io.out("Arrêt du serveur… / Stopping the server…");
    server.close().then(
      () => process.exit(EXIT_OK),
      () => process.exit(EXIT_FAILED),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return EXIT_OK;
}

/** One line per language on trusting the certificate; the commands are behind --verbose. */
function shortTrustLines(certificate: DevCertificate): string[] {
  if (certificate.source === "office-addin-dev-certs") {
    return [
      `Certificat : celui d'office-addin-dev-certs, déjà approuvé (${certificate.dir})`,
      `Certificate: office-addin-dev-certs' own, already trusted (${certificate.dir})`,
    ];
  }
  return [
    `Certificat : approuvez une fois l'autorité locale ${certificate.caPath} (comment : relances serve --verbose, ou le README)`,
    `Certificate: trust the local authority ${certificate.caPath} once (how: relances serve --verbose, or the README)`,
  ];
}

function trustLines(certificate: DevCertificate): string[] {
  const ca = certificate.caPath;
  if (certificate.source === "office-addin-dev-certs") {
    return [
      `Certificat : celui d'office-addin-dev-certs (${certificate.dir}), déjà approuvé par « npx office-addin-dev-certs install ».`,
      `Certificate: office-addin-dev-certs' own (${certificate.dir}), trusted by "npx office-addin-dev-certs install".`,
    ];
  }
  const made = certificate.created ? " (créé à l'instant / just made)" : "";
  return [
    `Certificat de développement : autorité locale ${ca}${made}`,
    `Development certificate: local authority ${ca}`,
    "Pour l'approuver (une fois) / To trust it (once):",
    `  Linux   : sudo cp "${ca}" /usr/local/share/ca-certificates/relances-dev-ca.crt && sudo update-ca-certificates`,
    `            Chrome/Edge : certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Relances dev CA" -i "${ca}"`,
    `  macOS   : security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db "${ca}"`,
    `  Windows : certutil -user -addstore Root "${ca}"`,
  ];
}

/** What serve prints: the URL, the manifest and the certificate in six lines; the commands behind --verbose. */
export function startupMessage(server: Pick<AddinServer, "url" | "certificate">, manifest: string, port: number, verbose: boolean): string {
  const lines = [
    `Relances : complément servi sur ${server.url} (Ctrl+C pour arrêter)`,
    `Relances: add-in served at ${server.url} (Ctrl+C to stop)`,
  ];
  if (port !== MANIFEST_PORT) {
    lines.push(
      `Attention : manifest.xml pointe vers le port ${MANIFEST_PORT}. / Warning: manifest.xml points at port ${MANIFEST_PORT}.`,
    );
  }
  if (!verbose) {
    lines.push(
      `Chargez ${manifest} dans Excel (Insertion > Compléments > Charger mon complément), et manifest.outlook.xml à côté dans Outlook ; pas à pas : README, « Essayer »`,
      `Sideload ${manifest} in Excel (Insert > Add-ins > Upload My Add-in), and manifest.outlook.xml beside it in Outlook; step by step: README, "Try it"`,
      ...shortTrustLines(server.certificate),
    );
    return lines.join("\n");
  }
  lines.push("", ...trustLines(server.certificate), "");
  lines.push(
    `Charger le complément dans Excel (manifeste : ${manifest}) :`,
    "  Excel Windows : npx office-addin-debugging start manifest.xml desktop",
    "    ou partagez le dossier du manifeste et ajoutez-le dans Fichier > Options > Centre de gestion de la",
    "    confidentialité > Paramètres > Catalogues de compléments approuvés, puis Insertion > Mes compléments > Dossier partagé",
    "  Excel Mac     : copiez manifest.xml dans ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/",
    "    (créez le dossier), redémarrez Excel, puis Insertion > Mes compléments",
    "  Excel web     : Insertion > Compléments > Charger mon complément, puis choisissez manifest.xml",
    "",
    `Sideload the add-in in Excel (manifest: ${manifest}):`,
    "  Excel Windows : npx office-addin-debugging start manifest.xml desktop",
    "    or share the manifest's folder and add it in File > Options > Trust Center > Trust Center Settings >",
    "    Trusted Add-in Catalogs, then Insert > My Add-ins > Shared Folder",
    "  Excel Mac     : copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/",
    "    (create the folder), restart Excel, then Insert > My Add-ins",
    "  Excel web     : Insert > Add-ins > Upload My Add-in, then choose manifest.xml",
    "",
  );
  return lines.join("\n");
}
