/** Index of the largest value (the first on ties); 0 for an empty array. */
export function argmax(l: ArrayLike<number>): number {
  let top = 0;
  for (let c = 1; c < l.length; c++) if (l[c]! > l[top]!) top = c;
  return top;
}
