// Renders assets/icon.png (512x512) from the same shapes as assets/icon.svg, with pngjs (already
// in node_modules through receiptline), so the icon needs no image tools: node assets/icon-render.cjs
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { PNG } = require('pngjs');

const SIZE = 512;
const SAMPLES = 4; // 4x4 supersampling for smooth edges

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];

function roundedRect(x, y, w, h, r) {
  return (px, py) => {
    if (px < x || px > x + w || py < y || py > y + h) return false;
    const cx = Math.min(Math.max(px, x + r), x + w - r);
    const cy = Math.min(Math.max(py, y + r), y + h - r);
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
  };
}

function polygon(points) {
  return (px, py) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

const receipt = [
  [136, 88],
  [376, 88],
  [376, 392],
  [346, 412],
  [316, 392],
  [286, 412],
  [256, 392],
  [226, 412],
  [196, 392],
  [166, 412],
  [136, 392],
];

// Painted in order, last on top: keep in step with icon.svg.
const shapes = [
  [roundedRect(16, 16, 480, 480, 96), hex('#1b7f5a')],
  [polygon(receipt), hex('#ffffff')],
  [roundedRect(172, 140, 168, 20, 10), hex('#1b7f5a')],
  [roundedRect(172, 196, 120, 16, 8), hex('#9fcfbc')],
  [roundedRect(172, 236, 150, 16, 8), hex('#9fcfbc')],
  [roundedRect(172, 276, 96, 16, 8), hex('#9fcfbc')],
  [roundedRect(172, 324, 168, 24, 12), hex('#f2b233')],
];

const png = new PNG({ width: SIZE, height: SIZE });
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        let color = null;
        for (const [inside, c] of shapes) if (inside(px, py)) color = c;
        if (color) {
          r += color[0];
          g += color[1];
          b += color[2];
          a += 1;
        }
      }
    }
    const i = (y * SIZE + x) * 4;
    png.data[i] = a ? Math.round(r / a) : 0;
    png.data[i + 1] = a ? Math.round(g / a) : 0;
    png.data[i + 2] = a ? Math.round(b / a) : 0;
    png.data[i + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
  }
}
writeFileSync(join(__dirname, 'icon.png'), PNG.sync.write(png));
console.log('wrote assets/icon.png');
