/** Hedging and certainty markers (rates per 1,000 words). Data, not code. */
export const HEDGES: readonly string[] = [
  'might', 'perhaps', 'possibly', 'likely', 'generally', 'typically', 'often', 'usually', 'somewhat',
  'arguably', 'potentially', 'seems', 'appears', 'approximately', 'roughly', 'probably', 'certainly',
  'definitely', 'clearly', 'obviously', 'simply', 'essentially', 'basically', 'actually', 'really',
  'indeed', 'absolutely', 'genuinely', 'honestly', 'frankly', 'truly', 'precisely', 'exactly',
];
