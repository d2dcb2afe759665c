import { sendMessage } from '@/lib/messaging/client';
import type { VerdictPageApi } from './VerdictPage';

/** The verdict page's API through the message protocol (the engine runs in the background only). */
export const messageVerdictApi: VerdictPageApi = {
  selection: (id) => sendMessage('pendingSelection', { id }),
  attribute: (text) => sendMessage('attributeText', { text }),
  save: ({ text, label, sourceUrl }) => sendMessage('saveText', { text, label, sourceUrl }),
};
