import { describe, expect, it } from 'vitest';
import type { KubeObject, Lease, Node, Pod, PodSpec } from '../api/types';
import { makeDeployment, makePod, makeService } from '../testing/builders';
import { admitCreate, defaultPullPolicy } from './admission';
import { authorize } from './authorization';
import { controllerUser, userOf } from './identity';
import { validate } from './validation';

const withSpec = (pod: Pod, spec: Partial<PodSpec>): Pod => ({ ...pod, spec: { ...pod.spec, ...spec } });
const node = (name: string) => ({ kind: 'Node', metadata: { name } }) as Node;
const lease = (namespace: string, name: string) =>
  ({ kind: 'Lease', metadata: { name, namespace } }) as Lease;
const bound = (nodeName: string) => ({
  ...makePod('p').build(),
  spec: { ...makePod('p').build().spec, nodeName },
});

describe('authentication', () => {
  it.each([
    ['kubectl', 'minikube-user'],
    ['kubelet/minikube-m02', 'system:node:minikube-m02'],
    ['kube-scheduler', 'system:kube-scheduler'],
    ['kube-proxy/minikube', 'system:serviceaccount:kube-system:kube-proxy'],
  ])('%s authenticates as %s', (endpoint, name) => {
    expect(userOf(endpoint as never).name).toBe(name);
  });
});

describe('authorization', () => {
  const kubelet = userOf('kubelet/minikube-m02' as never);
  it.each<[string, Parameters<typeof authorize>, boolean]>([
    [
      'kubelet updates its own Node',
      [kubelet, 'updateStatus', 'Node', node('minikube-m02'), node('minikube-m02')],
      true,
    ],
    [
      'kubelet updates another Node',
      [kubelet, 'updateStatus', 'Node', node('minikube'), node('minikube')],
      false,
    ],
    [
      'kubelet renews its own Lease',
      [kubelet, 'update', 'Lease', lease('kube-node-lease', 'minikube-m02'), undefined],
      true,
    ],
    [
      'kubelet renews another Lease',
      [kubelet, 'update', 'Lease', lease('kube-node-lease', 'minikube'), undefined],
      false,
    ],
    [
      'kubelet reports status of a pod bound to it',
      [kubelet, 'updateStatus', 'Pod', bound('minikube-m02'), bound('minikube-m02')],
      true,
    ],
    [
      'kubelet reports status of a pod on another node',
      [kubelet, 'updateStatus', 'Pod', bound('minikube'), bound('minikube')],
      false,
    ],
    [
      'kubelet creates a Deployment',
      [kubelet, 'create', 'Deployment', makeDeployment('d', 1), undefined],
      false,
    ],
    [
      'scheduler binds pods',
      [userOf('kube-scheduler' as never), 'bind', 'Pod', undefined, bound('minikube')],
      true,
    ],
    [
      'scheduler deletes Deployments',
      [userOf('kube-scheduler' as never), 'delete', 'Deployment', undefined, makeDeployment('d', 1)],
      false,
    ],
    [
      'replicaset-controller creates pods',
      [controllerUser('replicaset-controller'), 'create', 'Pod', makePod('x').build(), undefined],
      true,
    ],
    [
      'replicaset-controller deletes Nodes',
      [controllerUser('replicaset-controller'), 'delete', 'Node', undefined, node('minikube')],
      false,
    ],
    [
      'kube-proxy reads Services',
      [userOf('kube-proxy/minikube' as never), 'list', 'Service', undefined, undefined],
      true,
    ],
    [
      'kube-proxy writes Services',
      [userOf('kube-proxy/minikube' as never), 'create', 'Service', makeService('s', {}), undefined],
      false,
    ],
    [
      'kubectl (system:masters) does anything',
      [userOf('kubectl' as never), 'delete', 'Node', undefined, node('minikube')],
      true,
    ],
  ])('%s: %s', (_, args, allowed) => {
    expect(authorize(...args) === null).toBe(allowed);
  });
});

describe('validation', () => {
  it.each<[string, KubeObject, string[]]>([
    ['a valid pod', makePod('web-1').build(), []],
    ['an uppercase name', makePod('Web').build(), ['metadata.name: Invalid value: "Web"']],
    [
      'a service name starting with a digit',
      makeService('1svc', {}),
      ['metadata.name: Invalid value: "1svc"'],
    ],
    [
      'a deployment whose selector misses its labels',
      {
        ...makeDeployment('d', 1),
        spec: { ...makeDeployment('d', 1).spec, selector: { matchLabels: { app: 'other' } } },
      },
      ['spec.template.metadata.labels: Invalid value'],
    ],
    [
      'a fractional replica count',
      { ...makeDeployment('d', 1), spec: { ...makeDeployment('d', 1).spec, replicas: 1.5 } },
      ['spec.replicas: Invalid value: 1.5: must be an integer'],
    ],
    [
      'a mount of a volume the pod does not have',
      withSpec(makePod('v').build(), {
        containers: [{ name: 'app', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
      }),
      ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ],
    [
      'a volume named twice, and one with no source',
      withSpec(makePod('v').build(), {
        volumes: [{ name: 'a', emptyDir: {} }, { name: 'a', emptyDir: {} }, { name: 'b' }],
      }),
      [
        'spec.volumes[1].name: Duplicate value: "a"',
        'spec.volumes[2]: Required value: must specify a volume type',
      ],
    ],
    [
      'a negative memory request',
      makePod('m').requests({ memory: '-1Gi' }).build(),
      ['spec.containers[0].resources.requests[memory]: Invalid value: "-1Gi"'],
    ],
  ])('%s', (_, object, expected) => {
    const errors = validate(object);
    expect(errors).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(errors[i]).toContain(e));
  });
});

describe('ServiceAccount admission', () => {
  const admitted = (pod: Pod) => admitCreate(pod, '', () => '') as Pod;
  const uid = (pod: Pod) => ({ ...pod, metadata: { ...pod.metadata, uid: 'a1b2c3' } });

  it('gives a pod the default account and a kube-api-access token volume mounted read-only in each container', () => {
    const pod = admitted(
      uid(
        withSpec(makePod('p').build(), {
          containers: [
            { name: 'a', image: 'nginx' },
            { name: 'b', image: 'busybox' },
          ],
        }),
      ),
    );
    expect(pod.spec.serviceAccountName).toBe('default');
    const [volume] = pod.spec.volumes ?? [];
    expect(volume?.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(volume?.projected?.defaultMode).toBe(420);
    expect(volume?.projected?.sources.map((s) => Object.keys(s)[0])).toEqual([
      'serviceAccountToken',
      'configMap',
      'downwardAPI',
    ]);
    for (const c of pod.spec.containers)
      expect(c.volumeMounts).toEqual([
        { name: volume!.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
      ]);
  });

  it('leaves out the token when the pod opts out, and leaves mirror pods alone', () => {
    const optOut = admitted(uid(withSpec(makePod('p').build(), { automountServiceAccountToken: false })));
    expect(optOut.spec.volumes).toBeUndefined();
    expect(optOut.spec.serviceAccountName).toBe('default');
    const mirror = makePod('etcd-minikube').build();
    mirror.metadata.annotations = { 'kubernetes.io/config.mirror': 'static' };
    const admittedMirror = admitted(mirror);
    expect(admittedMirror.spec.serviceAccountName).toBeUndefined();
    expect(admittedMirror.spec.volumes).toBeUndefined();
  });

  it('defaults volume sources as SetDefaults does: mode 420, an empty hostPath type', () => {
    const pod = admitted(
      uid(
        withSpec(makePod('p').build(), {
          automountServiceAccountToken: false,
          volumes: [
            { name: 'c', configMap: { name: 'cfg' } },
            { name: 'h', hostPath: { path: '/tmp' } },
          ],
        }),
      ),
    );
    expect(pod.spec.volumes).toEqual([
      { name: 'c', configMap: { defaultMode: 420, name: 'cfg' } },
      { name: 'h', hostPath: { path: '/tmp', type: '' } },
    ]);
  });
});

describe('defaulting', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['registry.k8s.io/pause:3.10.1', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['nginx@sha256:abc', 'IfNotPresent'],
  ])('imagePullPolicy of %s is %s', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });
});

describe('Deployment spec validation (ValidateDeploymentSpec)', () => {
  const deploy = (spec: Record<string, unknown>) => {
    const d = makeDeployment('web', 2);
    return { ...d, spec: { ...d.spec, ...spec } } as KubeObject;
  };
  it.each([
    [
      { strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } },
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ],
    [
      { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } },
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ],
    [
      { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '150%' } } },
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%',
    ],
    [
      { strategy: { type: 'BlueGreen' } },
      'spec.strategy.type: Unsupported value: "BlueGreen": supported values: "Recreate", "RollingUpdate"',
    ],
    [{ minReadySeconds: -5 }, 'spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0'],
    [
      { revisionHistoryLimit: -1 },
      'spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      { progressDeadlineSeconds: 10, minReadySeconds: 10 },
      'spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds',
    ],
  ])('%o is refused', (spec, error) => {
    expect(validate(deploy(spec))).toEqual([error]);
  });
  it('a valid strategy passes', () => {
    expect(
      validate(deploy({ strategy: { type: 'Recreate' }, minReadySeconds: 5, progressDeadlineSeconds: 600 })),
    ).toEqual([]);
  });
});
