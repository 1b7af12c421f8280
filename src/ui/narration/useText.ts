/** Picks a workflow text in the language shown now. */
import { useCallback } from 'react';
import type { Text } from '../../store/appStore';
import { useAppStore } from '../storeContext';

export function useText(): (text: Text) => string {
  const language = useAppStore((s) => s.language);
  return useCallback((text: Text) => text[language] || text.en, [language]);
}
