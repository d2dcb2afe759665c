/**
 * English function words whose relative frequencies are the classic stylometric signal (Mosteller &
 * Wallace; Burrows' Delta uses the most frequent words, which are mostly these). Data, not code.
 */
export const FUNCTION_WORDS: readonly string[] = [
  'the', 'a', 'an', 'and', 'but', 'or', 'nor', 'of', 'to', 'in', 'for', 'with', 'on', 'at', 'by', 'from',
  'as', 'into', 'about', 'than', 'that', 'which', 'who', 'this', 'these', 'those', 'it', 'its', 'is', 'are',
  'was', 'were', 'be', 'been', 'being', 'have', 'has', 'can', 'will', 'would', 'could', 'should', 'may',
  'might', 'must', 'not', 'no', 'also', 'however', 'therefore', 'thus', 'so', 'very', 'just', 'more', 'most',
  'such', 'each', 'both', 'all', 'some', 'any', 'you', 'your', 'i', 'me', 'my', 'we', 'our', 'us', 'they',
  'their', 'he', 'she', 'if', 'when', 'while', 'because', 'there', 'here', 'what', 'how', 'why', 'do',
  'does', 'let', 'it\'s', 'don\'t', 'i\'m', 'you\'re', 'that\'s', 'here\'s', 'let\'s', 'isn\'t', 'can\'t',
];
