import { displayLabel, LABEL_CHARS } from '@/lib/display-text';

/**
 * A string a page gave us, shown as a label: isolated from the text around it (`<bdi dir="auto">`, so a
 * right-to-left name cannot reorder its neighbours), without control or bidi-override characters, and cut
 * to `max` characters with the whole in the tooltip. Use it for every page-provided label (claimed model,
 * label, address) in the popup, side panel and dashboard; long texts get `dir="auto"` on their own box.
 */
export function PageText({ text, max = LABEL_CHARS, class: className }: { text: string; max?: number; class?: string }) {
  const shown = displayLabel(text, max);
  return (
    <bdi dir="auto" class={className} title={shown.length < text.length ? displayLabel(text, 2_000) : undefined}>
      {shown}
    </bdi>
  );
}
