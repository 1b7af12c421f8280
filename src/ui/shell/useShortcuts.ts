/**
 * The keyboard shortcuts DESIGN.md promises: Space plays or pauses, → and ← step, ? shows the
 * shortcuts, Esc closes the Details panel. Typing in a field or using a select or slider is never
 * taken over.
 */
import { useContext, useEffect } from 'react';
import { focusSelection } from '../focusSelection';
import { StoreContext } from '../storeContext';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

export function useShortcuts(): void {
  const store = useContext(StoreContext);
  useEffect(() => {
    if (!store) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const state = store.getState();
      if (e.key === 'Escape') {
        if (state.shortcutsOpen) return; // the dialog closes itself
        if (!state.selection) return;
        const { selection } = state;
        state.select(null);
        focusSelection(selection);
        return;
      }
      if (isTyping(e.target) || state.shortcutsOpen) return;
      if (e.key === ' ') {
        e.preventDefault();
        state.togglePlay();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        state.stepForward();
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        state.stepBack();
      } else if (e.key === '?') {
        e.preventDefault();
        state.setShortcutsOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
