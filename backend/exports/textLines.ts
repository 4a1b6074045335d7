/**
 * How many lines a wrapped cell's text takes, from Calibri's real character widths (docs/exports.md,
 * "Row heights"), so a row is made as tall as its text needs: never shorter than Excel or LibreOffice
 * wraps it (a row too short clips its text), and without the spare lines a count of characters gave.
 *
 * - Widths: each character's advance in Calibri (calibriWidths.ts, measured from Carlito, which has
 *   Calibri's widths; italic's where wider), bold in bold's; a character not measured counts as the
 *   font's widest glyph.
 * - The line: a column of width w is w × 7 pixels at 96 dpi (Calibri 11's digit is 7 pixels); the text
 *   has that less 5 pixels of padding, and a line is taken as full at LINE_FULL of it, which leaves room
 *   for Excel's hinting on Windows setting a word a little wider than the font's own widths say.
 *   LibreOffice, printing with Carlito, gives the text more room than this (a column of width w is about
 *   w × 5.57 pt there), so no line it sets is wider than one counted here.
 * - Wrapping: greedily between words at spaces, as both spreadsheets wrap; a word wider than the whole
 *   line is broken between its characters, onto as many lines as it fills; "\n" starts a line.
 * - Height: each line LINE_POINTS (15 pt at 11 pt, Excel's row for one line), more for a larger font.
 */
import { BOLD, MEASURED, REGULAR, WIDEST } from './calibriWidths';

/** The font a cell's text is set in, as far as its width goes. */
export interface TextFont {
  bold?: boolean;
  /** Points; 11 when not given. */
  size?: number;
}

const BASE_SIZE = 11;
/** The part of a line's room text is allowed to fill before the next word is taken to wrap. */
export const LINE_FULL = 0.92;
/** Pixels of a column's width the text never has: 2 of margin each side and 1 for the gridline (ECMA-376's "5 pixel padding"). */
const PADDING_PX = 5;
/** A line of 11 pt text, in points: Excel's height for a row of one line (20 pixels). */
export const LINE_POINTS = 15;

const widths = new Map<string, readonly [number, number]>();
[...MEASURED].forEach((ch, i) => widths.set(ch, [REGULAR[i] ?? WIDEST, BOLD[i] ?? WIDEST]));

/** How wide `text` is set on one line, in points. */
export function textPoints(text: string, font: TextFont = {}): number {
  const which = font.bold ? 1 : 0;
  let units = 0;
  for (const ch of text) units += widths.get(ch)?.[which] ?? WIDEST;
  return (units / 2048) * (font.size ?? BASE_SIZE);
}

/** The room a line of text is given in a column (or merged columns) `width` units wide, in points. */
export function lineRoom(width: number): number {
  return Math.max(0, width * 7 - PADDING_PX) * 0.75 * LINE_FULL;
}

/** The height of one line of text at `size` points, in points, in whole pixels at 96 dpi. */
export function linePoints(size = BASE_SIZE): number {
  return (Math.ceil((size * (LINE_POINTS / 0.75)) / BASE_SIZE) * 3) / 4;
}

/** The lines `text` wraps to in a column (or merged columns) `width` units wide (see the file's comment). */
export function wrappedLineCount(text: string, width: number, font: TextFont = {}): number {
  const room = lineRoom(width);
  const space = textPoints(' ', font);
  let lines = 0;
  for (const part of text.split('\n')) {
    lines += 1;
    let used = 0;
    // Split on each space, so a run of spaces counts each one; an empty word adds only its space.
    part.split(' ').forEach((word, i) => {
      const w = textPoints(word, font);
      const gap = i > 0 ? space : 0;
      if (used + gap + w <= room || (used === 0 && w === 0)) {
        used += gap + w;
        return;
      }
      if (used > 0) {
        lines += 1;
        used = 0;
      }
      if (w <= room) {
        used = w;
        return;
      }
      for (const ch of word) {
        const c = textPoints(ch, font);
        if (used > 0 && used + c > room) {
          lines += 1;
          used = 0;
        }
        used += c;
      }
    });
  }
  return lines;
}

/** A wrapped cell to measure: its text, the width it wraps in (its column's, or its merged columns') and its font. */
export interface WrappedCell {
  text: string;
  width: number;
  font: TextFont;
}

/**
 * What a row of wrapped cells needs: the most lines any of them wraps to (1 with none), and the height
 * in points that fits every one of them, each line at its own font's height.
 */
export function wrappedRowNeeds(cells: Iterable<WrappedCell>): { lines: number; points: number } {
  let lines = 1;
  let points = 0;
  for (const { text, width, font } of cells) {
    const cellLines = wrappedLineCount(text, width, font);
    lines = Math.max(lines, cellLines);
    points = Math.max(points, cellLines * linePoints(font.size));
  }
  return { lines, points };
}
