/** Shared types of the fingerprint engine. Pure data: no DOM, no browser APIs. */

export interface ModelScore { model: string; family: string; p: number }
export interface FamilyScore { family: string; p: number }

export interface Attribution {
  /** Top model label (corpus `label`), null when undetermined. */
  model: string | null;
  /** Top family (corpus `family`), null when undetermined. */
  family: string | null;
  /** p of the top model (0..1), 0 when undetermined. */
  confidence: number;
  undetermined: boolean;
  /** 'empty' | 'too-short' | 'not-prose' | 'no-evidence' when undetermined, otherwise null. */
  reason: string | null;
  /** Every known label, sorted by p desc; ps sum to 1 (present even when undetermined). */
  models: ModelScore[];
  /** Every known family, sorted by p desc; ps sum to 1. */
  families: FamilyScore[];
  /** A few plain-language sentences on what separates the top model from the runner-up. */
  explanation: string[];
}

export interface PooledAttribution extends Attribution {
  /** Number of answers that were pooled (undetermined answers are not counted). */
  n: number;
  /** True when the pooled answers point to different vendors: the UI then shows `components`, not one vendor. */
  mixed: boolean;
  /** The vendors the answers point to, largest share first (2-3 of them); empty when not mixed. */
  components: Array<{ family: string; model: string; share: number; answers: number }>;
}

export interface CorpusRecord {
  id?: string;
  text: string;
  label: string;
  family: string;
  task?: string;
  prompt_id?: string;
  prompt_set?: string;
  model?: string;
  meta?: any;
}

/** Splits text into word tokens. Injectable so callers can swap segmentation (e.g. for tests). */
export type Tokenizer = (text: string) => string[];
