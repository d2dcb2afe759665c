import { useEffect, useState } from 'preact/hooks';

export const TABS = [
  { id: 'samples', label: 'Samples' },
  { id: 'groups', label: 'Sites & models' },
  { id: 'map', label: 'Model map' },
  { id: 'compare', label: 'Compare' },
  { id: 'references', label: 'References' },
  { id: 'paste', label: 'Paste' },
  { id: 'import', label: 'Import' },
  { id: 'settings', label: 'Settings' },
] as const;

export type TabId = (typeof TABS)[number]['id'];

export function tabFromHash(hash: string): TabId {
  const id = hash.replace(/^#\/?/, '');
  return TABS.find((t) => t.id === id)?.id ?? 'samples';
}

/** The open tab lives in the URL hash, so reload, back/forward and links (e.g. `#map`) work. */
export function useHashRoute(): TabId {
  const [tab, setTab] = useState<TabId>(() => tabFromHash(location.hash));
  useEffect(() => {
    const onChange = () => setTab(tabFromHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return tab;
}
