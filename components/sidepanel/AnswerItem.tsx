import { useState } from 'preact/hooks';
import type { Sample } from '@/lib/sample';
import { previewOf } from '@/lib/sample-listing';
import { sampleWords } from '@/lib/verdict/conversation';
import { headlineOf } from '@/lib/verdict/headline';
import { formatPercent } from '@/lib/display-numbers';
import { reasonText } from '@/lib/verdict/reason-text';
import { familyName } from '@/lib/verdict/vendor-names';
import { VerdictView } from '../verdict/VerdictView';
import { PageText } from '../PageText';

/** How much of the prompt (or, without one, of the answer) names an answer in the list. */
const TITLE_CHARS = 90;

/**
 * What the answer replied to, so answers recorded at the same minute can be told apart: the prompt, else
 * the answer's first words in quotes, else its number.
 */
export function answerTitle(sample: Sample, index: number): string {
  if (sample.prompt.trim()) return previewOf(sample.prompt, TITLE_CHARS);
  if (!sample.textDropped && sample.text.trim()) return `“${previewOf(sample.text, TITLE_CHARS)}”`;
  return `Answer ${index}`;
}

/** One answer of the conversation: its verdict in a line, the text and the full verdict on demand. */
export function AnswerItem({ sample, index }: { sample: Sample; index: number }) {
  // The full verdict (bars for every family and model) is drawn when the answer is opened: drawn for all
  // 2,000 answers of a long conversation, it took the panel minutes and a gigabyte (issue 15, failure 1).
  const [open, setOpen] = useState(false);
  const a = sample.verdict?.attribution;
  const head = a ? headlineOf(a) : null;
  return (
    <li class="answer" data-testid="conversation-answer">
      <p class="answer__title" data-testid="answer-title" dir="auto">{answerTitle(sample, index)}</p>
      <p class="answer__meta">
        <span class="answer__number">Answer {index}</span>{' '}
        <time dateTime={new Date(sample.capturedAt).toISOString()}>
          {new Date(sample.capturedAt).toLocaleTimeString(undefined, { timeStyle: 'short' })}
        </time>
        {sample.claimedModel && <span class="answer__claimed"> · site says <PageText text={sample.claimedModel.raw} /></span>}
      </p>
      <p class="answer__verdict">
        {!a
          ? 'No verdict stored.'
          : !head
            ? `Undetermined: ${reasonText(a.reason)}`
            : `Closest vendor ${familyName(head.family)} (${formatPercent(head.familyP)}), model ${head.model} (${formatPercent(head.modelP)})`}
      </p>
      <details class="answer__details" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>Text and details</summary>
        {sample.textDropped ? (
          <p class="answer__text">The text was not kept (setting “Keep answer text” off); only its features are stored.</p>
        ) : (
          // Recorded text is rendered as text (Preact escapes it), never as HTML. A long answer scrolls in
          // its box, so the box takes the focus (and is named) for keyboard users to scroll it.
          <p class="answer__text" dir="auto" tabIndex={0} role="region" aria-label={`Text of answer ${index}`}>{sample.text}</p>
        )}
        {a && open && <VerdictView attribution={a} words={sampleWords(sample)} heading="This answer most resembles" />}
      </details>
    </li>
  );
}
