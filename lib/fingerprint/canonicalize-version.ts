/** Bump when canonicalize() changes its output for some input (part of the feature-set version). */
export const CANONICAL_VERSION = 2;
