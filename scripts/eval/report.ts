/** The markdown sections of docs/evaluation.md, from the figures the evaluation collected. */
import { GENRES } from '../../lib/fingerprint/corpus';
import { meanConfusion, similarityFromConfusion } from '../../lib/fingerprint/model/confusion';
import type { Signatures } from '../../lib/fingerprint/signatures';
import { accuracy, calibration, eceOf, headlineModelAccuracy, markdownTable, pct } from '../corpus-metrics';
import type { Prediction } from '../corpus-metrics';
import type { FieldAnswer, FieldPage } from './field-check';
import { MIX_SIZE, POOL_SIZES } from './pooled';
import type { PoolFigures } from './pooled';

export const GENRES_2025 = ['puzzle', 'writing', 'writing-fi', 'writing-zh', 'creative', 'essay'];
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
const inGenres = (ps: Prediction[], gs: string[]) => ps.filter((p) => gs.includes(p.genre));
const vendorTop1 = (ps: Prediction[]) => accuracy(ps, 'familyRank', 1);

export function genreTable(ps: Prediction[]): string {
  const row = (name: string, sel: Prediction[]) => {
    const ece = eceOf(sel);
    return [name, sel.length, pct(vendorTop1(sel)), pct(accuracy(sel, 'familyRank', 3)), pct(headlineModelAccuracy(sel)), pct(accuracy(sel, 'modelRank', 3)), pct(sel.filter((p) => p.undetermined).length / Math.max(1, sel.length)), f3(ece.family), f3(ece.model)];
  };
  return markdownTable(['genre', 'n', 'vendor top-1', 'vendor top-3', 'model top-1', 'model top-3', 'undetermined', 'ECE vendor', 'ECE model'], [
    ...GENRES.map((g) => row(g, ps.filter((p) => p.genre === g))).filter((r) => (r[1] as number) > 0),
    row('2025 genres (puzzle … essay)', inGenres(ps, GENRES_2025)),
    row('all', ps),
  ]);
}

export function logoTable(logo: Prediction[], cv: Prediction[]): string {
  const rows = GENRES.map((g) => {
    const sel = logo.filter((p) => p.genre === g);
    return [g, sel.length, pct(vendorTop1(sel)), pct(headlineModelAccuracy(sel)), pct(vendorTop1(cv.filter((p) => p.genre === g)))];
  }).filter((r) => (r[1] as number) > 0);
  const mean = rows.reduce((s, r) => s + parseFloat(String(r[2])), 0) / Math.max(1, rows.length);
  rows.push(['all (answers pooled)', logo.length, pct(vendorTop1(logo)), pct(headlineModelAccuracy(logo)), pct(vendorTop1(cv))]);
  rows.push(['mean over genres', '', `${mean.toFixed(1)}%`, '', '']);
  return markdownTable(['left-out genre', 'n', 'vendor top-1', 'model top-1', 'vendor top-1 when the genre is trained (CV)'], rows);
}

/** Recall of each vendor over the 2025 genres, with how many training answers it has there. */
export function vendorRecall(ps: Prediction[], sig: Signatures, trainCount: Map<string, number>): { table: string; weakest: number; judged: number } {
  const sel = inGenres(ps, GENRES_2025);
  let weakest = 1, judged = 0;
  const rows = sig.families.map((f, fi) => {
    const mine = sel.filter((p) => p.family === fi);
    const n = trainCount.get(f) ?? 0;
    const recall = mine.filter((p) => p.familyRank === 0).length / Math.max(1, mine.length);
    if (n >= 100 && mine.length > 0) { weakest = Math.min(weakest, recall); judged++; }
    return [f, n, mine.length, mine.length ? pct(recall) : '–', n >= 100 ? (recall >= 0.6 ? 'yes' : 'no') : 'not judged'];
  }).filter((r) => (r[2] as number) > 0);
  return { table: markdownTable(['vendor', 'answers in the 2025 genres', 'scored', 'recall', '≥ 60%'], rows), weakest, judged };
}

export function poolTable(pf: PoolFigures): string {
  return markdownTable(['answers per group', 'groups', 'vendor top-1', 'model top-1', 'mean vendor confidence', 'ECE vendor', 'ECE model', 'highest confidence', 'flagged mixed', 'chat-only groups: vendor top-1'], POOL_SIZES.map((n) => {
    const s = pf.bySize[n]!;
    const k = s.familyOk.length;
    return [n, k, pct(s.familyOk.filter(Boolean).length / k), pct(s.modelOk.filter(Boolean).length / k), f3(s.familyConf.reduce((a, b) => a + b, 0) / k),
      f3(calibration(s.familyConf, s.familyOk).ece), f3(calibration(s.modelConf, s.modelOk).ece), f3(Math.max(...s.familyConf)), pct(s.mixed / k), pct(s.chat.familyOk / s.chat.n)];
  }));
}

export function mixedTable(pf: PoolFigures): string {
  const m = pf.mixedGroups;
  return markdownTable(['groups', 'flagged mixed', 'both vendors named (components, or the headline when not flagged)', 'headline vendor no answer ranked first', 'mean vendor confidence'],
    [[m.n, pct(m.flagged / m.n), pct(m.bothNamed / m.n), pct(m.headlineUnvoted / m.n), f3(m.confidence.reduce((a, b) => a + b, 0) / m.n)]]) +
    `\n\nEach group: ${MIX_SIZE / 2} determined test answers of one label and ${MIX_SIZE / 2} of a label of another vendor.`;
}

export function evidenceTable(ps: Prediction[], bounds: number[]): string {
  const rows = bounds.map((lo, j) => {
    const hi = bounds[j + 1] ?? Infinity;
    const sel = ps.filter((p) => p.words >= lo && p.words < hi);
    const share = (s: string) => pct(sel.filter((p) => p.strength === s).length / Math.max(1, sel.length));
    return [`${lo}–${hi === Infinity ? '∞' : hi - 1}`, sel.length, pct(vendorTop1(sel)), pct(headlineModelAccuracy(sel)), pct(sel.filter((p) => p.undetermined).length / Math.max(1, sel.length)), share('weak'), share('moderate'), share('strong')];
  });
  const byStrength = (['weak', 'moderate', 'strong'] as const).map((s) => {
    const sel = ps.filter((p) => p.strength === s);
    return [s, sel.length, pct(vendorTop1(sel)), pct(headlineModelAccuracy(sel))];
  });
  return markdownTable(['words', 'n', 'vendor top-1', 'model top-1', 'undetermined', 'weak', 'moderate', 'strong'], rows) + '\n\n' +
    markdownTable(['evidence label', 'answers', 'vendor top-1', 'model top-1'], byStrength);
}

export function reliabilityTable(ps: Prediction[]): string {
  const det = ps.filter((p) => !p.undetermined);
  const cal = calibration(det.map((p) => p.familyConfidence), det.map((p) => p.headFamily === p.family));
  return markdownTable(['vendor confidence', 'n', 'mean confidence', 'accuracy'], cal.table.filter((b) => b.n > 0).map((b) => [`${b.lo.toFixed(1)}–${b.hi.toFixed(1)}`, b.n, b.conf.toFixed(3), b.acc.toFixed(3)]));
}

export function familyConfusion(ps: Prediction[], sig: Signatures): string {
  const F = sig.families;
  const m = F.map(() => F.map(() => 0));
  for (const p of ps) m[p.family]![p.headFamily]!++;
  return markdownTable(['true \\ named', ...F.map((_, i) => String(i + 1))], m.map((r, i) => [`${i + 1} ${F[i]}`, ...r.map((x) => (x === 0 ? '' : String(x)))]).filter((_, i) => m[i]!.some((x) => x > 0)));
}

export function fieldTables(field: { pages: FieldPage[]; answers: FieldAnswer[] }): string {
  const sites = [...new Set(field.pages.map((p) => p.site))];
  const rows = sites.map((site) => {
    const pages = field.pages.filter((p) => p.site === site);
    const as = field.answers.filter((a) => a.site === site);
    const op = as[0]?.operator ?? (site === 'perplexity' ? null : undefined);
    const det = as.filter((a) => a.family !== null);
    const agree = det.filter((a) => a.family === op).length;
    const named = [...new Set(det.map((a) => a.family))].map((f) => `${f} ${det.filter((a) => a.family === f).length}`).join(', ');
    return [site, op ?? 'many vendors (reported apart)', pages.length, as.length, det.length, op ? `${agree}/${det.length}` : '–', named || '–'];
  });
  const pageRows = field.pages.map((p) => {
    const as = field.answers.filter((a) => a.site === p.site && a.page === p.page);
    return [`${p.site}/${p.page}`, p.answers, p.error ?? as.map((a) => (a.family ? `${a.family}/${a.model} ${a.confidence.toFixed(2)} (${a.words} words, ${a.strength})` : `undetermined (${a.words} words)`)).join('; ')];
  });
  return markdownTable(['site', 'operator', 'pages', 'answers captured', 'determined', 'vendor = operator', 'vendors named'], rows) + '\n\n' +
    markdownTable(['page', 'answers', 'each answer: vendor/model confidence (words, evidence)'], pageRows);
}

/** Model-to-model similarity of the held-out predictions (the build's own formula, on the test folds). */
export function similarityTable(ps: Prediction[], sig: Signatures): string {
  const L = sig.labels;
  const sim = similarityFromConfusion(meanConfusion(ps.map((p) => p.p), ps.map((p) => p.label), L.length));
  return markdownTable(['', ...L.map((_, i) => String(i + 1))], sim.map((r, i) => [`${i + 1} ${L[i]}`, ...r.map((x, j) => (i === j ? '·' : x >= 0.1 ? x.toFixed(2) : ''))]));
}
