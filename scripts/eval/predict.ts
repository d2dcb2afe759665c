/** Scores test records with attribute() (the product path) and turns each result into a Prediction. */
import { analyze } from '../../lib/fingerprint/analysis';
import { attribute } from '../../lib/fingerprint/attribute';
import { genreOf } from '../../lib/fingerprint/corpus';
import { evidenceStrength } from '../../lib/fingerprint/evidence';
import type { Prepared } from '../../lib/fingerprint/prepare';
import type { Signatures } from '../../lib/fingerprint/signatures';
import type { Attribution } from '../../lib/fingerprint/types';
import { rankOf } from '../corpus-metrics';
import type { Prediction } from '../corpus-metrics';

/** Predictions for `test`; `times` receives attribute()'s time per record, normalised to 2,500 characters. */
export function predict(prep: Prepared, test: number[], sig: Signatures, times?: number[]): Prediction[] {
  return test.map((i) => {
    const r = prep.records[i]!;
    const s = performance.now();
    const a = attribute(r.text, sig, { explain: false });
    times?.push(((performance.now() - s) * 2500) / Math.max(1, r.text.length));
    const p = new Float32Array(sig.labels.length);
    for (const m of a.models) p[sig.labels.indexOf(m.model)] = m.p;
    const label = sig.labels.indexOf(r.label);
    const family = sig.families.indexOf(r.family);
    const fp = new Float64Array(sig.families.length);
    p.forEach((x, c) => (fp[sig.familyOf[c]!]! += x));
    const head = headline(a, sig);
    return {
      label, family, task: r.task ?? '', genre: genreOf(r), words: prep.words[i]!, p, modelRank: rankOf(p, label), familyRank: rankOf(fp, family),
      headModel: head.model, headFamily: head.family, confidence: head.modelP, familyConfidence: head.familyP,
      undetermined: a.undetermined, reason: a.reason, strength: evidenceStrength(a, analyze(r.text).words.length, sig),
    };
  });
}

/** The headline of an attribution as indices; undetermined ones are read from their distribution the same way. */
function headline(a: Attribution, sig: Signatures): { model: number; family: number; modelP: number; familyP: number } {
  const family = a.families[0]!;
  const model = a.models.find((m) => m.family === family.family)!;
  return { model: sig.labels.indexOf(model.model), family: sig.families.indexOf(family.family), modelP: model.p, familyP: family.p };
}

/** A Prediction back as the Attribution it came from (for pool()). */
export function asAttribution(p: Prediction, sig: Signatures): Attribution {
  const models = sig.labels.map((model, c) => ({ model, family: sig.families[sig.familyOf[c]!]!, p: p.p[c]! })).sort((a, b) => b.p - a.p);
  const fam = new Map<string, number>();
  for (const m of models) fam.set(m.family, (fam.get(m.family) ?? 0) + m.p);
  const families = [...fam].map(([family, q]) => ({ family, p: q })).sort((a, b) => b.p - a.p);
  return {
    model: sig.labels[p.headModel]!, family: sig.families[p.headFamily]!, confidence: p.confidence, undetermined: p.undetermined,
    reason: p.reason, models, families, explanation: [],
  };
}

/**
 * The evidence label of stored predictions, recomputed with the current evidenceStrength() and each fold's
 * signatures (a report rewritten from stored figures then reflects the current rule).
 */
export function relabelStrength(ps: Prediction[], folds: number[], sigs: Signatures[]): void {
  ps.forEach((p, k) => {
    const sig = sigs[folds[k]!]!;
    const family = sig.families[p.headFamily]!;
    const a: Attribution = {
      model: p.undetermined ? null : sig.labels[p.headModel]!, family: p.undetermined ? null : family, confidence: p.confidence, undetermined: p.undetermined,
      reason: p.reason, models: [], families: [{ family, p: p.familyConfidence }], explanation: [],
    };
    p.strength = evidenceStrength(a, p.words, sig);
  });
}
