/** Signature ("slop") words and transitions (per 1,000 words). */
import { SIGNATURE_WORDS } from '../wordlists/signature-words';
import { wordRateFamily } from './word-rates';

export const signatureWords = wordRateFamily('signature-words', 1, 'sig', SIGNATURE_WORDS, 1000);
