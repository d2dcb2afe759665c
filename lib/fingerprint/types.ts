/** Shared types of the fingerprint engine. Pure data: no DOM, no browser APIs. */

export interface ModelScore { model: string; family: string; p: number }
export interface FamilyScore { family: string; p: number }

export interface Attribution {
  /**
   * The headline model: the label with the highest p *within* `family` (corpus `label`), null when
   * undetermined. Always a label of `family`, even when a label of another family has a higher p alone.
   */
  model: string | null;
  /** Top family (corpus `family`, highest summed p), null when undetermined. */
  family: string | null;
  /** p of the headline model (0..1), 0 when undetermined. */
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

/** One vendor among the answers of a mixed group (see PooledAttribution.components). */
export interface PoolComponent {
  family: string;
  /** The label of this family with the highest pooled p. */
  model: string;
  /** Share of the determined answers whose top family is this one (0..1). */
  share: number;
  /** How many determined answers have this top family. */
  answers: number;
}

export interface PooledAttribution extends Attribution {
  /** Number of answers that were pooled (undetermined answers are not counted). */
  n: number;
  /**
   * True when the answers point to different vendors: at least two families are each the top family of a
   * sizeable share of the answers and none has a clear majority (pool.ts). The headline is then only the
   * strongest of `components`, not a verdict on the group.
   */
  mixed: boolean;
  /** The two or three vendors of a mixed group, largest share first; empty when not mixed. */
  components: PoolComponent[];
}

export interface CorpusRecord {
  id?: string;
  text: string;
  label: string;
  family: string;
  task?: string;
  /** chat, debate, puzzle, writing, writing-fi, writing-zh, creative, essay (corpus.ts derives it for v1 lines). */
  genre?: string;
  prompt_id?: string;
  prompt_set?: string;
  model?: string;
  meta?: any;
}

/** Splits text into word tokens. Injectable so callers can swap segmentation (e.g. for tests). */
export type Tokenizer = (text: string) => string[];
