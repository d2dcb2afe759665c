/**
 * What the numbers mean, in plain words, with the caveat every such finding needs: resemblance in style is
 * evidence to weigh, not proof of distillation.
 */
import type { ReferenceRanking, TwoSampleResult } from './types';

export const CAVEAT = 'Resemblance in style can come from distillation, from training on similar public data, or from similar instructions; it is evidence to weigh, not proof.';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const f2 = (x: number) => x.toFixed(2);

/** Family names as a reader knows them ("OpenAI models"); custom references are the user's own. */
export function familyName(family: string): string {
  const known: Record<string, string> = {
    openai: 'OpenAI', anthropic: 'Anthropic', google: 'Google', meta: 'Meta', mistral: 'Mistral AI', alibaba: 'Alibaba (Qwen)',
    deepseek: 'DeepSeek', xai: 'xAI', cohere: 'Cohere', '01-ai': '01.AI', microsoft: 'Microsoft', zhipu: 'Zhipu (GLM)',
    moonshot: 'Moonshot (Kimi)', minimax: 'MiniMax', xiaomi: 'Xiaomi', bytedance: 'ByteDance', baidu: 'Baidu',
  };
  return known[family] ?? family;
}

/**
 * The ranking in words. `claimedFamily`: the vendor the group claims (its site's model name), when known; the
 * reading then looks beyond that vendor, which is the distillation question.
 */
export function readRanking(r: ReferenceRanking, claimedFamily?: string | null): string[] {
  const top = r.families[0];
  if (!top) return [];
  const lines: string[] = [];
  const level = pct(r.level);
  const describe = (f: (typeof r.families)[number]) =>
    `${familyName(f.family)} models (share ${f2(f.share)}, ${level} interval ${f2(f.low)}-${f2(f.high)}, n = ${r.n})`;
  lines.push(`This group's answers sit closest to ${describe(top)}; ${familyName(top.family)} ranks first in ${pct(top.first)} of ${r.resamples} resamples.`);
  if (claimedFamily) {
    const foreign = r.families.find((f) => f.family !== claimedFamily);
    const own = r.families.find((f) => f.family === claimedFamily);
    if (foreign && foreign.family !== top.family) {
      lines.push(`Beyond its own vendor, this group's answers sit closest to ${describe(foreign)}.`);
    } else if (foreign && top.family !== claimedFamily) {
      lines.push(`The group claims ${familyName(claimedFamily)} but sits closer to ${familyName(top.family)}${own ? ` (its claimed vendor's share: ${f2(own.share)}, interval ${f2(own.low)}-${f2(own.high)})` : ''}.`);
    }
  }
  if (top.first < 0.8) lines.push(`The first place is not stable: with other answers of the same kind it could go to another vendor.`);
  if (r.skipped.total > 0) lines.push(`${r.skipped.total} answer${r.skipped.total === 1 ? ' was' : 's were'} too short or not prose to attribute and ${r.skipped.total === 1 ? 'is' : 'are'} not counted.`);
  lines.push(CAVEAT);
  return lines;
}

/** The two-sample test in words. */
export function readTwoSample(t: TwoSampleResult, alpha = 0.05): string[] {
  const lines: string[] = [];
  const e = t.effect;
  const size = `effect ${f2(e.value)} (${pct(e.level)} interval ${f2(e.low)}-${f2(e.high)}; about ${f2(e.nullMean)} is expected from chance alone at these sizes)`;
  if (t.p_value <= alpha) {
    lines.push(`The two groups differ in style more than chance explains (p = ${t.p_value.toFixed(3)}, ${t.permutations} permutations; ${size}). They probably do not come from the same source, or not under the same conditions.`);
  } else {
    lines.push(`No difference beyond chance was found (p = ${t.p_value.toFixed(3)}, ${t.permutations} permutations; ${size}). That is consistent with one source, but it does not prove it.`);
  }
  if (t.differing_features.length > 0) lines.push(`Where they differ most: ${t.differing_features.slice(0, 3).map((f) => f.phrase).join('; ')}.`);
  if (t.power) lines.push(t.power);
  lines.push('A different prompt mix can make groups differ too: compare answers to similar questions where you can.');
  return lines;
}
