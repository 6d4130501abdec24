// dist/assets/icon-*.png: a blue rounded square with a white envelope, drawn with 4x4
// supersampling, at the sizes manifest.xml names.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { dist } from "./buildLog.mjs";
import { encodePng } from "./png.mjs";

// 16, 32 and 80 for the ribbon, 20, 24, 40, 48 and 64 for high-DPI screens, 128 for the store.
const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];
const BLUE = [0x1f, 0x5f, 0xae];
const WHITE = [0xff, 0xff, 0xff];

/** Colour at (x, y) in the unit square, or null for transparent. */
function iconColour(x, y) {
  // Rounded square, corner radius 0.2.
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // Envelope body.
  const [left, right, top, bottom] = [0.18, 0.82, 0.28, 0.72];
  if (x < left || x > right || y < top || y > bottom) return BLUE;
  // Flap: a V from the top corners to the middle, drawn in blue.
  const flapY = top + (0.5 - Math.abs(x - 0.5)) * ((0.52 - top) / (0.5 - left));
  const thickness = 0.055;
  if (Math.abs(y - flapY) < thickness) return BLUE;
  return WHITE;
}

function drawIcon(size) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let red = 0, green = 0, blue = 0, alpha = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = iconColour((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (colour) {
            red += colour[0];
            green += colour[1];
            blue += colour[2];
            alpha += 1;
          }
        }
      }
      const offset = (py * size + px) * 4;
      if (alpha > 0) {
        pixels[offset] = Math.round(red / alpha);
        pixels[offset + 1] = Math.round(green / alpha);
        pixels[offset + 2] = Math.round(blue / alpha);
        pixels[offset + 3] = Math.round((255 * alpha) / (samples * samples));
      }
    }
  }
  return encodePng(size, size, pixels);
}

export async function buildIcons(log) {
  const outDir = path.join(dist, "assets");
  await mkdir(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    await writeFile(file, drawIcon(size));
    await log.report(file, `(${size}x${size})`);
  }
}
