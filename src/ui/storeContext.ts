/** Gives components the app store created by the composition root, and a hook for narrow selectors. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppActions, AppState, AppStore } from '../store/appStore';

export const StoreContext = createContext<AppStore | null>(null);

/** Reads one slice of the app store; re-renders only when that slice changes. */
export function useAppStore<T>(selector: (state: AppState & AppActions) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs a StoreContext provider');
  return useStore(store, selector);
}

/** The store's actions: they never change, so reading them re-renders nothing. */
export function useActions(): AppActions {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useActions needs a StoreContext provider');
  return store.getState();
}
