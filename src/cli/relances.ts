// The `relances` command line (bin/relances.js runs the bundle dist/cli/relances.js).
// Commands are rows of COMMANDS: plan, run and demo slot in beside serve.
// Exit status: 0 done, 1 failed, 2 usage error, 3 unreadable workbook. Messages: French first, then English.
import { existsSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../packageRoot";
import { createAddinServer, type AddinServer } from "../server/server";
import type { DevCertificate } from "../server/devCertificate";
import { columnsCommand } from "./columnsCommand";
import { demoCommand, planCommand, runCommand } from "./workbookCommands";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

interface Command {
  name: string;
  /** Arguments after the command name, for the usage text. */
  args: string;
  summary: { fr: string; en: string };
  run(args: readonly string[], io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

const DEFAULT_PORT = 3000;
const MANIFEST_PORT = 3000;

const COMMANDS: readonly Command[] = [
  {
    name: "plan",
    args: "FICHIER.xlsx [--as-of AAAA-MM-JJ] [--sheet NOM] [--json]",
    summary: {
      fr: "ce qui est dû à cette date : un tableau, ou du JSON",
      en: "what is due on that date: a table, or JSON",
    },
    run: planCommand,
  },
  {
    name: "run",
    args: "FICHIER.xlsx [--as-of] [--out DOSSIER] [--mail eml|graph]",
    summary: {
      fr: "écrit dans DOSSIER une copie du classeur avec le journal et les feuilles d'étape ; le fichier d'origine n'est jamais modifié",
      en: "writes into DIR a copy of the workbook with the journal and stage sheets; the input file is never modified",
    },
    run: runCommand,
  },
  {
    name: "columns",
    args: "FICHIER.xlsx [--sheet NOM]",
    summary: {
      fr: "les feuilles lues et, par feuille, la colonne trouvée pour chaque champ (et les en-têtes non utilisés)",
      en: "the sheets read and, per sheet, the column found for each field (and the headers left unused)",
    },
    run: columnsCommand,
  },
  {
    name: "demo",
    args: "[--out DOSSIER]",
    summary: {
      fr: "écrit le classeur d'exemple, puis lance plan et run dessus",
      en: "writes the bundled sample workbook and runs plan and run on it",
    },
    run: demoCommand,
  },
  {
    name: "serve",
    args: "",
    summary: {
      fr: "sert le complément Excel sur https://localhost:3000 (variable PORT pour un autre port)",
      en: "serves the Excel add-in on https://localhost:3000 (PORT variable for another port)",
    },
    run: serve,
  },
];

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  env: process.env,
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
  try {
    return await command.run(args, io);
  } catch (error) {
    io.err(`Échec / Failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILED;
  }
}

export { packageRoot };

function parsePort(text: string | undefined): number | null {
  if (text === undefined || text.trim() === "") return DEFAULT_PORT;
  if (!/^\d{1,5}$/.test(text.trim())) return null;
  const port = Number(text.trim());
  return port <= 65535 ? port : null;
}

async function serve(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.out(usage());
    return EXIT_OK;
  }
  if (args.length > 0) {
    io.err(`serve ne prend pas d'argument : ${args.join(" ")} / serve takes no arguments: ${args.join(" ")}\n`);
    io.err(usage());
    return EXIT_USAGE;
  }
  const port = parsePort(io.env.PORT);
  if (port === null) {
    io.err(`PORT invalide : « ${io.env.PORT} » (un nombre de 0 à 65535). / Invalid PORT: "${io.env.PORT}" (a number from 0 to 65535).`);
    return EXIT_USAGE;
  }
  const root = packageRoot();
  const dist = path.join(root, "dist");
  if (!existsSync(path.join(dist, "functions", "functions.js"))) {
    io.err(`dist/ est absent ou incomplet : lancez « npm run build ». / dist/ is missing or incomplete: run "npm run build".`);
    return EXIT_FAILED;
  }

  let server: AddinServer;
  try {
    server = await createAddinServer({ root: dist, port });
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

  io.out(startupMessage(server, path.join(root, "manifest.xml"), port));
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

function startupMessage(server: AddinServer, manifest: string, port: number): string {
  const lines = [
    `Relances : complément servi sur ${server.url} (Ctrl+C pour arrêter)`,
    `Relances: add-in served at ${server.url} (Ctrl+C to stop)`,
  ];
  if (port !== MANIFEST_PORT) {
    lines.push(
      `Attention : manifest.xml pointe vers le port ${MANIFEST_PORT}. / Warning: manifest.xml points at port ${MANIFEST_PORT}.`,
    );
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
