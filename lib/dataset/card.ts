/**
 * The bundle's README.md: a dataset card for someone who has never heard of ModelPrint. What was collected
 * and how, the fields, what is in it, with which engine, what was left out, how to load it, and what a
 * verdict is (style resemblance) and is not (proof).
 */
import { FIELD_DOCS } from './fields';
import { parquetTypeOf } from './parquet';
import { RECORD_FIELDS, type DatasetManifest } from './schema';

function countTable(title: string, counts: Record<string, number>): string {
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (rows.length === 0) return `${title}: none.\n`;
  return [`| ${title} | samples |`, '|---|---:|', ...rows.map(([k, n]) => `| ${k.replace(/\|/g, '\\|')} | ${n} |`)].join('\n') + '\n';
}

function privacyLines(m: DatasetManifest): string {
  const p = m.privacy;
  const lines = [
    p.omitPrompts ? '- Prompts were **left out** (`prompt` is null).' : '- Prompts are included.',
    p.omitTexts
      ? '- Answer and reasoning texts were **left out** (`text`, `reasoning` are null); features and verdicts stay.'
      : '- Answer and reasoning texts are included (where they were kept when recorded).',
    p.omitUrls ? '- Page addresses were **left out** (`url` is null).' : '- Page addresses are included.',
    p.hashConversationIds
      ? '- Conversation ids were **replaced by salted SHA-256 hashes** (the salt was not kept), also inside `id`: answers of one conversation still share one value.'
      : '- Conversation ids are included as the sites gave them.',
  ];
  return lines.join('\n');
}

export function datasetCard(m: DatasetManifest): string {
  const fields = RECORD_FIELDS.map((f) => `| \`${f}\` | ${parquetTypeOf(f).toLowerCase()} | ${FIELD_DOCS[f]} |`).join('\n');
  return `# ${m.name}

${m.counts.samples} answers of AI chatbots, recorded with ModelPrint ${m.modelprintVersion} and exported on ${m.exportedAt}.

## What this is

ModelPrint is an open-source browser extension. While its user chats with an AI chatbot (ChatGPT, Claude,
Gemini, …) it reads each completed answer from the page, on the user's own computer, and stores it with the
prompt it replies to, the model name the page claims, and a *verdict*: which known language model the
answer's writing style most resembles, with calibrated probabilities. Answers can also be pasted by hand
(site \`manual\`) or built from any file of answers with \`modelprint dataset from\`. Nothing was sent
anywhere while recording; this file exists because its owner exported it.

**A verdict is style resemblance, not proof.** It compares habits of punctuation, structure and wording with
reference signatures of ${m.engineVersion ? `known models (engine \`${m.engineVersion}\`)` : 'known models'}. One short
answer is weak evidence; many answers pooled are stronger. A site may run a model that is not among the
references, or one that imitates another's style.

Scope: ${m.scope === 'all' ? 'every sample of the exporting browser' : `the samples matching these filters: ${Object.entries(m.filters ?? {}).map(([k, v]) => `${k} = ${v}`).join(', ')}`}.
Feature set version ${m.featureSetVersion ?? 'unknown'}, reference signatures of ${m.signaturesDate ?? 'unknown date'}.
${m.features ? 'Each sample carries its named feature vector (`features`).' : 'Feature vectors were not included (`features` is null unless the text was not kept).'}

## Privacy options used

${privacyLines(m)}

## Contents

- \`samples.jsonl\`: one sample per line (JSON Lines, UTF-8).
- \`samples.parquet\`: the same records, typed columns.
- \`manifest.json\`: versions, counts, filters, privacy options, SHA-256 of each data file.
- \`schema.json\`: JSON Schema of one record.

${countTable('site', m.counts.bySite)}
${countTable('claimed model', m.counts.byClaimedModel)}
## Fields

| field | type | meaning |
|---|---|---|
${fields}

Timestamps are UTC: ISO 8601 strings in JSONL, TIMESTAMP (milliseconds) in Parquet.

## Loading

\`\`\`python
import pandas as pd
df = pd.read_json("samples.jsonl", lines=True)   # or: pd.read_parquet("samples.parquet")
\`\`\`

\`\`\`sql
SELECT site, verdictFamily, count(*) FROM read_parquet('samples.parquet') GROUP BY ALL;   -- DuckDB
SELECT * FROM read_json_auto('samples.jsonl');
\`\`\`

Spark: \`spark.read.parquet("samples.parquet")\`. The format is described in ModelPrint's
\`docs/dataset-format.md\` (format \`${m.format}\`, version ${m.formatVersion}).
`;
}
