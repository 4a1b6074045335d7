/** Run the `mapio` command line in-process, capturing what it prints and its exit code. */
import { runCli } from '../../backend/cli/main';

export async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
