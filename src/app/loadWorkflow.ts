/**
 * Loads the workflow a URL names: a built-in one by id (its own chunk), or a course author's JSON
 * file from this site, checked against the schema before anything of it is used. A file that
 * cannot be used leaves a notice saying why, and the page opens in free play.
 */
import { WORKFLOWS, type ParamNotice, type Scenario } from '../store/appStore';
import { INLINE, inlineWorkflow } from './urlParams';

/** The largest workflow file taken (a long course workflow is a few tens of KB). */
export const MAX_WORKFLOW_BYTES = 512 * 1024;

export async function loadWorkflow(
  source: string,
  notify: (notice: ParamNotice) => void,
): Promise<Scenario | null> {
  const builtIn = WORKFLOWS.find((w) => w.id === source);
  if (builtIn) return builtIn.load();
  const fail = (detail: string) => {
    notify({
      name: 'scenario',
      value: source === INLINE ? '#scenario=…' : source,
      expected: 'badScenario',
      fallback: '',
      detail,
    });
    return null;
  };
  if (source === INLINE) {
    const text = inlineWorkflow(window.location.hash) ?? '';
    if (text.length > MAX_WORKFLOW_BYTES) return fail(`larger than ${MAX_WORKFLOW_BYTES / 1024} KB`);
    const { parseScenarioJson } = await import('../scenarios/schema');
    const parsed = parseScenarioJson(text);
    return parsed.ok ? parsed.scenario : fail(parsed.error);
  }
  try {
    const url = new URL(source, window.location.href);
    if (url.origin !== window.location.origin) return fail('not on this site');
    const response = await fetch(url, { credentials: 'same-origin' });
    if (response.status === 404) return fail('no such file on this site (HTTP 404)');
    if (!response.ok) return fail(`HTTP ${response.status}`);
    const text = await response.text();
    // A server that answers every path with the app's page (a single-page fallback) has no such file.
    if ((response.headers.get('content-type') ?? '').includes('text/html') || /^\s*</.test(text))
      return fail('no such file on this site (the server answered with a web page)');
    if (text.length > MAX_WORKFLOW_BYTES) return fail(`larger than ${MAX_WORKFLOW_BYTES / 1024} KB`);
    const { parseScenarioJson } = await import('../scenarios/schema');
    const parsed = parseScenarioJson(text);
    return parsed.ok ? parsed.scenario : fail(parsed.error);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}
