/** Installs the committed signatures (data/signatures.json) as the defaults, decoded on first use (Node side). */
import data from './data/signatures.json';
import { setDefaultSignatures } from './default-signatures';
import { loadSignatures } from './signatures';

setDefaultSignatures(() => loadSignatures(data));
