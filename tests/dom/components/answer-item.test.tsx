/**
 * A long conversation in the side panel draws each answer's full verdict only when the answer is opened
 * (issue 15, failure 1: 2,000 full verdicts took the panel minutes and a gigabyte).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { SidePanel } from '@/components/sidepanel/SidePanel';
import { conversationOf, sampleOf, tabOf } from './samples';

afterEach(cleanup);

it('draws an answer’s full verdict when it is opened, not before', async () => {
  const samples = Array.from({ length: 30 }, (_, i) => sampleOf(i));
  const conversation = conversationOf(samples);
  render(<SidePanel load={async () => ({ tab: tabOf({ sample: samples[29]! }), conversation })} subscribe={() => () => {}} />);
  const answers = await screen.findAllByTestId('conversation-answer');
  expect(answers).toHaveLength(30);
  expect(document.querySelectorAll('[data-testid="verdict"]')).toHaveLength(1); // the pooled verdict
  const details = answers[3]!.querySelector('details')!;
  details.open = true;
  fireEvent(details, new Event('toggle'));
  await waitFor(() => expect(document.querySelectorAll('[data-testid="verdict"]')).toHaveLength(2));
  expect(answers[3]!.querySelector('[data-testid="verdict"]')).not.toBeNull();
});
