/** Every message catalog, keyed by language. en defines the keys; zh must match them to compile. */
import { appEn } from './en/appText';
import { componentsEn } from './en/components';
import { appZh } from './zh/appText';
import { componentsZh } from './zh/components';

export const messagesEn = { ...appEn, components: componentsEn };
export type Messages = typeof messagesEn;
export const messagesZh: Messages = { ...appZh, components: componentsZh };

export const MESSAGES = { en: messagesEn, zh: messagesZh } as const;
