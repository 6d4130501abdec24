// What `relances <command> --help` prints: the command's usage, what it does and its options,
// French first, then English.

/** One option of a command, for --help. */
export interface OptionHelp {
  /** The option as typed, with its value: "--as-of DATE". */
  readonly option: string;
  readonly fr: string;
  readonly en: string;
}

export interface CommandHelp {
  readonly name: string;
  readonly args: string;
  readonly summary: { readonly fr: string; readonly en: string };
  readonly options?: readonly OptionHelp[] | undefined;
}

export function commandHelp(command: CommandHelp): string {
  const options = command.options ?? [];
  const width = Math.max(0, ...options.map((o) => o.option.length));
  const block = (language: "fr" | "en", usage: string, heading: string) => [
    `${usage} relances ${`${command.name} ${command.args}`.trim()}`,
    `  ${command.summary[language]}`,
    ...(options.length > 0 ? [heading, ...options.map((o) => `  ${o.option.padEnd(width)}  ${o[language]}`)] : []),
  ];
  return [...block("fr", "Usage :", "Options :"), "", ...block("en", "Usage:", "Options:"), ""].join("\n");
}
