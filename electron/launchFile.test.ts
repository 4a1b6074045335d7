import { describe, expect, it } from 'vitest';
import { flagValue, mapioFileFromArgv } from './launchFile';

describe('mapioFileFromArgv: the school file a launch asks for', () => {
  it('finds a double-clicked file (Windows and Linux pass it as an argument)', () => {
    expect(mapioFileFromArgv(['C:\\Program Files\\Mapio\\Mapio.exe', 'C:\\Users\\alnco\\Documents\\Ysgol Y Bryn.mapio'])).toBe('C:\\Users\\alnco\\Documents\\Ysgol Y Bryn.mapio');
    expect(mapioFileFromArgv(['/usr/bin/mapio', '--no-sandbox', '/home/a/Return.MAPIO-LA'])).toBe('/home/a/Return.MAPIO-LA');
  });

  it('prefers --file, in either spelling', () => {
    expect(mapioFileFromArgv(['electron', 'dist-electron/main.cjs', '--file', '/tmp/a.mapio', '/tmp/b.mapio'])).toBe('/tmp/a.mapio');
    expect(mapioFileFromArgv(['electron', 'main.cjs', '--file=/tmp/c.mapio'])).toBe('/tmp/c.mapio');
  });

  it('ignores switches, other files, the data folder and the executable itself', () => {
    expect(mapioFileFromArgv(['/Applications/Mapio.app/Contents/MacOS/Mapio', '--inspect=9229', 'notes.txt'])).toBeNull();
    expect(mapioFileFromArgv(['electron', 'main.cjs', '--data-dir', '/tmp/odd.mapio'])).toBeNull();
    expect(mapioFileFromArgv(['/opt/x.mapio'])).toBeNull();
    expect(mapioFileFromArgv([])).toBeNull();
  });
});

describe('flagValue', () => {
  it('reads --name value and --name=value, and nothing when the value is missing', () => {
    expect(flagValue(['x', '--data-dir', '/d'], 'data-dir')).toBe('/d');
    expect(flagValue(['x', '--data-dir=/e'], 'data-dir')).toBe('/e');
    expect(flagValue(['x', '--data-dir', '--no-open'], 'data-dir')).toBeNull();
    expect(flagValue(['x'], 'data-dir')).toBeNull();
  });
});
