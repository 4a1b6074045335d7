/**
 * The Summary sheet's chart of budget against spend, as a PNG drawn in plain Node: bars painted into an
 * RGBA buffer and encoded with node:zlib (no native canvas, no package). The image carries no text (fonts
 * would need a rasteriser): the figures and a colour key sit in cells beside it.
 */
import zlib from 'node:zlib';

export interface ChartBar {
  /** Integer pence; negative values are drawn as 0 (a bar chart of amounts, not of positions). */
  pence: number;
  /** Fill colour as 0xRRGGBB. */
  colour: number;
}

export interface BarChartOptions {
  width?: number;
  height?: number;
}

/** The bar colours, shared with the key cells on the sheet so a reader can match bar to figure. */
export const CHART_COLOURS = {
  income: 0x2e7d32,
  charged: 0x1565c0,
  allCosts: 0x9e9e9e,
} as const;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A minimal PNG encoder: 8-bit RGBA, no interlace, filter 0 on every row. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new RangeError(`encodePng: expected ${width * height * 4} bytes, got ${rgba.length}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter
  header[12] = 0; // interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Vertical bars on a white ground with a baseline and light gridlines at quarters of the tallest bar.
 * Bar heights are proportional to their amounts (the tallest fills the plot area).
 */
export function drawBarChart(bars: readonly ChartBar[], options: BarChartOptions = {}): Buffer {
  const width = options.width ?? 480;
  const height = options.height ?? 260;
  const rgba = new Uint8Array(width * height * 4).fill(255);
  const fill = (x0: number, y0: number, x1: number, y1: number, colour: number): void => {
    const r = (colour >> 16) & 0xff;
    const g = (colour >> 8) & 0xff;
    const b = colour & 0xff;
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) {
        const i = (y * width + x) * 4;
        rgba[i] = r;
        rgba[i + 1] = g;
        rgba[i + 2] = b;
        rgba[i + 3] = 255;
      }
    }
  };
  const margin = 16;
  const plotTop = margin;
  const plotBottom = height - margin;
  const plotHeight = plotBottom - plotTop;
  const max = Math.max(0, ...bars.map((b) => b.pence));
  for (let q = 1; q <= 4; q++) {
    const y = plotBottom - Math.round((plotHeight * q) / 4);
    fill(margin, y, width - margin, y + 1, 0xe0e0e0);
  }
  const n = Math.max(1, bars.length);
  const slot = Math.floor((width - 2 * margin) / n);
  const barWidth = Math.floor(slot * 0.6);
  bars.forEach((bar, i) => {
    const h = max > 0 ? Math.round((plotHeight * Math.max(0, bar.pence)) / max) : 0;
    const x0 = margin + i * slot + Math.floor((slot - barWidth) / 2);
    fill(x0, plotBottom - h, x0 + barWidth, plotBottom, bar.colour);
  });
  fill(margin, plotBottom, width - margin, plotBottom + 2, 0x424242);
  return encodePng(width, height, rgba);
}
