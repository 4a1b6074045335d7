/**
 * The count of wrapped lines from Calibri's widths (backend/exports/textLines.ts; docs/exports.md, "Row
 * heights"). That it is never fewer than LibreOffice prints is proved in rowHeights.libreoffice.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { LINE_FULL, linePoints, lineRoom, textPoints, wrappedLineCount, wrappedRowNeeds } from './textLines';

describe('lines counted from Calibri’s widths', () => {
  it('measures each character at its own width: a digit is 1038/2048 of the size, an i less than half of it, bold wider', () => {
    expect(textPoints('0')).toBeCloseTo((1038 / 2048) * 11, 6);
    expect(textPoints('i')).toBeLessThan(textPoints('0') / 2);
    expect(textPoints('Ysgol', { bold: true })).toBeGreaterThan(textPoints('Ysgol'));
    expect(textPoints('0', { size: 22 })).toBeCloseTo(2 * textPoints('0'), 6);
    // Welsh letters are in the table, not taken at the widest glyph.
    expect(textPoints('ŵ')).toBeLessThan(textPoints('W'));
    // A character not in the table counts as the font's widest glyph: wider than any letter.
    expect(textPoints('漢')).toBeGreaterThan(textPoints('W'));
  });

  it('gives a line of a column w wide its width less 5 pixels of padding, full at LINE_FULL', () => {
    expect(lineRoom(20)).toBeCloseTo((20 * 7 - 5) * 0.75 * LINE_FULL, 6);
    expect(lineRoom(0.5)).toBe(0);
  });

  it('wraps greedily at spaces, starts a line at each line break and breaks a word wider than the line between its characters', () => {
    const room = lineRoom(20);
    const word = 'Cymraeg';
    const perLine = Math.floor((room + textPoints(' ')) / (textPoints(word) + textPoints(' ')));
    const words = (n: number) => Array.from({ length: n }, () => word).join(' ');
    expect(wrappedLineCount(words(perLine), 20)).toBe(1);
    expect(wrappedLineCount(words(perLine + 1), 20)).toBe(2);
    expect(wrappedLineCount(`${words(1)}\n${words(1)}\n`, 20)).toBe(3);
    const place = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch';
    // Each line of the broken word is full but for less than one letter (its widest is m).
    const broken = wrappedLineCount(place, 20);
    expect(broken).toBeGreaterThanOrEqual(Math.ceil(textPoints(place) / room));
    expect(broken).toBeLessThanOrEqual(Math.ceil(textPoints(place) / (room - textPoints('m'))));
    // A word too wide for the line starts a line of its own.
    expect(wrappedLineCount(`Ysgol ${place}`, 20)).toBe(1 + broken);
  });

  it('never counts fewer lines in a narrower column', () => {
    const text = 'Datblygiad ymddygiadol, emosiynol a chymdeithasol; Cyfathrebu a rhyngweithio · Dwyieithog';
    for (let width = 6; width < 60; width += 1) expect(wrappedLineCount(text, width)).toBeGreaterThanOrEqual(wrappedLineCount(text, width + 1));
  });

  it('makes a line 15 pt at 11 pt, and larger type taller in whole pixels', () => {
    expect(linePoints()).toBe(15);
    expect(linePoints(12)).toBe(16.5);
    expect(linePoints(14)).toBe(19.5);
  });

  it('makes a row as tall as its tallest wrapped cell needs, each at its own font’s line height', () => {
    const text = 'Datblygiad ymddygiadol, emosiynol a chymdeithasol; Cyfathrebu a rhyngweithio';
    const small = { text, width: 12, font: {} };
    const large = { text: 'Ysgol Cwm Glas', width: 12, font: { size: 14, bold: true } };
    const smallLines = wrappedLineCount(small.text, 12);
    const largeLines = wrappedLineCount(large.text, 12, large.font);
    expect(smallLines).toBeGreaterThan(largeLines);
    expect(wrappedRowNeeds([small, large])).toEqual({
      lines: smallLines,
      points: Math.max(smallLines * 15, largeLines * linePoints(14)),
    });
    // No wrapped cell: one line, and no height asked for.
    expect(wrappedRowNeeds([])).toEqual({ lines: 1, points: 0 });
  });
});
