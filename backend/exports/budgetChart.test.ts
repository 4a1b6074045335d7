import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawBarChart, encodePng } from './budgetChart';

/** Decode our own PNGs (RGBA, filter 0) back to pixels, checking every chunk's CRC on the way. */
function decode(png: Buffer): { width: number; height: number; pixel: (x: number, y: number) => number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString('ascii');
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(zlib.crc32 ? zlib.crc32(png.subarray(offset + 4, offset + 8 + length)) : png.readUInt32BE(offset + 8 + length));
    if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  return {
    width,
    height,
    pixel: (x, y) => {
      const i = y * (width * 4 + 1) + 1 + x * 4;
      return (raw[i]! << 16) | (raw[i + 1]! << 8) | raw[i + 2]!;
    },
  };
}

describe('the budget chart PNG', () => {
  it('encodes pixels losslessly', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 1, 2, 3, 255]);
    const img = decode(encodePng(2, 2, rgba));
    expect([img.pixel(0, 0), img.pixel(1, 0), img.pixel(0, 1), img.pixel(1, 1)]).toEqual([0xff0000, 0x00ff00, 0x0000ff, 0x010203]);
  });

  it('draws bars in proportion to the amounts, the tallest filling the plot', () => {
    const img = decode(
      drawBarChart(
        [
          { pence: 100_00, colour: 0x2e7d32 },
          { pence: 50_00, colour: 0x1565c0 },
        ],
        { width: 200, height: 116 },
      ),
    );
    expect([img.width, img.height]).toEqual([200, 116]);
    // Plot from y=16 to y=100 (84 px). Bar 1 centre x≈58, bar 2 centre x≈142.
    expect(img.pixel(58, 17)).toBe(0x2e7d32);
    expect(img.pixel(58, 99)).toBe(0x2e7d32);
    expect(img.pixel(142, 99)).toBe(0x1565c0);
    // Half the amount, half the height: 42 of 84 px, rows 58..99.
    expect(img.pixel(142, 58)).toBe(0x1565c0);
    expect(img.pixel(142, 57)).not.toBe(0x1565c0);
    expect(img.pixel(100, 60)).toBe(0xffffff);
  });

  it('with every amount £0 draws the zero line and its one label, no empty scale of £0s', () => {
    const grey = 0x424242;
    const labelled = (amounts: number[]) => {
      const img = decode(
        drawBarChart(
          amounts.map((pence) => ({ pence, colour: 0x2e7d32 })),
          { width: 200, height: 116, axis: true },
        ),
      );
      const rows = new Set<number>();
      // Axis labels are drawn in grey left of the plot (the zero line, grey too, sits in the £0 label's rows).
      for (let y = 0; y < img.height; y++) for (let x = 0; x < 60; x++) if (img.pixel(x, y) === grey) rows.add(y);
      const gridRows = new Set<number>();
      for (let y = 0; y < img.height; y++) if (img.pixel(img.width - 20, y) === 0xe0e0e0) gridRows.add(y);
      // Labels are separate runs of rows (a gap of more than a couple of pixels between them).
      const sorted = [...rows].sort((a, b) => a - b);
      const labelBands = sorted.filter((y, i) => i === 0 || y - sorted[i - 1]! > 3).length;
      return { labelBands, gridRows: gridRows.size };
    };
    expect(labelled([0, 0, 0])).toEqual({ labelBands: 1, gridRows: 0 });
    const some = labelled([100_00, 50_00, 0]);
    expect(some.labelBands).toBe(5);
    expect(some.gridRows).toBe(4);
  });
});
