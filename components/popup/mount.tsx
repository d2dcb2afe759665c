import { render } from 'preact';
import { Popup } from './Popup';
import { loadPopupData, type PopupData } from './popup-data';

/** Set when the popup's components are loaded and it is first drawn (with its data, or "Loading…"). */
export const POPUP_MOUNTED_MARK = 'modelprint:popup-mounted';

/** Draws the popup into `root`; its first load takes `first`, the data the entry already asked for. */
export function mountPopup(root: HTMLElement, first: Promise<PopupData>): void {
  let early: Promise<PopupData> | undefined = first;
  const load = () => {
    const taken = early;
    early = undefined;
    return taken ?? loadPopupData();
  };
  performance.mark(POPUP_MOUNTED_MARK);
  render(<Popup load={load} />, root);
}
