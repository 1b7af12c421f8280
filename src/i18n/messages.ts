/** Both catalogs at once, for tests and tools; the app loads only the language it shows (see i18n.ts). */
import type { ComponentDetails } from './componentText';
import { messagesEn, type FirstMessages, type Messages } from './en';
import { componentsEn } from './en/components';
import { messagesZh } from './zh';
import { componentsZh } from './zh/components';

export type { Messages } from './en';

/** A first catalog with each component's Details text added. */
function complete(first: FirstMessages, details: Record<string, ComponentDetails>): Messages {
  const components = Object.fromEntries(
    Object.entries(first.components).map(([key, short]) => [key, { ...short, ...details[key] }]),
  );
  return { ...first, components } as Messages;
}

export const MESSAGES = {
  en: complete(messagesEn, componentsEn),
  zh: complete(messagesZh, componentsZh),
} as const;
