/** attribute(): one answer → calibrated model and family probabilities, or an explicit "undetermined". */
import { analyze } from './analysis';
import { getDefaultSignatures } from './default-signatures';
import { scoresOf, topLabelOfTopFamily, uniform } from './distribution';
import { engineFor } from './engine-state';
import { explain } from './explain';
import { applyFamilyHead, linearLogits, logitsOf } from './score';
import type { Signatures } from './signatures';
import { argmax } from './model/argmax';
import { softmaxInPlace } from './model/train';
import type { Attribution, Tokenizer } from './types';

export interface AttributeOptions {
  /** Word tokenizer (default: regex + Intl.Segmenter for spaceless scripts). */
  tokenizer?: Tokenizer;
  /** Skip the explanation (faster bulk scoring). Default false. */
  explain?: boolean;
}

/** Share of letters among non-space characters below which a short text is 'not-prose' rather than 'too-short'. */
const PROSE_LETTER_SHARE = 0.5;

/**
 * Share of characters no written text has (U+FFFD, which decoding puts in place of bytes that are not
 * UTF-8, and control characters other than tab and line breaks) above which the input is 'not-prose'
 * whatever its length: random bytes read as a .txt got a confident verdict (issue 15, failure 10). Real
 * answers have none; 2% leaves room for a stray one.
 */
const BINARY_SHARE = 0.02;
/** Characters looked at for that share: enough to tell bytes from text, bounded for a 1 MB answer. */
const BINARY_SAMPLE = 65_536;

function looksBinary(text: string): boolean {
  const n = Math.min(text.length, BINARY_SAMPLE);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c < 0xa0)) odd++;
  }
  return n > 0 && odd > BINARY_SHARE * n;
}

function undetermined(sig: Signatures, reason: string, p: ArrayLike<number>): Attribution {
  const { models, families } = scoresOf(sig, p);
  return { model: null, family: null, confidence: 0, undetermined: true, reason, models, families, explanation: [] };
}

export function attribute(text: string, signatures?: Signatures, options: AttributeOptions = {}): Attribution {
  const sig = signatures ?? getDefaultSignatures();
  const a = analyze(typeof text === 'string' ? text : '', options.tokenizer);
  if (a.text.length === 0) return undetermined(sig, 'empty', uniform(sig));
  if (looksBinary(text)) return undetermined(sig, 'not-prose', uniform(sig));
  const e = engineFor(sig);
  const v = e.vectorizer.vectorize(a);
  const p = e.logits;
  logitsOf(sig, v, e.z, p);
  const t = sig.temperatureByTop[argmax(p)]!;
  for (let c = 0; c < p.length; c++) p[c] = p[c]! / t;
  softmaxInPlace(p);
  if (sig.familyHead) {
    linearLogits(sig.familyHead, v, e.z, e.familyLogits);
    applyFamilyHead(sig, p, e.familyLogits);
  }
  if (a.words.length < sig.json.abstention.minWords) {
    const nonSpace = a.text.replace(/\s/g, '');
    const letters = (nonSpace.match(/\p{L}/gu) ?? []).length;
    const prose = a.codeChars === 0 && letters >= PROSE_LETTER_SHARE * nonSpace.length;
    return undetermined(sig, prose ? 'too-short' : 'not-prose', p);
  }
  // The headline is one consistent pair: the top family, and the top label *within* it (the label with the
  // highest p overall may belong to another family when a vendor's mass is spread over several siblings).
  const top = topLabelOfTopFamily(sig, p);
  let second = -1;
  for (let c = 0; c < p.length; c++) if (c !== top && (second < 0 || p[c]! > p[second]!)) second = c;
  const confidence = p[top]!;
  const explanation = options.explain === false ? [] : explain(sig, a, v.dense, e.z, top, second < 0 ? (top + 1) % p.length : second);
  const { models, families } = scoresOf(sig, p);
  return {
    model: sig.labels[top]!,
    family: sig.families[sig.familyOf[top]!]!,
    confidence: Math.round(confidence * 1e6) / 1e6,
    undetermined: false,
    reason: null,
    models,
    families,
    explanation,
  };
}
