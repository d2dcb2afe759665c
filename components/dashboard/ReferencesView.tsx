import { useEffect, useMemo, useState } from 'preact/hooks';
import { distinctValues } from '@/lib/dashboard/query';
import type { SampleRow } from '@/lib/dashboard/row';
import { makePack } from '@/lib/references/pack';
import { MIN_REFERENCE_SAMPLES } from '@/lib/references/build-reference';
import type { StoredReference } from '@/lib/references/stored';
import type { CustomReference } from '@/lib/references/types';
import { downloadJson } from './download';
import type { WorkerRunner } from './reference-worker-client';
import type { ReferencesApi } from './references-api';

interface Props {
  rows: SampleRow[];
  bundledLabels: string[];
  run: WorkerRunner;
  api: ReferencesApi;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const packName = (what: string) => `modelprint-signatures-${what.replace(/[^a-z0-9-]+/gi, '-')}.json`;

/** Bundled and custom references: build one from a labelled group, enable, export and import packs. */
export function ReferencesView({ rows, bundledLabels, run, api }: Props) {
  const [stored, setStored] = useState<StoredReference[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const reload = () => api.list().then(setStored, (e: unknown) => setMessage({ kind: 'error', text: String(e) }));
  useEffect(() => void reload(), [api]);

  const act = async (what: () => Promise<unknown>, ok?: string) => {
    setMessage(null);
    try {
      await what();
      if (ok) setMessage({ kind: 'ok', text: ok });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
    await reload();
  };

  const importFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await act(async () => {
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not JSON: nothing was imported`);
      }
      const ids = await api.importPack(json);
      setMessage({ kind: 'ok', text: `Imported ${ids.join(', ')} (disabled until you enable it).` });
    });
  };

  // Every stored reference was validated against this engine's feature set when it was saved or imported.
  const exportRefs = (refs: CustomReference[], what: string) => downloadJson(packName(what), makePack(refs, refs[0]!.build.featureSetVersion, 'ModelPrint dashboard'));

  return (
    <section aria-labelledby="references-heading" class="view">
      <h2 id="references-heading">References</h2>
      <p class="muted">
        Verdicts compare each answer with the bundled references and with your own enabled references, built from
        answers you labelled. Yours are marked <em>custom/…</em> wherever they appear. How they are built and how
        far to trust them: docs/signature-pack.md.
      </p>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'} data-testid="references-message">{message.text}</p>}

      <h3>Your references</h3>
      {stored === null ? <p role="status">Loading…</p> : stored.length === 0 ? <p class="muted">None yet: build one below or import a pack.</p> : (
        <div class="table-scroll">
          <table data-testid="custom-references">
            <thead><tr><th scope="col">reference</th><th scope="col">family</th><th scope="col">answers</th><th scope="col">cross-validated accuracy</th><th scope="col">enabled</th><th scope="col">actions</th></tr></thead>
            <tbody>
              {stored.map(({ reference: r, enabled, origin }) => (
                <tr key={r.id}>
                  <td>{r.id} <span class="muted">({origin})</span></td>
                  <td>{r.family}</td>
                  <td class="num">{r.build.samples}</td>
                  <td class="num">{pct(r.evaluation.accuracy)}</td>
                  <td>
                    <input type="checkbox" checked={enabled} aria-label={`Enable ${r.id}`} onChange={(e) => act(() => api.setEnabled(r.id, (e.currentTarget as HTMLInputElement).checked))} />
                  </td>
                  <td>
                    <button type="button" class="linkish" onClick={() => exportRefs([r], r.name)}>Export</button>{' '}
                    <button type="button" class="linkish" onClick={() => act(() => api.remove(r.id), `Deleted ${r.id}.`)}>Delete</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        {stored && stored.length > 0 && <><button type="button" class="button" onClick={() => exportRefs(stored.map((s) => s.reference), 'all')}>Export all as a pack</button>{' '}</>}
        <label class="button">Import a pack… <input type="file" accept="application/json,.json" data-testid="import-pack" onChange={importFile} hidden /></label>
      </p>

      <BuildReference rows={rows} run={run} onSave={(r) => act(() => api.save(r), `Saved ${r.id}; enable it to let it compete in verdicts.`)} />

      <h3>Bundled references</h3>
      <details>
        <summary>{bundledLabels.length} models from the research corpus</summary>
        <p>{bundledLabels.join(', ')}</p>
      </details>
    </section>
  );
}

function BuildReference({ rows, run, onSave }: { rows: SampleRow[]; run: WorkerRunner; onSave: (r: CustomReference) => void }) {
  const labels = useMemo(() => distinctValues(rows, (r) => r.userLabel), [rows]);
  const [label, setLabel] = useState('');
  const [name, setName] = useState('');
  const [family, setFamily] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [built, setBuilt] = useState<CustomReference | null>(null);
  const [error, setError] = useState<string | null>(null);
  const selected = rows.filter((r) => label !== '' && r.userLabel === label);
  const build = async () => {
    setError(null);
    setBuilt(null);
    setProgress({ done: 0, total: 1 });
    try {
      const reply = await run({ type: 'build', ids: selected.map((r) => r.id), name: name.trim() || label, ...(family.trim() ? { family: family.trim() } : {}) }, (done, total) => setProgress({ done, total }));
      if (reply.type !== 'built') throw new Error('unexpected reply from the worker');
      setBuilt(reply.reference);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  };
  return (
    <section aria-labelledby="build-heading">
      <h3 id="build-heading">Build a reference from your labelled answers</h3>
      <p class="muted">At least {MIN_REFERENCE_SAMPLES} answers with one label (set labels in the sample detail or when pasting). The build runs in the background of this page.</p>
      <div class="filters">
        <label for="build-label">Answers labelled</label>
        <select id="build-label" value={label} onChange={(e) => setLabel((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">Choose a label</option>
          {labels.map((o) => <option key={o.value} value={o.value}>{o.value} ({o.count})</option>)}
        </select>
        <label for="build-name">Name</label>
        <input id="build-name" value={name} placeholder={label || 'name'} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
        <label for="build-family">Vendor, if known</label>
        <input id="build-family" value={family} placeholder="e.g. openai" onInput={(e) => setFamily((e.currentTarget as HTMLInputElement).value)} />
        <button type="button" class="button" disabled={selected.length < MIN_REFERENCE_SAMPLES || progress !== null} onClick={build}>Build</button>
      </div>
      {label !== '' && selected.length < MIN_REFERENCE_SAMPLES && <p class="muted">{selected.length} answers: {MIN_REFERENCE_SAMPLES - selected.length} more needed.</p>}
      {progress && <p><label>Building… <progress data-testid="build-progress" value={progress.done} max={progress.total} /></label></p>}
      {error && <p role="alert">{error}</p>}
      {built && (
        <div class="card" data-testid="build-result">
          <p><strong>{built.id}</strong>: {built.build.samples} answers ({built.build.skipped} too short to use), cross-validated accuracy <strong data-testid="build-accuracy">{pct(built.evaluation.accuracy)}</strong> against every bundled reference.</p>
          {built.evaluation.lostTo.length > 0 && <p>Held-out answers it lost to: {built.evaluation.lostTo.slice(0, 5).map((l) => `${l.label} (${l.n})`).join(', ')}.</p>}
          <p>Answers of the bundled references it would take (p ≥ 0.5): {built.evaluation.takes.filter((t) => t.share > 0).slice(0, 5).map((t) => `${t.label} ${pct(t.share)}`).join(', ') || 'none'}.</p>
          <button type="button" class="button" onClick={() => { onSave(built); setBuilt(null); }}>Save (disabled)</button>
        </div>
      )}
    </section>
  );
}
