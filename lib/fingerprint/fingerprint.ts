/** fingerprint(): the named (human-readable) stylometric features of a text, as a JSON-able record. */
import { analyze } from './analysis';
import { DENSE_NAMES, FAMILIES } from './features';
import type { Tokenizer } from './types';

const out = new Float64Array(DENSE_NAMES.length);

export function fingerprint(text: string, tokenizer?: Tokenizer): Record<string, number> {
  const a = analyze(typeof text === 'string' ? text : '', tokenizer);
  let offset = 0;
  for (const f of FAMILIES) {
    if (f.dense) f.dense(a, out, offset);
    offset += f.names.length;
  }
  const r: Record<string, number> = {};
  for (let i = 0; i < DENSE_NAMES.length; i++) {
    const v = out[i]!;
    r[DENSE_NAMES[i]!] = Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : 0;
  }
  return r;
}
