/**
 * `classify` on a terminal: a few lines a person reads per answer instead of a JSON line. The same numbers as
 * the JSON output (docs/cli.md), worded as the extension's popup words them (lib/verdict/vendor-names.ts,
 * lib/verdict/reason-text.ts, lib/display-numbers.ts).
 */
import type { Attribution, PooledAttribution } from '../lib/fingerprint';
import { formatPercent } from '../lib/display-numbers';
import { reasonText } from '../lib/verdict/reason-text';
import { familyName } from '../lib/verdict/vendor-names';

/** How many runner-up vendors and reasons a summary shows. */
const RUNNERS_UP = 2;
const REASONS = 3;

export function humanSummary(id: string | number, result: Attribution | PooledAttribution): string {
  const head = 'n' in result ? `${id} (pooled, ${result.n} answer${result.n === 1 ? '' : 's'} with evidence)` : String(id);
  if (result.undetermined || !result.family || !result.model) {
    return `${head}\n  undetermined: ${reasonText(result.reason ?? null)}\n`;
  }
  const model = result.models.find((m) => m.model === result.model);
  const lines = [
    head,
    `  closest vendor: ${familyName(result.family)} (${formatPercent(result.families[0]?.p ?? result.confidence, 'en')})` +
      `, closest model: ${result.model} (${formatPercent(model?.p ?? result.confidence, 'en')})`,
  ];
  const others = result.families.slice(1, 1 + RUNNERS_UP).map((f) => `${familyName(f.family)} ${formatPercent(f.p, 'en')}`);
  if (others.length) lines.push(`  then: ${others.join(', ')}`);
  for (const reason of result.explanation.slice(0, REASONS)) lines.push(`  - ${reason}`);
  return lines.join('\n') + '\n';
}
