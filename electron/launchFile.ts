/**
 * Which school file Mapio was asked to open at launch: double-clicking a `.mapio` file passes its path
 * on the command line (Windows, Linux) and a second launch forwards its argv to the running one.
 * Pure functions, unit-tested without Electron.
 */
export const MAPIO_EXTENSIONS = ['.mapio', '.mapio-la'] as const;

function hasMapioExtension(arg: string): boolean {
  const lower = arg.toLowerCase();
  return MAPIO_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * The `.mapio`/`.mapio-la` path in an argv, if any: `--file <path>` / `--file=<path>` wins, otherwise
 * the last argument that is not a switch and ends with a Mapio extension. Electron's own switches
 * (`--inspect`, `--no-sandbox` …) and the executable/script are skipped.
 */
export function mapioFileFromArgv(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--file') {
      const next = argv[i + 1];
      if (next !== undefined && next !== '' && !next.startsWith('--')) return next;
    } else if (arg.startsWith('--file=')) {
      const value = arg.slice('--file='.length);
      if (value !== '') return value;
    }
  }
  let found: string | null = null;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir') {
      i++; // its value is a folder, never the file to open
      continue;
    }
    if (arg.startsWith('-')) continue;
    if (hasMapioExtension(arg)) found = arg;
  }
  return found;
}

/** The value of `--name <value>` or `--name=<value>` in an argv, or null. */
export function flagValue(argv: readonly string[], name: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === `--${name}`) {
      const next = argv[i + 1];
      return next !== undefined && !next.startsWith('--') ? next : null;
    }
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return null;
}
