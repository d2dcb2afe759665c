/** The References view's door to the background (one writer of the database); an interface for component tests. */
import { sendMessage } from '@/lib/messaging/client';
import type { StoredReference } from '@/lib/references/stored';
import type { CustomReference } from '@/lib/references/types';

export interface ReferencesApi {
  list(): Promise<StoredReference[]>;
  save(reference: CustomReference): Promise<void>;
  /** Rejects with the reason when the pack is refused; nothing is then imported. */
  importPack(pack: unknown): Promise<string[]>;
  setEnabled(id: string, enabled: boolean): Promise<void>;
  remove(id: string): Promise<void>;
}

export const backgroundReferencesApi: ReferencesApi = {
  list: () => sendMessage('listCustomReferences', {}),
  save: async (reference) => void (await sendMessage('saveCustomReference', { reference })),
  importPack: async (pack) => (await sendMessage('importSignaturePack', { pack })).imported,
  setEnabled: async (id, enabled) => void (await sendMessage('setCustomReferenceEnabled', { id, enabled })),
  remove: async (id) => void (await sendMessage('deleteCustomReference', { id })),
};
