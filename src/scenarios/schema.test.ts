import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WORKFLOWS } from '.';
import { checkScenario, parseScenarioJson, scenarioSchema } from './schema';

const EXAMPLE = 'public/workflows/example.json';
const JSON_SCHEMA = 'public/workflows/workflow.schema.json';
const example = () => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;

/** The example with one change made by `edit`. */
function broken(edit: (s: ReturnType<typeof JSON.parse>) => void): string {
  const s = example();
  edit(s);
  return JSON.stringify(s);
}

describe('workflow files', () => {
  it('take the example file, and every built-in workflow passes the same schema', async () => {
    expect(parseScenarioJson(readFileSync(EXAMPLE, 'utf8'))).toMatchObject({ ok: true });
    for (const w of WORKFLOWS) expect(checkScenario(await w.load()), w.id).toMatchObject({ ok: true });
  });

  it.each<[string, string, string]>([
    ['not JSON', '{ "id": "x", ', 'not valid JSON'],
    ['empty', '', 'not valid JSON'],
    ['an array', '[]', 'the file: Invalid input: expected object'],
    ['no steps', broken((s) => delete s.steps), 'steps: Invalid input: expected array'],
    ['zero steps', broken((s) => (s.steps = [])), 'steps: Too small'],
    ['a bad id', broken((s) => (s.id = 'My Course!')), 'id: lowercase letters, digits and dashes'],
    ['a missing translation', broken((s) => delete s.title.zh), 'title.zh: Invalid input: expected string'],
    [
      'an empty narration',
      broken((s) => (s.steps[0].narration.en = '  ')),
      'steps[0].narration.en: Too small',
    ],
    ['an unknown field', broken((s) => (s.steps[0].waitFor = 3)), 'steps[0]: Unrecognized key: "waitFor"'],
    [
      'an unknown action',
      broken((s) => (s.steps[1].actions = [{ reboot: 'minikube' }])),
      'steps[1].actions[0]',
    ],
    ['too many replicas', broken((s) => (s.steps[1].actions[0].scale.replicas = 1e6)), 'replicas: Too big'],
    [
      'a node the cluster lacks',
      broken((s) => (s.steps[1].focus = ['minikube-m05'])),
      'names node minikube-m05, but cluster.nodes is 2',
    ],
    ['a bad node name', broken((s) => (s.steps[0].actions = [{ cordon: 'web1' }])), 'a node name'],
    [
      'an answer that is no choice',
      broken((s) => (s.steps[1].predict.answer = 'etcd')),
      'steps[1].predict.answer: the answer must be the id of one of the choices',
    ],
    ['an unknown kind', broken((s) => (s.steps[0].actions[0].apply.kind = 'CronJob')), 'steps[0].actions[0]'],
    ['too many nodes', broken((s) => (s.cluster.nodes = 11)), 'cluster.nodes: Too big'],
  ])('refuse %s, saying where and why', (_, source, error) => {
    const result = parseScenarioJson(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
  });

  it('take stopping and starting a control-plane component, and only those components', () => {
    const ok = broken(
      (s) => (s.steps[1].actions = [{ stopComponent: 'kube-scheduler' }, { startComponent: 'etcd' }]),
    );
    expect(parseScenarioJson(ok)).toMatchObject({ ok: true });
    const bad = broken((s) => (s.steps[1].actions = [{ stopComponent: 'kubelet' }]));
    expect(parseScenarioJson(bad)).toMatchObject({ ok: false });
  });

  it('refuse script text in a name, and keep it as text in the error', () => {
    const result = parseScenarioJson(
      broken((s) => (s.steps[0].actions[0].apply.metadata.name = '<script>x</script>')),
    );
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toContain('a Kubernetes name');
  });

  it('name at most five problems and count the rest', () => {
    const result = parseScenarioJson(JSON.stringify({ id: 'X', steps: [{}, {}, {}] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/; and \d+ more$/);
  });

  it('publish a JSON Schema for editors that matches the validator (UPDATE=1 rewrites it)', () => {
    const generated = `${JSON.stringify(z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
    if (process.env.UPDATE) writeFileSync(JSON_SCHEMA, generated);
    // Compared as data: `npx prettier --write` may lay the file out differently.
    expect(JSON.parse(readFileSync(JSON_SCHEMA, 'utf8'))).toEqual(JSON.parse(generated));
  });
});
