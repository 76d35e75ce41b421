/**
 * Draws the app icon and writes resources/icons/: icon.svg (the source, for reading), NxN.png
 * for Linux, icon.ico for Windows and icon.icns for macOS. The brand mark of the window (two
 * soft circles, one leaning into the other: base.css .brand-mark) on a paper-coloured tile.
 * Drawn here, not converted by a tool, so it needs nothing beyond Node and gives the same files
 * on any machine. Run it after changing the art: npx tsx scripts/package/icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeIcns, encodeIco, encodePng, type Rgba } from './icon-formats';

/** The art on a 1024 grid. The circles keep the mark's proportions (1.1 wide, 0.6 apart). */
export const ART = {
  tile: { inset: 64, radius: 200, color: '#fbf7f1' },
  circles: [
    { cx: 396, cy: 512, r: 214, color: '#2f6b5f', opacity: 1 },
    { cx: 628, cy: 512, r: 214, color: '#d9935f', opacity: 0.85 },
  ],
} as const;

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 256] as const;
export const ICONS_DIR = join('resources', 'icons');

export function iconSvg(): string {
  const { tile, circles } = ART;
  const side = 1024 - 2 * tile.inset;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024" width="1024" height="1024">',
    '  <title>Lean On</title>',
    `  <rect x="${tile.inset}" y="${tile.inset}" width="${side}" height="${side}" rx="${tile.radius}" fill="${tile.color}"/>`,
    ...circles.map(
      (c) =>
        `  <circle cx="${c.cx}" cy="${c.cy}" r="${c.r}" fill="${c.color}"` +
        `${c.opacity < 1 ? ` fill-opacity="${c.opacity}"` : ''}/>`,
    ),
    '</svg>',
    '',
  ].join('\n');
}

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function insideTile(x: number, y: number): boolean {
  const { inset, radius } = ART.tile;
  const low = inset + radius;
  const high = 1024 - inset - radius;
  const dx = Math.max(low - x, 0, x - high);
  const dy = Math.max(low - y, 0, y - high);
  return x >= inset && x <= 1024 - inset && y >= inset && y <= 1024 - inset
    ? dx * dx + dy * dy <= radius * radius
    : false;
}

const LAYERS = [
  { color: rgb(ART.tile.color), opacity: 1, inside: insideTile },
  ...ART.circles.map((c) => ({
    color: rgb(c.color),
    opacity: c.opacity,
    inside: (x: number, y: number) => (x - c.cx) ** 2 + (y - c.cy) ** 2 <= c.r * c.r,
  })),
];

/** Renders the art at `size` px, antialiased by supersampling each pixel on an n × n grid. */
export function renderIcon(size: number): Rgba {
  const samples = size <= 64 ? 8 : 4;
  const scale = 1024 / size;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied sums over the samples.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * scale;
          const y = (py + (sy + 0.5) / samples) * scale;
          let cr = 0;
          let cg = 0;
          let cb = 0;
          let ca = 0;
          for (const layer of LAYERS) {
            if (!layer.inside(x, y)) continue;
            const k = layer.opacity;
            cr = layer.color[0] * k + cr * (1 - k);
            cg = layer.color[1] * k + cg * (1 - k);
            cb = layer.color[2] * k + cb * (1 - k);
            ca = k + ca * (1 - k);
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const at = (py * size + px) * 4;
      if (a > 0) {
        pixels[at] = Math.round(r / a);
        pixels[at + 1] = Math.round(g / a);
        pixels[at + 2] = Math.round(b / a);
        pixels[at + 3] = Math.round((a / (samples * samples)) * 255);
      }
    }
  }
  return { size, pixels };
}

function main(): void {
  mkdirSync(ICONS_DIR, { recursive: true });
  writeFileSync(join(ICONS_DIR, 'icon.svg'), iconSvg());
  const images = new Map(PNG_SIZES.map((size) => [size, renderIcon(size)] as const));
  const pngs = new Map([...images].map(([size, image]) => [size, encodePng(image)] as const));
  for (const [size, png] of pngs) writeFileSync(join(ICONS_DIR, `${size}x${size}.png`), png);
  writeFileSync(join(ICONS_DIR, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => images.get(size)!)));
  writeFileSync(join(ICONS_DIR, 'icon.icns'), encodeIcns(pngs));
  console.log(`Wrote ${ICONS_DIR}: icon.svg, ${PNG_SIZES.length} PNGs, icon.ico, icon.icns`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
