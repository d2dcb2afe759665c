/**
 * Compact, text-safe encoding of model weights for the committed JSON: kept row indices as delta varints,
 * weights as int8 with one log-scale byte per row, all base64. Pure TS (no Buffer), so it runs anywhere.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!, b = bytes[i + 1] ?? 0, c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? B64[n & 63]! : '=');
  }
  return out;
}

export function fromBase64(s: string): Uint8Array {
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0, acc = 0, o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = B64_INDEX[clean.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error(`invalid base64 character at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) { bits -= 8; out[o++] = (acc >> bits) & 255; }
  }
  return out;
}

export function encodeVarints(sortedAscending: ArrayLike<number>): Uint8Array {
  const bytes: number[] = [];
  let prev = 0;
  for (let i = 0; i < sortedAscending.length; i++) {
    let d = sortedAscending[i]! - prev;
    prev = sortedAscending[i]!;
    while (d >= 128) { bytes.push((d & 127) | 128); d >>>= 7; }
    bytes.push(d);
  }
  return Uint8Array.from(bytes);
}

export function decodeVarints(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let prev = 0, v = 0, shift = 0;
  for (const byte of bytes) {
    v |= (byte & 127) << shift;
    if (byte & 128) { shift += 7; continue; }
    prev += v;
    out.push(prev);
    v = 0; shift = 0;
  }
  return out;
}

/** Scale byte ↔ scale: 2^((code - 224) / 8), i.e. 1/8-octave steps from ~1e-8 up to ~7. */
const scaleOf = (code: number) => Math.pow(2, (code - 224) / 8);

/** Quantise rows of `width` floats: per row one scale byte then `width` int8 values. */
export function quantizeRows(w: Float32Array, width: number): Uint8Array {
  const rows = w.length / width;
  const out = new Uint8Array(rows * (width + 1));
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let c = 0; c < width; c++) max = Math.max(max, Math.abs(w[r * width + c]!));
    const code = max > 0 ? Math.min(255, Math.max(0, Math.ceil(8 * Math.log2(max / 127)) + 224)) : 0;
    const s = scaleOf(code);
    out[r * (width + 1)] = code;
    for (let c = 0; c < width; c++) {
      const q = max > 0 ? Math.max(-127, Math.min(127, Math.round(w[r * width + c]! / s))) : 0;
      out[r * (width + 1) + 1 + c] = q & 255;
    }
  }
  return out;
}

export function dequantizeRows(bytes: Uint8Array, width: number): Float32Array {
  const rows = Math.floor(bytes.length / (width + 1));
  const out = new Float32Array(rows * width);
  for (let r = 0; r < rows; r++) {
    const s = scaleOf(bytes[r * (width + 1)]!);
    for (let c = 0; c < width; c++) {
      const q = bytes[r * (width + 1) + 1 + c]!;
      out[r * width + c] = (q > 127 ? q - 256 : q) * s;
    }
  }
  return out;
}
