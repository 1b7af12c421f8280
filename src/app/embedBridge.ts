/**
 * The embed's side of the host-page API (postMessage). A course page can play, pause and go to a
 * step, and hears when the step changes. Messages are taken only from the parent window and only
 * in the documented shape; anything else is ignored. Replies go to the parent's origin once it is
 * known (from the host's own messages or the referrer), never to `*`.
 */
import type { AppStore } from '../store/appStore';

export const PREFIX = 'k8s-explorer:';

/** What the host may send. `step` counts from 1, as the URL does. */
export type HostMessage =
  | { readonly type: 'k8s-explorer:hello' }
  | { readonly type: 'k8s-explorer:play' }
  | { readonly type: 'k8s-explorer:pause' }
  | { readonly type: 'k8s-explorer:goToStep'; readonly step: number };

/** What the embed tells the host. */
export interface StepMessage {
  readonly type: 'k8s-explorer:step';
  readonly scenario: string | null;
  readonly step: number | null;
  readonly steps: number | null;
  readonly phase: 'predict' | 'playing' | 'done' | null;
  readonly playing: boolean;
}

/** The message if it has exactly a documented shape, else null. */
export function readHostMessage(data: unknown): HostMessage | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const { type, step, ...rest } = data as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return null;
  if (type === 'k8s-explorer:hello' || type === 'k8s-explorer:play' || type === 'k8s-explorer:pause')
    return step === undefined ? { type } : null;
  if (
    type === 'k8s-explorer:goToStep' &&
    typeof step === 'number' &&
    Number.isInteger(step) &&
    step >= 1 &&
    step <= 999
  )
    return { type, step };
  return null;
}

/** An origin a reply may go to: a real `scheme://host[:port]`, never `null` or `*`. */
function usableOrigin(origin: string | undefined | null): string | null {
  if (!origin || origin === 'null') return null;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

export function connectEmbed(store: AppStore, win: Window = window): () => void {
  if (win.parent === win) return () => {};
  let parentOrigin =
    usableOrigin(win.location.ancestorOrigins?.[0]) ?? usableOrigin(win.document.referrer || null);

  const state = (): StepMessage => {
    const { guide, playback } = store.getState();
    return {
      type: 'k8s-explorer:step',
      scenario: guide?.source ?? null,
      step: guide ? guide.step + 1 : null,
      steps: guide ? guide.scenario.steps.length : null,
      phase: guide?.phase ?? null,
      playing: playback.playing,
    };
  };
  const post = () => {
    if (parentOrigin) win.parent.postMessage(state(), parentOrigin);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent) return;
    const message = readHostMessage(event.data);
    if (!message) return;
    parentOrigin = usableOrigin(event.origin) ?? parentOrigin;
    const actions = store.getState();
    if (message.type === 'k8s-explorer:play') actions.play();
    if (message.type === 'k8s-explorer:pause') actions.pause();
    if (message.type === 'k8s-explorer:goToStep') actions.goToStep(message.step - 1);
    post();
  };
  win.addEventListener('message', onMessage);
  const unsubscribe = store.subscribe((now, before) => {
    if (
      now.guide?.step !== before.guide?.step ||
      now.guide?.phase !== before.guide?.phase ||
      now.guide?.source !== before.guide?.source ||
      now.playback.playing !== before.playback.playing
    )
      post();
  });
  return () => {
    win.removeEventListener('message', onMessage);
    unsubscribe();
  };
}
