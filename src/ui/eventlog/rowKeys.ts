/**
 * The log is one stop in the tab order, not forty: its rows' buttons are left out of it
 * (tabIndex -1), and the arrow keys move among them, as in a listbox. From the log itself ↑ and
 * End go to the newest row, ↓ and Home to the oldest; on a row ↑/↓ move by one, Home/End to the
 * ends. Enter or Space on a row does what a click does.
 */
import type { KeyboardEvent, MouseEvent } from 'react';

const KEYS = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End']);

export function onRowKeys(e: KeyboardEvent<HTMLElement>): void {
  if (!KEYS.has(e.key)) return;
  const rows = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-row-button]')];
  if (!rows.length) return;
  const at = rows.indexOf(e.target as HTMLElement);
  const last = rows.length - 1;
  let next: number;
  if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = last;
  else if (at < 0) next = e.key === 'ArrowUp' ? last : 0;
  else next = Math.min(last, Math.max(0, at + (e.key === 'ArrowUp' ? -1 : 1)));
  e.preventDefault();
  rows[next]!.focus();
}

/**
 * A row chosen (clicked, or Enter) moves the cursor there: the rows are then those before the new
 * cursor and the list scrolls; the chosen one, still focused, is brought back into view.
 */
export function keepRowInView(e: MouseEvent<HTMLElement>): void {
  const row = (e.target as HTMLElement).closest<HTMLElement>('[data-row-button]');
  if (!row) return;
  // The cluster at the new cursor, and so the rows, follow the cursor within the store's next
  // update (four a second).
  const until = performance.now() + FOLLOW_MS;
  const keep = () => {
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement) || !focused.matches('[data-row-button]')) return;
    focused.scrollIntoView({ block: 'nearest' });
    if (performance.now() < until) requestAnimationFrame(keep);
  };
  requestAnimationFrame(keep);
}

/** How long a chosen row is kept in view while the rows change around it (ms). */
const FOLLOW_MS = 600;
