/**
 * One comparison from its inputs to its documented result: the function the CLI and the dashboard's worker
 * both call, so the same answers give the same numbers in both (tests/unit/compare/cli-dashboard.test.ts).
 */
import { buildGroup, type AnswerInput, type GroupEngine } from './group';
import { rankingJson, twoSampleJson } from './json';
import { readRanking, readTwoSample } from './reading';
import { rankReferences } from './shares';
import { compareGroups } from './two-sample';
import type { CompareOptions, Group } from './types';

export interface GroupInput {
  name: string;
  answers: readonly AnswerInput[];
  /** The vendor the group claims, when known (for the reading). */
  claimedFamily?: string | null;
}

export type ComparisonResult =
  | { kind: 'ranking'; skipped: Group['skipped']; json: ReturnType<typeof rankingJson>; reading: string[] }
  | { kind: 'two-sample'; skipped: [Group['skipped'], Group['skipped']]; json: ReturnType<typeof twoSampleJson>; reading: string[] };

export function runComparison(a: GroupInput, b: GroupInput | null, engine: GroupEngine, options: CompareOptions = {}): ComparisonResult {
  const ga = buildGroup(a.name, a.answers, engine);
  if (!b) {
    const ranking = rankReferences(ga, options);
    return { kind: 'ranking', skipped: ga.skipped, json: rankingJson(ranking), reading: readRanking(ranking, a.claimedFamily) };
  }
  const gb = buildGroup(b.name, b.answers, engine);
  const result = compareGroups(ga, gb, options);
  return { kind: 'two-sample', skipped: [ga.skipped, gb.skipped], json: twoSampleJson(result), reading: readTwoSample(result) };
}
