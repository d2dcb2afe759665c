import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetJsonSchema } from '@/lib/dataset/json-schema';
import { FIELD_DOCS } from '@/lib/dataset/fields';
import { RECORD_FIELDS } from '@/lib/dataset/schema';

const committed = JSON.parse(readFileSync('docs/dataset.schema.json', 'utf8'));

describe('docs/dataset.schema.json', () => {
  it('is what the valibot schema generates (run `npm run dataset:schema` after changing lib/dataset/schema.ts)', () => {
    expect(committed).toEqual(datasetJsonSchema());
  });

  it('lists every record field, all required, no others', () => {
    expect(Object.keys(committed.properties)).toEqual(RECORD_FIELDS);
    expect(committed.required).toEqual(RECORD_FIELDS);
    expect(committed.additionalProperties).toBe(false);
  });
});

describe('docs/dataset-format.md', () => {
  const doc = readFileSync('docs/dataset-format.md', 'utf8');
  it.each(RECORD_FIELDS)('describes the field %s in its field table (and the card has a meaning for it)', (field) => {
    expect(doc).toMatch(new RegExp(`^\\| \`${field}\` \\|`, 'm'));
    expect(FIELD_DOCS[field].length).toBeGreaterThan(10);
  });
});
