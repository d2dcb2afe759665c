import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { hostPermissions } from './lib/sites/hosts';

/** The reference signatures, shipped once as a file that the background and the dashboard fetch. */
const SIGNATURES = fileURLToPath(new URL('./lib/fingerprint/data/signatures.json', import.meta.url));

// See https://wxt.dev/api/config.html
export default defineConfig({
  // MODELPRINT_OUT_DIR lets parallel builds (and their end-to-end runs) use separate folders.
  outDir: process.env.MODELPRINT_OUT_DIR ?? '.output',
  // webextension-polyfill gives Firefox and Chrome one promise-based `browser` API.
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: SIGNATURES, relativeDest: 'signatures.json' });
    },
    // The toolbar tooltip is localised too; WXT would take the popup page's <title>.
    'build:manifestGenerated': (_wxt, manifest) => {
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_actionTitle__';
    },
  },
  manifest: ({ browser }) => ({
    // Name, description and the toolbar tooltip (hook above) come from public/_locales (English, Chinese).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings. unlimitedStorage: the recorded answers are the user's data (a researcher's
    // dataset), and it exempts them from the quota and from eviction under disk pressure (README,
    // "Recorded data"). Host access is limited to the chatbot sites the content script reads.
    // contextMenus + activeTab: "Fingerprint selected text" on any page without a host permission (the
    // click grants that one tab); scripting: read that selection with its line breaks in the clicked tab.
    // WXT adds sidePanel itself for the side panel entrypoint (Chrome; Firefox gets sidebar_action).
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab', 'scripting'],
    host_permissions: hostPermissions,
    // Firefox needs an add-on id for storage and IndexedDB to survive restarts; Chrome rejects the key.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'modelprint@modelprint.dev',
          strict_min_version: '115.0',
          // Firefox's built-in consent: ModelPrint collects and transmits nothing.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
