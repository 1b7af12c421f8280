/** Both catalogs at once, for tests and tools; the app loads only the language it shows (see i18n.ts). */
import { messagesEn } from './en';
import { messagesZh } from './zh';

export type { Messages } from './en';
export const MESSAGES = { en: messagesEn, zh: messagesZh } as const;
