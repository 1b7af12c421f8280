/** The English catalog: the source of truth for every key. */
import { appEn } from './appText';
import { componentsEn } from './components';

export const messagesEn = { ...appEn, components: componentsEn };
export type Messages = typeof messagesEn;
