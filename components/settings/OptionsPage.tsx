import { Settings } from './Settings';

/** The browser's options page for ModelPrint: the settings under a heading. */
export function OptionsPage() {
  return (
    <main class="options-page" style={{ maxWidth: '42rem', margin: '0 auto', padding: '1rem' }}>
      <h1>ModelPrint settings</h1>
      <p>Everything ModelPrint records stays in this browser. Changes are saved at once.</p>
      <Settings />
    </main>
  );
}
