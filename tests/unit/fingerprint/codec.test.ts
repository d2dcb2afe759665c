import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeVarints, dequantizeRows, encodeVarints, fromBase64, quantizeRows, toBase64 } from '../../../lib/fingerprint/model/codec';

describe('weight codec', () => {
  it('base64 matches Node and round-trips', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const s = toBase64(bytes);
      expect(s).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(fromBase64(s))).toEqual(Array.from(bytes));
    }));
  });

  it('varint deltas round-trip sorted indices', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1 << 24 })), (xs) => {
      const sorted = [...xs].sort((a, b) => a - b);
      expect(decodeVarints(encodeVarints(sorted))).toEqual(sorted);
    }));
  });

  it('int8 rows keep every weight within one quantisation step of its row', () => {
    fc.assert(fc.property(fc.array(fc.float({ min: -5, max: 5, noNaN: true }), { minLength: 6, maxLength: 60 }), (xs) => {
      const width = 3;
      const w = Float32Array.from(xs.slice(0, xs.length - (xs.length % width)));
      const back = dequantizeRows(quantizeRows(w, width), width);
      for (let r = 0; r < w.length / width; r++) {
        const max = Math.max(...Array.from(w.subarray(r * width, (r + 1) * width), Math.abs));
        for (let c = 0; c < width; c++) expect(Math.abs(back[r * width + c]! - w[r * width + c]!)).toBeLessThanOrEqual(Math.max((max / 127) * 1.1, 2 ** -28));
      }
    }));
  });
});
