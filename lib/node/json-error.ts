/**
 * Says in plain words why a JSONL line is not valid JSON, with the column where the parser stopped, instead
 * of V8's message (which quotes a fragment of the line and varies between Node versions).
 */

/** V8's messages, by what the writer of the file most likely did wrong. */
const CAUSES: Array<[RegExp, string]> = [
  [/Unexpected end of JSON input|Unterminated string/i, 'the record stops before it is complete (a closing quote, brace or bracket is missing)'],
  [/after JSON/i, 'there is more text after the end of the record (two records on one line?)'],
  [/Bad control character|Bad escaped character/i, 'a string holds a raw line break, tab or a bad backslash escape (write \\n, \\t or \\\\)'],
  [/property name/i, 'a field name is not in double quotes, or a comma is left before a closing brace'],
  [/after property value|after array element/i, 'a comma or closing brace is missing between fields'],
  [/Unexpected token/i, 'it has a character that JSON does not allow there (a trailing comma, a single quote, a bare word?)'],
];

function columnOf(message: string, line: string): number | null {
  const m = /position (\d+)/.exec(message);
  if (m) return Number(m[1]) + 1;
  if (/end of JSON input/i.test(message)) return line.length + 1;
  return null;
}

/** "not valid JSON: <cause> (column N)" for the line `line` that JSON.parse rejected with `error`. */
export function describeJsonError(error: unknown, line: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = CAUSES.find(([pattern]) => pattern.test(message))?.[1] ?? 'it is not a JSON object';
  const column = columnOf(message, line);
  return `not valid JSON: ${cause}${column ? ` (column ${column})` : ''}`;
}
