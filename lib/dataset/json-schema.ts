/**
 * The JSON Schema of the format, generated from the valibot schemas (never written by hand):
 * `npm run dataset:schema` writes it to docs/dataset.schema.json, and tests/unit/dataset/json-schema.test.ts
 * fails when the committed file and this function disagree. Used only by that script and test (the bundle
 * ships the committed file), so @valibot/to-json-schema stays a development dependency.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { AttributionSchema, DatasetRecordSchema, FeaturesSchema, ManifestSchema, DATASET_FORMAT, DATASET_FORMAT_VERSION } from './schema';

export function datasetJsonSchema(): Record<string, unknown> {
  // `check`, `finite` and friends have no JSON Schema form: the valibot schema stays the stricter one.
  const config = { errorMode: 'ignore', definitions: { attribution: AttributionSchema, features: FeaturesSchema } } as const;
  const record = toJsonSchema(DatasetRecordSchema, config);
  const manifest = toJsonSchema(ManifestSchema, { errorMode: 'ignore' });
  const { $schema, $defs, ...recordBody } = record as Record<string, unknown>;
  const { $schema: _m, ...manifestBody } = manifest as Record<string, unknown>;
  return {
    $schema,
    title: `ModelPrint dataset record, format version ${DATASET_FORMAT_VERSION}`,
    description:
      'One sample: one line of samples.jsonl, one row of samples.parquet. manifest.json of a bundle follows $defs.manifest. Generated from lib/dataset/schema.ts; see docs/dataset-format.md.',
    ...recordBody,
    $defs: { ...($defs as object), manifest: manifestBody },
  };
}
