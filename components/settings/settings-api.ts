import { sendMessage } from '@/lib/messaging/client';

/** What the settings need from the background (the only database owner). */
export interface SettingsApi {
  deleteAll(): Promise<{ deleted: number }>;
  applyRetention(): Promise<{ deleted: number }>;
}

export const messageSettingsApi: SettingsApi = {
  deleteAll: () => sendMessage('deleteAllSamples', {}),
  applyRetention: () => sendMessage('applyRetention', {}),
};
