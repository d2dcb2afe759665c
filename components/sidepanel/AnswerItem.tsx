import { useState } from 'preact/hooks';
import type { Sample } from '@/lib/sample';
import { sampleWords } from '@/lib/verdict/conversation';
import { familyName, formatPercent, reasonText } from '@/lib/verdict/names';
import { VerdictView } from '../verdict/VerdictView';
import { PageText } from '../PageText';

/** One answer of the conversation: its verdict in a line, the text and the full verdict on demand. */
export function AnswerItem({ sample, index }: { sample: Sample; index: number }) {
  // The full verdict (bars for every family and model) is drawn when the answer is opened: drawn for all
  // 2,000 answers of a long conversation, it took the panel minutes and a gigabyte (issue 15, failure 1).
  const [open, setOpen] = useState(false);
  const a = sample.verdict?.attribution;
  const top = a?.families[0];
  return (
    <li class="answer" data-testid="conversation-answer">
      <p class="answer__meta">
        <strong>Answer {index}</strong>{' '}
        <time dateTime={new Date(sample.capturedAt).toISOString()}>
          {new Date(sample.capturedAt).toLocaleTimeString(undefined, { timeStyle: 'short' })}
        </time>
        {sample.claimedModel && <span class="answer__claimed"> · site says <PageText text={sample.claimedModel.raw} /></span>}
      </p>
      <p class="answer__verdict">
        {!a
          ? 'No verdict stored.'
          : a.undetermined || !a.model
            ? `Undetermined: ${reasonText(a.reason)}`
            : `Closest vendor ${familyName(top!.family)} (${formatPercent(top!.p)}), model ${a.model} (${formatPercent(a.confidence)})`}
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
