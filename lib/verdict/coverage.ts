/**
 * Coverage said out loud: which generations the references hold for a vendor, and whether a claimed model
 * is newer than every reference of its line, so "resembles Claude 3.5" is not read as an accusation against
 * Claude 4.7. Reads lib/verdict/data/coverage.json (written by `npm run coverage` from the corpus).
 */
import type { ResolvedClaim } from './claims';
import type { Coverage } from './coverage-build';
import json from './data/coverage.json';
import { compareVersions, parseModelVersion, versionName } from './model-versions';

export const COVERAGE = json as Coverage;

/** "Claude 2 to Claude 4.6, Claude Instant 1.2"; null for a vendor without references. */
export function vendorRange(family: string, coverage: Coverage = COVERAGE): string | null {
  return coverage.vendors[family]?.range ?? null;
}

export interface BeyondReferences {
  /** The claimed model as a version: "Claude 4.7". */
  claimed: string;
  /** The newest reference of its line: "Claude 4.6". */
  newest: string;
}

/**
 * When the page names a model of a line the references hold, at a version above the newest of them: what
 * it claims and the newest reference. Null otherwise (an older or equal version, an operator claim, a name
 * whose line or version cannot be read, a line of another vendor than the claim's).
 */
export function beyondReferences(claim: ResolvedClaim, coverage: Coverage = COVERAGE): BeyondReferences | null {
  if (claim.basis !== 'model') return null;
  const parsed = parseModelVersion(claim.raw);
  if (!parsed?.version || parsed.family !== claim.family) return null;
  const line = coverage.vendors[claim.family]?.lines.find((l) => l.line === parsed.line);
  if (!line?.to || compareVersions(parsed.version, line.to) <= 0) return null;
  return { claimed: versionName(parsed.line, parsed.version), newest: versionName(parsed.line, line.to) };
}
