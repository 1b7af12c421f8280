/** Turns message Words (a key chosen at run time, with values) into text in the current language. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Words } from './messageText';

type LooseT = (key: string, values: Readonly<Record<string, string>>) => string;

export function useWords(): (words: Words) => string {
  const { t } = useTranslation();
  // The key is built from the message's kind at run time; messageText.test proves each one exists.
  return useCallback((w: Words) => (t as unknown as LooseT)(w.key, w.values), [t]);
}
