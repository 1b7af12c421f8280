/** Both catalogs at once, for tests and tools; the app loads only the language it shows (see i18n.ts). */
import type { ComponentDetails } from './componentText';
import { messagesEn, type FirstMessages, type Messages } from './en';
import { componentsEn } from './en/components';
import { panelTextEn } from './en/panelText';
import { messagesZh } from './zh';
import { componentsZh } from './zh/components';
import { panelTextZh } from './zh/panelText';

export type { Messages } from './en';

/** A first catalog with each component's Details text and the on-demand panels' text added. */
function complete(
  first: FirstMessages,
  details: Record<string, ComponentDetails>,
  panels: typeof panelTextEn,
): Messages {
  const components = Object.fromEntries(
    Object.entries(first.components).map(([key, short]) => [key, { ...short, ...details[key] }]),
  );
  const merged: Record<string, unknown> = { ...first, components };
  for (const [section, text] of Object.entries(panels))
    merged[section] = { ...(merged[section] as object | undefined), ...text };
  return merged as Messages;
}

export const MESSAGES = {
  en: complete(messagesEn, componentsEn, panelTextEn),
  zh: complete(messagesZh, componentsZh, panelTextZh),
} as const;
