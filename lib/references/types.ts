/** A custom reference: the user's own labelled group, turned into a label that competes with the bundled ones. */
import type { Standardization } from './features';

/** Custom labels are named `custom/<name>` everywhere (verdicts, CLI output), which marks them as the user's own. */
export const CUSTOM_PREFIX = 'custom/';

export const isCustomLabel = (label: string | null | undefined): boolean => typeof label === 'string' && label.startsWith(CUSTOM_PREFIX);

export interface CustomReference {
  /** `custom/<name>`: the label verdicts show. */
  id: string;
  name: string;
  /** A bundled family when the user knows the vendor (its share then counts towards that vendor), else the id. */
  family: string;
  standardization: Standardization;
  model: {
    weights: number[];
    bias: number;
    /** Platt scaling fitted on cross-validated scores: odds of this label vs the bundled ones = exp(a·s + b). */
    calibration: { a: number; b: number };
  };
  build: {
    builtAt: string;
    featureSetVersion: string;
    /** Answers used, answers left out (too short / not prose) and where the answers came from (site, file...). */
    samples: number;
    skipped: number;
    sources: Record<string, number>;
    folds: number;
    seed: number;
    /** What it was trained against. */
    background: { answers: number; labels: number; corpusSha256: string | null };
  };
  /** Cross-validated on the group's own answers and the background, before the user enables it. */
  evaluation: {
    /** Share of held-out answers of the group on which this reference ranks first against every bundled label. */
    accuracy: number;
    n: number;
    /** Held-out answers of the group that a bundled label won instead, by label. */
    lostTo: Array<{ label: string; n: number }>;
    /** Per bundled label, the share of its background answers this reference would take with p ≥ 0.5. */
    takes: Array<{ label: string; share: number }>;
  };
}
