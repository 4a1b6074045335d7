/**
 * The process dataProcessStart.test.ts runs: `node --import tsx dataProcessStartWorker.ts <school file> <dataDir> <export path>`.
 * It is the data process's own code (backend/host/backendHost.ts, imported as backendHostMain.ts imports
 * it), its messages passed in this process rather than over a channel, so the modules it has loaded can be
 * listed. It starts on the school file, answers year.get and an edit, then writes the governors' workbook,
 * and prints one JSON line: the exceljs modules loaded after each step.
 */
import Module from 'node:module';
import { runBackendHost } from '../../backend/host/backendHost';
import { valueOfJsonBytes, type FromHost, type ToHost } from '../../backend/host/hostProtocol';

const [file, dataDir, exportPath] = process.argv.slice(2) as [string, string, string];

/** exceljs's files that Node has loaded in this process (its CommonJS module cache). */
function exceljsLoaded(): string[] {
  const cache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
  return Object.keys(cache).filter((name) => name.split(/[\\/]/).includes('exceljs'));
}

let deliver: (message: unknown) => void = () => undefined;
const waiting = new Map<number | 'started', (message: FromHost) => void>();
runBackendHost(
  {
    send: (message) => {
      const key = message.type === 'result' ? message.id : message.type === 'started' || message.type === 'startFailed' ? 'started' : null;
      if (key !== null) waiting.get(key)?.(message);
    },
    onMessage: (listener) => {
      deliver = listener;
    },
    onDisconnect: () => undefined,
  },
  (code) => process.exit(code),
);

function send(message: ToHost, key: number | 'started'): Promise<FromHost> {
  return new Promise((resolve) => {
    waiting.set(key, resolve);
    deliver(message);
  });
}

let nextId = 0;
async function call(name: string, input: unknown): Promise<unknown> {
  const id = ++nextId;
  const answer = await send({ type: 'call', id, name, input }, id);
  if (answer.type !== 'result' || !answer.ok) throw new Error(`${name} failed: ${JSON.stringify(answer)}`);
  return valueOfJsonBytes(answer.json);
}

const started = await send({ type: 'start', options: { mode: 'browser', dataDir, openPath: file } }, 'started');
if (started.type !== 'started' || started.openFailed) throw new Error(`the data process did not start on the school: ${JSON.stringify(started)}`);
const atStart = exceljsLoaded();
const view = (await call('year.get', {})) as { data: { lines: Array<{ id: number }> } };
await call('lines.update', { id: view.data.lines[0]!.id, changes: { name: 'Renamed before any export' } });
const afterEdit = exceljsLoaded();
const written = (await call('export.governorsWorkbook', { path: exportPath, lang: 'en' })) as { sheets: string[] };
const afterExport = exceljsLoaded();
process.stdout.write(`${JSON.stringify({ atStart, afterEdit, afterExport, sheets: written.sheets })}\n`);
process.exit(0);
