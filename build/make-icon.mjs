#!/usr/bin/env node
/**
 * Draws build/icon.png (512×512): a plan sheet with a "done" badge. Generated from code, with
 * no image tool, so anyone can change a colour and regenerate it; the PNG is committed so the
 * packaging never depends on running this.
 *
 *   node build/make-icon.mjs
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
const SS = 4; // samples per axis, for smooth edges

const BLUE_TOP = [18, 102, 186];
const BLUE_BOTTOM = [10, 70, 140];
const WHITE = [255, 255, 255];
const LINE = [126, 160, 200];
const BADGE = [245, 179, 1];

/** Signed distance to a rounded rectangle (negative inside). */
function roundRect(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Signed distance to a thick segment with round caps. */
function segment(x, y, ax, ay, bx, by, halfWidth) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - halfWidth;
}

/** The colour (RGBA) at one sample point, painting back to front. */
function sample(x, y) {
  if (roundRect(x, y, 16, 16, 496, 496, 104) > 0) return [0, 0, 0, 0];
  const k = y / SIZE;
  let c = BLUE_TOP.map((v, i) => v + (BLUE_BOTTOM[i] - v) * k);
  if (roundRect(x, y, 132, 84, 380, 428, 28) <= 0) c = WHITE;
  const lines = [
    [180, 172, 332],
    [180, 236, 332],
    [180, 300, 280],
  ];
  for (const [x0, ly, x1] of lines) if (segment(x, y, x0, ly, x1, ly, 12) <= 0) c = LINE;
  const bx = 366;
  const by = 378;
  if (Math.hypot(x - bx, y - by) <= 84) c = WHITE; // a white ring separates the badge from the sheet
  if (Math.hypot(x - bx, y - by) <= 72) c = BADGE;
  if (Math.min(segment(x, y, bx - 34, by + 2, bx - 10, by + 26, 11), segment(x, y, bx - 10, by + 26, bx + 36, by - 22, 11)) <= 0) c = WHITE;
  return [...c, 255];
}

function render() {
  const rows = [];
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4); // leading 0: PNG filter type "none"
    for (let px = 0; px < SIZE; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const s = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
          // Premultiply so transparent samples do not darken the edge.
          acc[0] += s[0] * s[3];
          acc[1] += s[1] * s[3];
          acc[2] += s[2] * s[3];
          acc[3] += s[3];
        }
      }
      const a = acc[3] / (SS * SS);
      const o = 1 + px * 4;
      row[o] = a ? Math.round(acc[0] / acc[3]) : 0;
      row[o + 1] = a ? Math.round(acc[1] / acc[3]) : 0;
      row[o + 2] = a ? Math.round(acc[2] / acc[3]) : 0;
      row[o + 3] = Math.round(a);
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(render(), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
fs.writeFileSync(out, png);
console.log(`${out}: ${SIZE}×${SIZE}, ${png.length} bytes`);
