import type { Attribution } from '@/lib/verdict/types';
import { sendMessage } from '@/lib/messaging/client';

/** What the paste box asks the background: the same engine and the same storage path as recorded answers. */
export interface PasteApi {
  attribute(text: string): Promise<{ attribution: Attribution; words: number }>;
  save(text: string, label: string | null): Promise<{ id: string; created: boolean }>;
}

export const messagePasteApi: PasteApi = {
  attribute: (text) => sendMessage('attributeText', { text }),
  save: (text, label) => sendMessage('saveText', { text, label }),
};
