// The Teams app's default icons, drawn from code so the repository holds no binaries: a white tooth
// on teal (color, 192×192, symbol inside the central 120×120 area) and the white tooth alone on a
// transparent background (outline, 32×32), as Teams' icon guidelines ask.
import { encodePng } from './png';

export const ACCENT_COLOR = '#0E7C86';
const TEAL: [number, number, number] = [0x0e, 0x7c, 0x86];
const WHITE: [number, number, number] = [0xff, 0xff, 0xff];

/** Whether (u, v), both in 0..1, is inside the tooth: a rounded crown over two tapering roots. */
function inTooth(u: number, v: number): boolean {
  const crown = ((u - 0.5) / 0.4) ** 2 + ((v - 0.3) / 0.27) ** 2 <= 1;
  if (crown) return true;
  if (v < 0.3 || v > 0.95) return false;
  const taper = (0.95 - v) / 0.65;
  const bridge = v < 0.5 && u > 0.25 && u < 0.75;
  const root = (centre: number) => Math.abs(u - centre) <= 0.05 + 0.1 * taper;
  const notch = v > 0.5 && Math.abs(u - 0.5) < 0.08;
  return bridge || (!notch && (root(0.3) || root(0.7)));
}

/** Coverage of a pixel by the symbol placed in [offset, offset + size), 4×4 samples. */
function coverage(x: number, y: number, offset: number, size: number): number {
  let inside = 0;
  for (let sy = 0; sy < 4; sy += 1) {
    for (let sx = 0; sx < 4; sx += 1) {
      if (inTooth((x + (sx + 0.5) / 4 - offset) / size, (y + (sy + 0.5) / 4 - offset) / size)) inside += 1;
    }
  }
  return inside / 16;
}

export function colorIcon(): Buffer {
  const size = 192;
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const share = coverage(x, y, 44, 104);
      const at = (y * size + x) * 4;
      for (let channel = 0; channel < 3; channel += 1) pixels[at + channel] = Math.round(TEAL[channel] * (1 - share) + WHITE[channel] * share);
      pixels[at + 3] = 255;
    }
  }
  return encodePng(size, size, pixels);
}

export function outlineIcon(): Buffer {
  const size = 32;
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const at = (y * size + x) * 4;
      pixels.set(WHITE, at);
      pixels[at + 3] = Math.round(255 * coverage(x, y, 3, 26));
    }
  }
  return encodePng(size, size, pixels);
}
