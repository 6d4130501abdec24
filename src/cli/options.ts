/** A command's options: flags that take a value (--as-of 2021-06-15) or none (--json). */
export interface OptionSpec {
  readonly values?: readonly string[];
  readonly flags?: readonly string[];
}

export interface ParsedOptions {
  readonly positionals: string[];
  readonly values: Map<string, string>;
  readonly flags: Set<string>;
}

/**
 * Parses `args` against a spec; `--name=value` and `--name value` both work.
 * @returns the parsed options, or a usage message in French and English
 */
export function parseOptions(args: readonly string[], spec: OptionSpec): ParsedOptions | string {
  const positionals: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.flags?.includes(name)) {
      if (inline !== undefined) return `--${name} ne prend pas de valeur / --${name} takes no value`;
      flags.add(name);
    } else if (spec.values?.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === "") return `--${name} attend une valeur / --${name} needs a value`;
      values.set(name, value);
    } else {
      return `Option inconnue : ${arg} / unknown option: ${arg}`;
    }
  }
  return { positionals, values, flags };
}
