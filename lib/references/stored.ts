/** A custom reference as the database keeps it (store `customReferences`, database v5). */
import type { CustomReference } from './types';

export interface StoredReference {
  reference: CustomReference;
  /** Only enabled references compete in verdicts; a new build starts disabled, so the user reads its accuracy first. */
  enabled: boolean;
  addedAt: number;
  /** `built` in this browser, or `imported` from a pack. */
  origin: 'built' | 'imported';
}
