/** Function-word profile (per 100 words): the classic authorship signal, robust to topic and to rendering. */
import { FUNCTION_WORDS } from '../wordlists/function-words';
import { wordRateFamily } from './word-rates';

export const functionWords = wordRateFamily('function-words', 1, 'fw', FUNCTION_WORDS, 100);
