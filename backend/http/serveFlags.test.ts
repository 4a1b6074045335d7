import { describe, expect, it } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { parseServeFlags } from './serveFlags';

describe('parseServeFlags', () => {
  it('defaults: any free port, open the browser, data in ~/.mapio, no file', () => {
    expect(parseServeFlags([], {})).toEqual({ port: 0, open: true, dataDir: path.join(os.homedir(), '.mapio'), file: null });
  });

  it('MAPIO_DATA_DIR sets the data folder, and --data-dir beats it', () => {
    expect(parseServeFlags([], { MAPIO_DATA_DIR: '/srv/mapio' }).dataDir).toBe(path.resolve('/srv/mapio'));
    expect(parseServeFlags(['--data-dir', '/tmp/d'], { MAPIO_DATA_DIR: '/srv/mapio' }).dataDir).toBe(path.resolve('/tmp/d'));
  });

  it('reads every flag in both spellings', () => {
    expect(parseServeFlags(['--port', '5183', '--no-open', '--data-dir=/tmp/x', '--file', 'Ysgol.mapio', '--web'], {})).toEqual({
      port: 5183,
      open: false,
      dataDir: path.resolve('/tmp/x'),
      file: path.resolve('Ysgol.mapio'),
    });
    expect(parseServeFlags(['--port=0'], {}).port).toBe(0);
  });

  it('says what is wrong with a bad flag', () => {
    expect(() => parseServeFlags(['--port', 'abc'], {})).toThrow('--port must be a whole number from 0 to 65535, not "abc"');
    expect(() => parseServeFlags(['--port', '70000'], {})).toThrow(/0 to 65535/);
    expect(() => parseServeFlags(['--port'], {})).toThrow('--port needs a value, e.g. --port 5183');
    expect(() => parseServeFlags(['--data-dir', '--no-open'], {})).toThrow(/--data-dir needs a value/);
    expect(() => parseServeFlags(['--prot', '5183'], {})).toThrow('Unknown option "--prot"');
  });
});
