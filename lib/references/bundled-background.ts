/** The committed background (data/background.json), decoded once for this engine's feature set. */
import { FEATURE_SET_VERSION } from '../fingerprint/core';
import data from './data/background.json';
import { loadBackground, type Background } from './training-background';

let cached: Background | undefined;

export function bundledBackground(): Background {
  cached ??= loadBackground(data, FEATURE_SET_VERSION);
  return cached;
}
