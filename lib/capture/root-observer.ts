/**
 * One MutationObserver on the narrowest stable root of the page, rebound when the app re-mounts it.
 */
import type { SiteAdapter, SiteVariant } from '@/lib/sites/define';
import { firstMatch } from './selector-query';

export interface RootObserver {
  /** Observes the variant's root (or any variant's, or `<body>`) unless it is already observed and attached. */
  bind(variant: SiteVariant | null): void;
  /** Forces the next `bind` to rebind (after navigation). */
  forget(): void;
  disconnect(): void;
}

/**
 * Attribute names used by a variant's answer-scoped signals (`[data-message-complete]`, `id`), so that a
 * completion shown only by an attribute flip still triggers a scan. Other attributes are not observed:
 * the page's own UI changes `data-state` and classes on every hover.
 */
export function signalAttributes(variant: SiteVariant): string[] {
  const css = [...variant.generating, ...variant.complete].filter((s) => s.scope === 'answer').map((s) => s.css);
  const names = css.flatMap((c) => Array.from(c.matchAll(/\[\s*([\w-]+)/g), (m) => m[1]!));
  if (css.some((c) => /#|\[id[\^$*|~]?=/.test(c))) names.push('id');
  return [...new Set(names)];
}

export function createRootObserver(adapter: SiteAdapter, doc: Document, onMutation: () => void): RootObserver {
  let observer: MutationObserver | null = null;
  let observed: Element | null = null;
  let observedVariant: SiteVariant | null = null;

  return {
    bind(variant) {
      const chains = variant?.root ? [variant.root] : adapter.variants.flatMap((v) => (v.root ? [v.root] : []));
      const root = chains.map((chain) => firstMatch(doc, chain)?.elements[0]).find((el) => el) ?? doc.body;
      if (!root || (root === observed && root.isConnected && variant === observedVariant)) return;
      observer?.disconnect();
      observer = new MutationObserver(onMutation);
      const attributeFilter = variant ? signalAttributes(variant) : [];
      observer.observe(root, {
        childList: true,
        subtree: true,
        characterData: true,
        ...(attributeFilter.length > 0 ? { attributes: true, attributeFilter } : {}),
      });
      // Direct children of each ancestor: if the app re-mounts the root, the next scan rebinds to the new one.
      for (let el = root.parentElement; el; el = el.parentElement) observer.observe(el, { childList: true });
      observed = root;
      observedVariant = variant;
    },
    forget() {
      observed = null;
    },
    disconnect() {
      observer?.disconnect();
      observer = null;
      observed = null;
    },
  };
}
