/**
 * Signature packs: custom references as versioned, validated JSON (docs/signature-pack.md, JSON Schema in
 * docs/signature-pack.schema.json). A pack is read whole or refused whole: nothing is imported from a pack
 * with one bad reference, and a pack of another feature set is refused with a message that says so.
 */
import * as v from 'valibot';
import type { CustomReference } from './types';
import { CUSTOM_PREFIX } from './types';

export const PACK_FORMAT = 'modelprint-signature-pack';
export const PACK_VERSION = 1;

const finite = v.pipe(v.number(), v.finite());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const share = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

const ReferenceSchema = v.pipe(
  v.object({
    id: v.pipe(v.string(), v.startsWith(CUSTOM_PREFIX, `a custom reference id starts with "${CUSTOM_PREFIX}"`), v.minLength(CUSTOM_PREFIX.length + 1), v.maxLength(120)),
    name: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
    family: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
    standardization: v.object({
      names: v.pipe(v.array(v.string()), v.minLength(1)),
      mean: v.array(finite),
      sd: v.array(v.pipe(finite, v.minValue(0))),
      zClip: v.pipe(finite, v.minValue(0.1)),
    }),
    model: v.object({
      weights: v.array(finite),
      bias: finite,
      calibration: v.object({ a: finite, b: finite }),
    }),
    build: v.object({
      builtAt: v.string(),
      featureSetVersion: v.string(),
      samples: count,
      skipped: count,
      sources: v.record(v.string(), count),
      folds: count,
      seed: finite,
      background: v.object({ answers: count, labels: count, corpusSha256: v.nullable(v.string()) }),
    }),
    evaluation: v.object({
      accuracy: share,
      n: count,
      lostTo: v.array(v.object({ label: v.string(), n: count })),
      takes: v.array(v.object({ label: v.string(), share })),
    }),
  }),
  v.check((r) => {
    const d = r.standardization.names.length;
    return r.standardization.mean.length === d && r.standardization.sd.length === d && r.model.weights.length === d;
  }, 'standardization.mean, standardization.sd and model.weights must have one number per feature name'),
);

export const PackSchema = v.object({
  format: v.literal(PACK_FORMAT),
  packVersion: v.literal(PACK_VERSION),
  featureSetVersion: v.string(),
  createdAt: v.string(),
  tool: v.string(),
  references: v.pipe(
    v.array(ReferenceSchema),
    v.minLength(1, 'a pack holds at least one reference'),
    v.check((refs) => new Set(refs.map((r) => r.id)).size === refs.length, 'two references in the pack have the same id'),
  ),
});

export type SignaturePack = v.InferOutput<typeof PackSchema>;

export class PackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackError';
  }
}

export function makePack(references: readonly CustomReference[], featureSetVersion: string, tool: string, now = new Date()): SignaturePack {
  return { format: PACK_FORMAT, packVersion: PACK_VERSION, featureSetVersion, createdAt: now.toISOString(), tool, references: references.map((r) => structuredClone(r)) };
}

/**
 * Validates a parsed pack for this engine. Throws a {@link PackError} naming the problem: not a pack, a pack
 * version this ModelPrint does not read, another feature set, or a field that fails the schema.
 */
export function parsePack(input: unknown, featureSetVersion: string): SignaturePack {
  if (typeof input !== 'object' || input === null || (input as { format?: unknown }).format !== PACK_FORMAT) {
    throw new PackError(`not a ModelPrint signature pack (expected "format": "${PACK_FORMAT}")`);
  }
  const version = (input as { packVersion?: unknown }).packVersion;
  if (version !== PACK_VERSION) throw new PackError(`pack version ${JSON.stringify(version)} is not one this ModelPrint reads (it reads ${PACK_VERSION})`);
  const fsv = (input as { featureSetVersion?: unknown }).featureSetVersion;
  if (fsv !== featureSetVersion) {
    throw new PackError(
      `the pack was built with feature set ${JSON.stringify(fsv)}, but this ModelPrint computes "${featureSetVersion}": its references would score the wrong numbers. Rebuild them from their answers with this version.`,
    );
  }
  const result = v.safeParse(PackSchema, input);
  if (!result.success) {
    const issue = result.issues[0]!;
    const path = v.getDotPath(issue);
    throw new PackError(`invalid signature pack${path ? ` at ${path}` : ''}: ${issue.message}`);
  }
  for (const r of result.output.references) {
    if (r.build.featureSetVersion !== featureSetVersion) throw new PackError(`reference ${r.id} was built with another feature set than its pack says`);
  }
  return result.output;
}

/** Reads pack text (a file's contents): JSON errors become a PackError too. */
export function readPackText(text: string, featureSetVersion: string): SignaturePack {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PackError(`not JSON: ${(error as Error).message}`);
  }
  return parsePack(json, featureSetVersion);
}
