/** `npm run dataset:schema`: writes docs/dataset.schema.json from the valibot schema (lib/dataset/schema.ts). */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetJsonSchema } from '../lib/dataset/json-schema';

const out = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/dataset.schema.json');
writeFileSync(out, `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
