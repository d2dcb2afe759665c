/**
 * ModelPrint fingerprint engine for Node (CLI, scripts, tests): the data-free API of core.ts, with the committed
 * signatures (data/signatures.json) installed as the defaults. Browser code imports `./core` instead.
 */
import './install-default-signatures';

export * from './core';
