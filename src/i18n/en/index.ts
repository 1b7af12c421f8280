/** The English catalog: the source of truth for every key. */
import { appEn } from './appText';
import { componentShortEn } from './componentShort';
import type { componentsEn } from './components';

/** What the page loads first: the app's text and each component's card label. */
export const messagesEn = { ...appEn, components: componentShortEn };
export type FirstMessages = typeof messagesEn;

type Short = typeof componentShortEn;
type Details = typeof componentsEn;
/** Every key, the component texts Details loads (i18n.ts, loadComponentDetails) included. */
export type Messages = typeof appEn & { components: { [K in keyof Short]: Short[K] & Details[K] } };
