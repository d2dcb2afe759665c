/** Why an answer is undetermined, in the words every page and the CLI's terminal summary use. */

/** The engine's `reason` in words. */
export function reasonText(reason: string | null): string {
  switch (reason) {
    case 'empty':
      return 'There is no text to compare.';
    case 'too-short':
      return 'Too short to tell: a few sentences are not enough to recognise a writing style.';
    case 'not-prose':
      return 'Not prose: mostly code, a table or symbols, whose style says little about the model.';
    case 'no-evidence':
      return 'No answer could be attributed yet.';
    default:
      return reason ? `Undetermined (${reason}).` : 'Undetermined.';
  }
}
