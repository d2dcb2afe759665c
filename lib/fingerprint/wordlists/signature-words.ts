/**
 * Words over-represented in LLM output ("slop" lists, e.g. sam-paech/slop-forensics; Wikipedia "Signs of AI
 * writing") plus transitions and debate markers. Their per-model rates differ a lot. Data, not code.
 */
export const SIGNATURE_WORDS: readonly string[] = [
  'delve', 'tapestry', 'crucial', 'vital', 'essential', 'robust', 'seamless', 'comprehensive', 'nuanced',
  'landscape', 'realm', 'intricate', 'multifaceted', 'pivotal', 'foster', 'leverage', 'navigate', 'embark',
  'testament', 'underscores', 'notably', 'moreover', 'furthermore', 'additionally', 'ultimately', 'overall',
  'importantly', 'key', 'ensure', 'enhance', 'utilize', 'various', 'significant', 'specific', 'example',
  'consider', 'note', 'remember', 'depending', 'approach', 'helpful', 'happy', 'hope', 'feel', 'free',
  'sure', 'great', 'question', 'step', 'steps', 'following', 'below', 'above', 'summary', 'conclusion',
  'opponent', 'argument', 'evidence', 'concede', 'framing', 'claim', 'point', 'data', 'precisely', 'exactly',
  'fundamentally', 'meaningful', 'real', 'actual', 'simply', 'rather', 'instead', 'whereas', 'thereby',
  'okay', 'ok', 'yes', 'no', 'well', 'look', 'thing', 'stuff', 'lot', 'pretty', 'quite', 'bit',
];
