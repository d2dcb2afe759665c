import { useMemo, useState } from 'preact/hooks';
import type { ComparisonResult } from '@/lib/compare/run';
import { COMPARE_DEFAULTS } from '@/lib/compare/types';
import { describeFilter, selectRows, type GroupFilter } from '@/lib/compare/group-filter';
import type { SampleRow } from '@/lib/dashboard/row';
import { isCustomLabel } from '@/lib/references/types';
import type { StoredReference } from '@/lib/references/stored';
import { resolveClaim } from '@/lib/verdict/claims';
import { downloadJson } from './download';
import { GroupPicker } from './GroupPicker';
import { familyName } from './display-names';
import type { WorkerRunner } from './reference-worker-client';
import { SharesChart } from './SharesChart';

interface Props {
  rows: SampleRow[];
  run: WorkerRunner;
  listReferences: () => Promise<StoredReference[]>;
}

type State =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'error'; message: string }
  | { status: 'done'; result: ComparisonResult; inputs: Record<string, unknown>; engine: Record<string, unknown> };

/** Compare one group with every reference, or two groups with each other (issue 11). */
export function CompareView({ rows, run, listReferences }: Props) {
  const [a, setA] = useState<GroupFilter>({});
  const [b, setB] = useState<GroupFilter>({});
  const [against, setAgainst] = useState<'references' | 'group'>('references');
  const [state, setState] = useState<State>({ status: 'idle' });
  const rowsA = useMemo(() => selectRows(rows, a), [rows, a]);
  const rowsB = useMemo(() => selectRows(rows, b), [rows, b]);

  const compare = async () => {
    setState({ status: 'running' });
    try {
      const references = (await listReferences()).filter((r) => r.enabled).map((r) => r.reference);
      const claimedFamily = a.claimed ? resolveClaim({ raw: a.claimed, source: 'message' })?.family ?? null : null;
      const options = { seed: COMPARE_DEFAULTS.seed, permutations: COMPARE_DEFAULTS.permutations, resamples: COMPARE_DEFAULTS.resamples };
      const reply = await run({
        type: 'compare',
        a: { name: 'group A', ids: rowsA.map((r) => r.id), claimedFamily },
        b: against === 'group' ? { name: 'group B', ids: rowsB.map((r) => r.id) } : null,
        references,
        options,
      });
      if (reply.type !== 'compared') throw new Error('unexpected reply from the worker');
      const inputs = {
        a: { filter: a, description: describeFilter(a), selected: rowsA.length },
        b: against === 'group' ? { filter: b, description: describeFilter(b), selected: rowsB.length } : 'all references',
        customReferences: references.map((r) => ({ id: r.id, builtAt: r.build.builtAt, samples: r.build.samples })),
        options,
      };
      setState({ status: 'done', result: reply.result, inputs, engine: reply.engine });
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const exportResult = () => {
    if (state.status !== 'done') return;
    downloadJson(`modelprint-comparison-${new Date().toISOString().slice(0, 10)}.json`, {
      format: 'modelprint-comparison',
      version: 1,
      createdAt: new Date().toISOString(),
      engine: state.engine,
      inputs: state.inputs,
      result: state.result.json,
      reading: state.result.reading,
    });
  };

  const tooFew = rowsA.length < (against === 'group' ? 2 : 1) || (against === 'group' && rowsB.length < 2);
  return (
    <section aria-labelledby="compare-heading" class="view">
      <h2 id="compare-heading">Compare</h2>
      <p class="muted">
        Which reference models does a group of answers sit closest to, and do two groups come from the same source?
        Style resemblance is evidence to weigh, not proof. Methods and measured error rates: docs/comparison.md.
      </p>
      <GroupPicker id="a" legend="Group A" rows={rows} filter={a} onChange={setA} count={rowsA.length} />
      <fieldset class="segmented">
        <legend>Compare group A with</legend>
        <label><input type="radio" name="against" checked={against === 'references'} onChange={() => setAgainst('references')} /> every reference</label>
        <label><input type="radio" name="against" checked={against === 'group'} onChange={() => setAgainst('group')} /> group B</label>
      </fieldset>
      {against === 'group' && <GroupPicker id="b" legend="Group B" rows={rows} filter={b} onChange={setB} count={rowsB.length} />}
      <p>
        <button type="button" class="button" onClick={compare} disabled={tooFew || state.status === 'running'}>Compare</button>{' '}
        {state.status === 'running' && <span role="status">Comparing… (in the background, the page stays usable)</span>}
      </p>
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'done' && <CompareResult result={state.result} onExport={exportResult} />}
    </section>
  );
}

function CompareResult({ result, onExport }: { result: ComparisonResult; onExport: () => void }) {
  return (
    <section aria-label="Comparison result" data-testid="compare-result">
      {result.reading.map((line, i) => <p key={i} data-testid="compare-reading">{line}</p>)}
      {result.kind === 'ranking' ? (
        <>
          <SharesChart title={`Families, n = ${result.json.n}`} entries={result.json.families.slice(0, 8).map((f) => ({ key: f.family, label: familyName(f.family), ...f }))} />
          <div class="table-scroll">
            <table data-testid="compare-references">
              <caption>Reference models by share (top 10)</caption>
              <thead><tr><th scope="col">model</th><th scope="col">family</th><th scope="col">share</th><th scope="col">95% interval</th><th scope="col">first in</th></tr></thead>
              <tbody>
                {result.json.references.slice(0, 10).map((r) => (
                  <tr key={r.label}>
                    <td>{r.label}{isCustomLabel(r.label) && <span class="muted"> (your own)</span>}</td>
                    <td>{familyName(r.family)}</td>
                    <td class="num">{r.share.toFixed(3)}</td>
                    <td class="num">{r.low.toFixed(3)}–{r.high.toFixed(3)}</td>
                    <td class="num">{Math.round(r.first * 100)}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <dl class="facts" data-testid="compare-test">
          <dt>answers</dt><dd>{result.json.n_a} and {result.json.n_b}</dd>
          <dt>p-value</dt><dd data-testid="compare-p">{result.json.p_value.toFixed(4)} ({result.json.permutations} permutations, seed {result.json.seed})</dd>
          <dt>effect</dt><dd>{result.json.effect.value.toFixed(3)} (95% interval {result.json.effect.low.toFixed(3)}–{result.json.effect.high.toFixed(3)}; chance level {result.json.effect.chance.toFixed(3)})</dd>
          <dt>differs most in</dt>
          <dd><ul>{result.json.differing_features.map((f) => <li key={f.feature}>{f.phrase}</li>)}</ul></dd>
        </dl>
      )}
      <p><button type="button" class="button" onClick={onExport}>Export this comparison</button></p>
    </section>
  );
}
