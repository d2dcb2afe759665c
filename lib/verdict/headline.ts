/**
 * The headline of an attribution: the vendor shown and the model shown, which must belong to that vendor.
 * Every page (popup, side panel, dashboard rows and cards) takes its headline from here, so none recombines
 * the two differently ("Closest vendor: OpenAI. Closest model: glm" was the bug).
 *
 * The engine names `family` and, within it, `model`. A verdict stored by an older engine may name a top
 * model of another vendor; the headline then shows the most probable model of the vendor shown.
 */
import type { Attribution } from './types';

export interface Headline {
  family: string;
  /** Probability of the vendor (all its models together). */
  familyP: number;
  /** A model of `family`. */
  model: string;
  /** Probability of that model. */
  modelP: number;
}

/** Null when the attribution is undetermined. */
export function headlineOf(a: Attribution): Headline | null {
  if (a.undetermined || !a.family) return null;
  const family = a.family;
  const familyP = a.families.find((f) => f.family === family)?.p ?? 0;
  const named = a.models.find((m) => m.model === a.model);
  const model = named?.family === family ? named : a.models.find((m) => m.family === family);
  if (!model) return a.model ? { family, familyP, model: a.model, modelP: a.confidence } : null;
  return { family, familyP, model: model.model, modelP: model.p };
}
