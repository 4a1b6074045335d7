/**
 * Browser mode's command-line flags: `--port N`, `--no-open`, `--data-dir DIR`, `--file PATH`
 * (also `--flag=value`). Unknown flags are reported, not ignored, so a typo does not silently start
 * Mapio on the wrong data.
 */
import os from 'node:os';
import path from 'node:path';

export interface ServeFlags {
  port: number;
  open: boolean;
  dataDir: string;
  file: string | null;
}

export class FlagError extends Error {
  override readonly name = 'FlagError';
}

export function defaultDataDir(env: Record<string, string | undefined> = process.env): string {
  return env.MAPIO_DATA_DIR && env.MAPIO_DATA_DIR.trim() !== '' ? path.resolve(env.MAPIO_DATA_DIR) : path.join(os.homedir(), '.mapio');
}

export function parseServeFlags(args: readonly string[], env: Record<string, string | undefined> = process.env): ServeFlags {
  const flags: ServeFlags = { port: 0, open: true, dataDir: defaultDataDir(env), file: null };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string => {
      const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
        throw new FlagError(`${name} needs a value, e.g. ${name === '--port' ? '--port 5183' : `${name} /path/to/it`}`);
      }
      return value;
    };
    switch (name) {
      case '--port': {
        const value = takeValue();
        const port = Number(value);
        if (!/^\d+$/.test(value) || port > 65535) throw new FlagError(`--port must be a whole number from 0 to 65535, not "${value}"`);
        flags.port = port;
        break;
      }
      case '--no-open':
        flags.open = false;
        break;
      case '--data-dir':
        flags.dataDir = path.resolve(takeValue());
        break;
      case '--file':
        flags.file = path.resolve(takeValue());
        break;
      case '--web':
        break; // start.mjs's own flag; harmless here
      default:
        throw new FlagError(`Unknown option "${arg}". Mapio's browser mode understands --port N, --no-open, --data-dir DIR and --file PATH.`);
    }
  }
  return flags;
}
