import { startCapture } from '@/lib/capture/start-capture';
import { sendMessage } from '@/lib/messaging/client';
import { hostPermissions } from '@/lib/sites/hosts';

// One content script for every supported site; lib/capture picks the adapter by URL.
export default defineContentScript({
  matches: hostPermissions,
  runAt: 'document_idle',
  main(ctx) {
    startCapture(ctx, {
      saveAnswer: (answer) => sendMessage('saveAnswer', answer),
      reportHealth: (report) => sendMessage('reportSiteHealth', report),
    });
  },
});
