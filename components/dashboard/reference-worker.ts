/**
 * The dashboard's worker for the heavy work of issue 11: building a custom reference (attribute and
 * fingerprint every answer, five cross-validated fits) and running a comparison (bootstrap, 1,000
 * permutations). Off the page's main thread, so the page stays responsive and shows progress. It reads the
 * samples itself (same origin, read-only) and the signatures from the URL the page gives.
 */
import { getSample, openModelPrintDB } from '@/lib/db';
import { FEATURE_SET_VERSION, loadSignatures, SCHEMA_VERSION, type Signatures } from '@/lib/fingerprint/core';
import { runComparison } from '@/lib/compare';
import { sampleAnswer } from '@/lib/compare/sample-answer';
import { buildFromAnswers, referenceEngine } from '@/lib/references';
import { bundledBackground } from '@/lib/references/bundled-background';
import type { Sample } from '@/lib/sample';
import type { WorkerReply, WorkerRequest } from './reference-worker-protocol';

let signatures: Promise<Signatures> | undefined;
const loadSig = (url: string) => (signatures ??= fetch(url).then((r) => r.json()).then(loadSignatures));

async function readSamples(ids: readonly string[]): Promise<Sample[]> {
  const db = await openModelPrintDB();
  try {
    const all = await Promise.all(ids.map((id) => getSample(db, id)));
    return all.filter((s): s is Sample => s !== undefined);
  } finally {
    db.close();
  }
}

const post = (reply: WorkerReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  try {
    const sig = await loadSig(req.signaturesUrl);
    if (req.type === 'build') {
      const answers = (await readSamples(req.ids)).map(sampleAnswer);
      post({ type: 'progress', done: 0, total: 1 });
      const reference = buildFromAnswers(answers, sig, bundledBackground(), {
        name: req.name,
        ...(req.family ? { family: req.family } : {}),
        onProgress: (done, total) => post({ type: 'progress', done, total }),
      });
      post({ type: 'built', reference });
    } else {
      const engine = referenceEngine(sig, req.references);
      const [a, b] = await Promise.all([readSamples(req.a.ids), req.b ? readSamples(req.b.ids) : Promise.resolve(null)]);
      const result = runComparison(
        { name: req.a.name, answers: a.map(sampleAnswer), claimedFamily: req.a.claimedFamily ?? null },
        b && req.b ? { name: req.b.name, answers: b.map(sampleAnswer) } : null,
        engine,
        req.options,
      );
      post({ type: 'compared', result, engine: { featureSetVersion: FEATURE_SET_VERSION, signatureSchema: SCHEMA_VERSION, signaturesBuilt: sig.json.build.date } });
    }
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
