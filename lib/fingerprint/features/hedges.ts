/** Hedges and certainty markers (per 1,000 words): how sure a model sounds is a habit of its tuning. */
import { HEDGES } from '../wordlists/hedges';
import { wordRateFamily } from './word-rates';

export const hedges = wordRateFamily('hedges', 1, 'hedge', HEDGES, 1000);
