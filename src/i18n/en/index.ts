/** The English catalog: the source of truth for every key. */
import { appEn } from './appText';
import { componentShortEn } from './componentShort';
import type { componentsEn } from './components';
import type { panelTextEn } from './panelText';

/** What the page loads first: the app's text and each component's card label. */
export const messagesEn = { ...appEn, components: componentShortEn };
export type FirstMessages = typeof messagesEn;

type Short = typeof componentShortEn;
type Details = typeof componentsEn;
type Panels = typeof panelTextEn;
/**
 * Every key, the component texts Details loads (i18n.ts, loadComponentDetails) and the on-demand
 * panels' text (loadPanelText) included.
 */
export type Messages = Omit<typeof appEn, keyof Panels> & {
  [K in keyof Panels]: (K extends keyof typeof appEn ? (typeof appEn)[K] : unknown) & Panels[K];
} & { components: { [K in keyof Short]: Short[K] & Details[K] } };
