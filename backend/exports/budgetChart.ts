/**
 * The Summary sheet's chart of budget against spend, as a PNG drawn in plain Node: bars painted into an
 * RGBA buffer and encoded with node:zlib (no native canvas, no package). Its only text is the value axis
 * (£0 to the tallest bar, at quarters), drawn in a small built-in pixel font; the figures themselves, a
 * colour key and a caption saying what the picture shows sit in cells below it (exceljs cannot write a
 * picture's alternative text).
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
  /** Label the gridlines with their amounts (£0 … the tallest bar) in a margin on the left. */
  axis?: boolean;
}

/** 5 × 7 pixel glyphs for the axis labels, one string of 35 bits (row by row) per character. */
const GLYPHS: Record<string, string> = {
  '0': '01110100011001110101110011000101110',
  '1': '00100011000010000100001000010001110',
  '2': '01110100010000100010001000100011111',
  '3': '11111000100010000010000011000101110',
  '4': '00010001100101010010111110001000010',
  '5': '11111100001111000001000011000101110',
  '6': '00110010001000011110100011000101110',
  '7': '11111000010001000100010000100001000',
  '8': '01110100011000101110100011000101110',
  '9': '01110100011000101111000010001001100',
  '£': '00110010010100011100010000100011111',
  '.': '00000000000000000000000000110001100',
  k: '10000100001001010100110001010010010',
  m: '00000000001101010101101011010110101',
  ' ': '00000000000000000000000000000000000',
};

/** An amount for an axis label: £0, £750, £25k, £1.5m (at most three significant figures). */
export function axisAmount(pence: number): string {
  const pounds = pence / 100;
  const short = (n: number): string => String(Number(n.toPrecision(3)));
  if (pounds >= 1_000_000) return `£${short(pounds / 1_000_000)}m`;
  if (pounds >= 1_000) return `£${short(pounds / 1_000)}k`;
  return `£${short(Math.round(pounds))}`;
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
  /** Text in the pixel font, twice size (10 × 14 px a character), right-aligned to `right`, centred on `y`. */
  const text = (s: string, right: number, y: number): void => {
    const scale = 2;
    const advance = 6 * scale;
    let x = right - s.length * advance + scale;
    for (const ch of s) {
      const bits = GLYPHS[ch] ?? (GLYPHS[' '] as string);
      for (let gy = 0; gy < 7; gy++) {
        for (let gx = 0; gx < 5; gx++) {
          if (bits[gy * 5 + gx] === '1') fill(x + gx * scale, y - 7 + gy * scale, x + (gx + 1) * scale, y - 7 + (gy + 1) * scale, 0x424242);
        }
      }
      x += advance;
    }
  };
  const margin = 16;
  const max = Math.max(0, ...bars.map((b) => b.pence));
  // With nothing to show (a new school's empty year), the scale is the zero line alone: five "£0"s up the side said nothing.
  const quarters = max > 0 ? [0, 1, 2, 3, 4] : [0];
  const left = options.axis ? 12 * Math.max(...quarters.map((q) => axisAmount(Math.round((max * q) / 4)).length)) + 14 : margin;
  const plotTop = margin;
  const plotBottom = height - margin;
  const plotHeight = plotBottom - plotTop;
  for (const q of quarters.slice(1)) {
    const y = plotBottom - Math.round((plotHeight * q) / 4);
    fill(left, y, width - margin, y + 1, 0xe0e0e0);
  }
  if (options.axis) for (const q of quarters) text(axisAmount(Math.round((max * q) / 4)), left - 8, plotBottom - Math.round((plotHeight * q) / 4));
  const n = Math.max(1, bars.length);
  const slot = Math.floor((width - left - margin) / n);
  const barWidth = Math.floor(slot * 0.6);
  bars.forEach((bar, i) => {
    const h = max > 0 ? Math.round((plotHeight * Math.max(0, bar.pence)) / max) : 0;
    const x0 = left + i * slot + Math.floor((slot - barWidth) / 2);
    fill(x0, plotBottom - h, x0 + barWidth, plotBottom, bar.colour);
  });
  fill(left, plotBottom, width - margin, plotBottom + 2, 0x424242);
  return encodePng(width, height, rgba);
}
