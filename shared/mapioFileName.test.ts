import { describe, expect, it } from 'vitest';
import { withMapioExtension } from './mapioFileName';

describe('withMapioExtension', () => {
  it('adds .mapio when the save dialog answer lacks it, and leaves it alone otherwise', () => {
    expect(withMapioExtension('/home/a/Ysgol Gymraeg')).toBe('/home/a/Ysgol Gymraeg.mapio');
    expect(withMapioExtension('/home/a/School.MAPIO')).toBe('/home/a/School.MAPIO');
  });
});
