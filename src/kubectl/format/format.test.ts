import { describe, expect, test } from 'vitest';
import { tabwrite } from './tabwriter';
import { table } from './table';
import { toYaml } from './yaml';

describe('table: kubectl’s tabwriter (minwidth 6, padding 3)', () => {
  test('matches real `kubectl get pods -n kube-system` on minikube (k8s-facts §7.2)', () => {
    const real = [
      'NAME                               READY   STATUS    RESTARTS      AGE',
      'coredns-668d6bf9bc-4xq7v           1/1     Running   0             2m10s',
      'etcd-minikube                      1/1     Running   0             2m16s',
      'kube-apiserver-minikube            1/1     Running   0             2m16s',
      'kube-controller-manager-minikube   1/1     Running   0             2m16s',
      'kube-proxy-9fz6k                   1/1     Running   0             2m10s',
      'kube-scheduler-minikube            1/1     Running   0             2m16s',
      'storage-provisioner                1/1     Running   1 (99s ago)   2m14s',
    ].join('\n');
    const rows = real.split('\n').map((l) => l.split(/ {2,}/));
    expect(table(rows)).toBe(real);
  });

  test('short columns are at least six wide; the last column is not padded', () => {
    expect(
      table([
        ['A', 'B', 'C'],
        ['x', 'yy', 'z'],
      ]),
    ).toBe('A     B     C\nx     yy    z');
  });

  test('describe’s blocks: a line without a tab ends the column block', () => {
    expect(
      tabwrite(
        'Name:\tweb\nService Account:\tdefault\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tReplicaSet/x',
        0,
        2,
      ),
    ).toBe(
      [
        'Name:             web',
        'Service Account:  default',
        'IPs:',
        '  IP:           10.0.0.1',
        'Controlled By:  ReplicaSet/x',
      ].join('\n'),
    );
  });
});

describe('toYaml: kubectl -o yaml', () => {
  test('sorted keys, lists under their key, ambiguous strings (and keys) quoted as go-yaml does', () => {
    expect(
      toYaml({
        metadata: { resourceVersion: '12', name: 'web', labels: { app: 'web' } },
        spec: { ports: [{ port: 80, name: 'http' }], empty: {} },
        on: 'true',
        surge: '25%',
      }),
    ).toBe(
      [
        'metadata:',
        '  labels:',
        '    app: web',
        '  name: web',
        '  resourceVersion: "12"',
        '"on": "true"',
        'spec:',
        '  empty: {}',
        '  ports:',
        '  - name: http',
        '    port: 80',
        'surge: 25%',
      ].join('\n'),
    );
  });

  test('strings stay plain unless go-yaml would read them otherwise (indicators first, ": ", " #", edge spaces, control characters)', () => {
    const plain = [
      'ReplicaSet "web-5df58554f6" has successfully progressed.',
      '-foo',
      '(x)',
      "it's",
      'a,b',
      'key:value',
      // Not in yaml.v2's resolve table, or not a number Go parses: strings.
      'yEs',
      'Infinity',
      '1.2.3',
      '2026-01-15x',
      '+',
      '--x',
    ];
    for (const s of plain) expect(toYaml({ s })).toBe(`s: ${s}`);
    // What would read back as another type, or needs an escape: double quotes.
    const doubleQuoted = [
      '',
      'a\tb',
      'a\u0007b',
      '<<',
      '.inf',
      '-.Inf',
      '1e3',
      '0x1f',
      '0o17',
      '0b101',
      '1_000',
      '09',
      '.5',
      'Yes',
      'OFF',
      '~',
      '1:20',
      '2026-01-15',
      '2026-01-15T09:00:00Z',
    ];
    for (const s of doubleQuoted) expect(toYaml({ s })).toBe(`s: ${JSON.stringify(s)}`);
    // What only an indicator or an edge space keeps from being plain: single quotes (kubectl
    // prints a ClusterRole's `verbs: ['*']` as `- '*'`).
    const singleQuoted = [
      '"x"',
      "'x'",
      '- x',
      '-',
      '*',
      '*x',
      '&x',
      '!x',
      '%x',
      '@x',
      '`x',
      '#x',
      '[x]',
      '{x}',
      'a: b',
      'a:',
      'a #b',
      ' a',
      'a ',
      '--- x',
      '...',
    ];
    for (const s of singleQuoted) expect(toYaml({ s })).toBe(`s: '${s.replaceAll("'", "''")}'`);
    expect(toYaml({ verbs: ['*'] })).toBe("verbs:\n- '*'");
  });
});
