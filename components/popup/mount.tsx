import { render } from 'preact';
import { Popup } from './Popup';
import { loadPopupData, type PopupData } from './popup-data';

/** Set when the popup's components are loaded and it is first drawn (with its data, or "Loading…"). */
export const POPUP_MOUNTED_MARK = 'modelprint:popup-mounted';

/**
 * Draws the popup into `root`. `read` is the data the entry already read, or null when it is not there yet
 * (or failed): the first load then takes `first`, the read still on its way, rather than asking again.
 */
export function mountPopup(root: HTMLElement, first: Promise<PopupData>, read: PopupData | null): void {
  let early: Promise<PopupData> | undefined = read ? undefined : first;
  const load = () => {
    const taken = early;
    early = undefined;
    return taken ?? loadPopupData();
  };
  performance.mark(POPUP_MOUNTED_MARK);
  render(<Popup initial={read ?? undefined} load={load} />, root);
}
