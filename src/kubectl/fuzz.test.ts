/** Odd but well-formed manifests never throw inside the engine: each is created or refused with an error. */
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { prepareManifests } from './index';
import { readyCluster, run } from './testing/session';

const MANIFESTS = [
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b}\nspec: {}\n',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: c}\nspec: {replicas: 1, selector: {matchLabels: {x: y}}}\n',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 1, selector: {matchLabels: {x: y}}, template: {metadata: {labels: {x: y}}, spec: {containers: []}}}\n',
  'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: e}\nspec: {template: {spec: {containers: [{name: c}]}}}\n',
  'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: f}\nspec: {}\n',
  'apiVersion: v1\nkind: Pod\nmetadata: {name: g}\n',
  'apiVersion: v1\nkind: Pod\nmetadata: {name: h}\nspec: {containers: [{name: c, image: nginx, ports: [{containerPort: 99999}]}]}\n',
  'apiVersion: v1\nkind: Pod\nmetadata: {name: i}\nspec: {nodeName: nowhere, containers: [{name: c, image: nginx}]}\n',
  'apiVersion: v1\nkind: Pod\nmetadata: {name: j}\nspec: {containers: [{name: c, image: nginx, resources: {requests: {cpu: -1, memory: lots}}}]}\n',
  'apiVersion: v1\nkind: Service\nmetadata: {name: k}\n',
  'apiVersion: v1\nkind: Service\nmetadata: {name: l}\nspec: {ports: [{port: 0}]}\n',
  'apiVersion: v1\nkind: Service\nmetadata: {name: 1m}\nspec: {ports: [{port: 80}]}\n',
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n',
  'apiVersion: v1\nkind: Pod\nmetadata: {namespace: nope, name: o}\nspec: {containers: [{name: c, image: nginx}]}\n',
  'apiVersion: v1\nkind: Pod\nmetadata: {}\nspec: {containers: [{name: c, image: nginx}]}\n',
  'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {a: {b: c}}}\n',
  '- 1\n- 2\n',
  '"just a string"\n',
  'apiVersion: v1\nkind: List\nitems: [{apiVersion: v1, kind: Namespace, metadata: {name: q}}]\n',
];

describe('odd manifests', () => {
  beforeAll(() => prepareManifests());
  const t = readyCluster({ nodes: 1 }, 1);

  test.each(MANIFESTS)('%s', (manifest) => {
    const out = run(t, 'kubectl apply -f -', { node: null }, { stdin: manifest });
    expect(out.text).not.toBe('');
    if (process.env.SHOW) console.log(out.text);
    t.advance('2s');
  });

  test('random text never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const out = run(t, 'kubectl apply -f -', { node: null }, { stdin: text });
        expect(typeof out.text).toBe('string');
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  test('random command lines never throw', () => {
    const word = fc.constantFrom(
      'kubectl',
      'get',
      'pods',
      '-n',
      '-A',
      '-o',
      'wide',
      'yaml',
      'describe',
      'node',
      'minikube',
      'ssh',
      'node',
      'add',
      'scale',
      '--replicas=2',
      'deploy/web',
      '|',
      'grep',
      'x',
      '"',
      "'",
      '-l',
      'app=web',
      'delete',
      'taint',
      'nodes',
      'minikube',
      'a=b:NoSchedule',
      'drain',
      'logs',
      'rollout',
      'status',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), fc.boolean(), (words, inNode) => {
        const out = run(t, words.join(' '), { node: inNode ? 'minikube' : null });
        expect(typeof out.text).toBe('string');
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
