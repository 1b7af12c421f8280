/**
 * Reads the public URL parameters (DESIGN.md, "Contract") into the app's starting state.
 * A bad value never breaks the page: it falls back to the default and leaves a notice.
 */
import {
  DEFAULT_CLUSTER_CONFIG,
  isRuntimeName,
  MAX_NODES,
  MIN_NODES,
  type ClusterConfig,
} from '../engine/clusterConfig';
import { LANGUAGES, type AppStoreInit, type Language, type ParamNotice, type Theme } from '../store/appStore';
import { DEFAULT_PODS, DEFAULT_SEED, MAX_PODS } from '../store/freePlay';
import { MAX_SPEED, MIN_SPEED } from '../store/playbackLimits';

/** Longest parameter value quoted back in a notice; hostile URLs can be huge. */
const MAX_QUOTED = 40;

const quote = (value: string) => (value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value);

export interface ParsedUrl extends Omit<AppStoreInit, 'clock' | 'engine' | 'guide'> {
  readonly notices: readonly ParamNotice[];
  /** The workflow to open: a built-in id, or a same-origin path to a course author's JSON file. */
  readonly scenario?: string;
  /** 0-based step of it (the URL counts from 1). */
  readonly step?: number;
  /** Only the diagram, playback and narration (`embed=1`), for an iframe on a course page. */
  readonly embed: boolean;
  /** An embed locked to these steps of its workflow (0-based, inclusive; the URL's `steps=3-7` counts from 1). */
  readonly steps?: { readonly from: number; readonly to: number };
}

/** A workflow id as the built-ins spell them. */
const WORKFLOW_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** A same-origin path to a workflow file: relative or rooted, no scheme, no `//host`, ends in `.json`. */
const WORKFLOW_PATH = /^(?!.*\/\/)(?!.*\.\.)[\w\-./~%]{1,200}\.json$/;

/** Whether `value` names a workflow the app can open: a built-in id or a same-origin `.json` path. */
export function isWorkflowRef(value: string, builtIn: readonly string[]): boolean {
  return builtIn.includes(value) || (WORKFLOW_PATH.test(value) && !value.includes(':'));
}

/** Parses `search` (e.g. `?nodes=3&lang=zh`); `preferredLanguage` is used when `lang` is absent. */
export function parseUrlParams(
  search: string,
  preferredLanguage: Language = 'en',
  workflowIds: readonly string[] = [],
): ParsedUrl {
  const params = new URLSearchParams(search);
  const notices: ParamNotice[] = [];
  const reject = (name: string, value: string, expected: ParamNotice['expected'], fallback: string) =>
    notices.push({ name, value: quote(value), expected, fallback });

  let nodeCount = DEFAULT_CLUSTER_CONFIG.nodeCount;
  const nodes = params.get('nodes');
  if (nodes !== null) {
    const n = /^\d{1,2}$/.test(nodes.trim()) ? Number(nodes.trim()) : NaN;
    if (n >= MIN_NODES && n <= MAX_NODES) nodeCount = n;
    else reject('nodes', nodes, 'expectNodes', String(nodeCount));
  }

  let runtime = DEFAULT_CLUSTER_CONFIG.runtime;
  const runtimeParam = params.get('runtime');
  if (runtimeParam !== null) {
    const wanted = runtimeParam.trim().toLowerCase();
    if (isRuntimeName(wanted)) runtime = wanted;
    else reject('runtime', runtimeParam, 'expectRuntime', runtime);
  }

  let language = preferredLanguage;
  const lang = params.get('lang');
  if (lang !== null) {
    const wanted = lang.trim().toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(wanted)) language = wanted as Language;
    else reject('lang', lang, 'expectLang', language);
  }

  let theme: Theme | null = null;
  const themeParam = params.get('theme');
  if (themeParam !== null) {
    const wanted = themeParam.trim().toLowerCase();
    if (wanted === 'light' || wanted === 'dark') theme = wanted;
    else reject('theme', themeParam, 'expectTheme', '');
  }

  let speed: number | undefined;
  const speedParam = params.get('speed');
  if (speedParam !== null) {
    const n = /^\d{1,2}(\.\d{1,3})?$/.test(speedParam.trim()) ? Number(speedParam.trim()) : NaN;
    if (n >= MIN_SPEED && n <= MAX_SPEED) speed = n;
    else reject('speed', speedParam, 'expectSpeed', '1');
  }

  let autoplay = false;
  const autoplayParam = params.get('autoplay');
  if (autoplayParam !== null) {
    const wanted = autoplayParam.trim();
    if (wanted === '1' || wanted === '0') autoplay = wanted === '1';
    else reject('autoplay', autoplayParam, 'expectAutoplay', '0');
  }

  let seed = DEFAULT_SEED;
  const seedParam = params.get('seed');
  if (seedParam !== null) {
    const n = /^\d{1,10}$/.test(seedParam.trim()) ? Number(seedParam.trim()) : NaN;
    if (n >= 0 && n <= 0xffff_ffff) seed = n;
    else reject('seed', seedParam, 'expectSeed', String(seed));
  }

  let pods = DEFAULT_PODS;
  const podsParam = params.get('pods');
  if (podsParam !== null) {
    const n = /^\d{1,3}$/.test(podsParam.trim()) ? Number(podsParam.trim()) : NaN;
    if (n >= 0 && n <= MAX_PODS) pods = n;
    else reject('pods', podsParam, 'expectPods', String(pods));
  }

  let scenario: string | undefined;
  const scenarioParam = params.get('scenario');
  if (scenarioParam !== null && scenarioParam.trim() !== '') {
    const wanted = scenarioParam.trim();
    if (isWorkflowRef(wanted, workflowIds) || (WORKFLOW_ID.test(wanted) && workflowIds.length === 0))
      scenario = wanted;
    else reject('scenario', scenarioParam, 'expectScenario', '');
  }

  let step: number | undefined;
  const stepParam = params.get('step');
  if (stepParam !== null && scenario !== undefined) {
    const n = /^\d{1,3}$/.test(stepParam.trim()) ? Number(stepParam.trim()) : NaN;
    if (n >= 1) step = n - 1;
    else reject('step', stepParam, 'expectStep', '1');
  }

  let embed = false;
  const embedParam = params.get('embed');
  if (embedParam !== null) {
    const wanted = embedParam.trim();
    if (wanted === '1' || wanted === '0') embed = wanted === '1';
    else reject('embed', embedParam, 'expectEmbed', '0');
  }

  let steps: { from: number; to: number } | undefined;
  const stepsParam = params.get('steps');
  if (stepsParam !== null && scenario !== undefined) {
    const m = /^(\d{1,3})-(\d{1,3})$/.exec(stepsParam.trim());
    const from = m ? Number(m[1]) : NaN;
    const to = m ? Number(m[2]) : NaN;
    if (from >= 1 && to >= from) steps = { from: from - 1, to: to - 1 };
    else reject('steps', stepsParam, 'expectSteps', '');
  }

  const config: ClusterConfig = { nodeCount, runtime };
  return {
    embed,
    ...(steps ? { steps } : {}),
    ...(scenario !== undefined ? { scenario } : {}),
    ...(step !== undefined ? { step } : {}),
    config,
    language,
    theme,
    notices,
    seed,
    pods,
    autoplay,
    ...(speed !== undefined ? { speed } : {}),
  };
}

/** The query string that reproduces the current settings, keeping any other parameters as they were. */
export function settingsToSearch(
  current: string,
  settings: {
    config: ClusterConfig;
    language: Language;
    theme: Theme | null;
    seed: number;
    pods: number;
    playback: { speed: number };
    guide?: { source: string; step: number } | null;
  },
): string {
  const params = new URLSearchParams(current);
  const setOrDrop = (name: string, value: string | null) =>
    value === null ? params.delete(name) : params.set(name, value);
  setOrDrop(
    'nodes',
    settings.config.nodeCount === DEFAULT_CLUSTER_CONFIG.nodeCount ? null : String(settings.config.nodeCount),
  );
  setOrDrop(
    'runtime',
    settings.config.runtime === DEFAULT_CLUSTER_CONFIG.runtime ? null : settings.config.runtime,
  );
  setOrDrop('seed', settings.seed === DEFAULT_SEED ? null : String(settings.seed));
  setOrDrop('pods', settings.pods === DEFAULT_PODS ? null : String(settings.pods));
  setOrDrop('speed', settings.playback.speed === 1 ? null : String(settings.playback.speed));
  const autoplay = params.get('autoplay');
  if (autoplay !== null && autoplay.trim() !== '0' && autoplay.trim() !== '1') params.delete('autoplay');
  // An inline workflow lives in the fragment, which is kept as it is.
  setOrDrop('scenario', settings.guide && settings.guide.source !== '#' ? settings.guide.source : null);
  setOrDrop('step', settings.guide ? String(settings.guide.step + 1) : null);
  const embed = params.get('embed');
  if (embed !== null && embed.trim() !== '0' && embed.trim() !== '1') params.delete('embed');
  const steps = params.get('steps');
  if (steps !== null && (!settings.guide || !/^\d{1,3}-\d{1,3}$/.test(steps.trim()))) params.delete('steps');
  // A workflow sets its own cluster size.
  if (settings.guide) params.delete('nodes');
  setOrDrop('lang', settings.language);
  setOrDrop('theme', settings.theme);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The URL fragment's inline workflow (`#scenario=<JSON, percent-encoded>`), if there is one. */
export function inlineWorkflow(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('scenario');
}

/** Where an inline workflow comes from, as the address names it. */
export const INLINE = '#';
