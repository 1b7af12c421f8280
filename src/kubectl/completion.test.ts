import { describe, expect, test } from 'vitest';
import { completions } from './index';
import { clusterReader } from './reader';
import { readyCluster } from './testing/session';

describe('completions', () => {
  const t = readyCluster({ nodes: 2 }, 2);
  const c = (line: string, node: string | null = null) =>
    completions(line, clusterReader(t.cluster), { node });

  test('commands, verbs, types, flags', () => {
    expect(c('')).toEqual(['clear', 'kubectl', 'minikube']);
    expect(c('kub')).toEqual(['kubectl']);
    expect(c('kubectl ge')).toEqual(['get']);
    expect(c('kubectl get dep')).toEqual(['deploy', 'deployments']);
    expect(c('kubectl get pods --all')).toEqual(['--all-namespaces']);
    expect(c('kubectl get pods -o ')).toEqual([
      'custom-columns=',
      'json',
      'jsonpath-as-json=',
      'jsonpath=',
      'name',
      'wide',
      'yaml',
    ]);
    expect(c('kubectl events -o ')).toEqual(['json', 'jsonpath-as-json=', 'jsonpath=', 'name', 'yaml']);
    expect(c('kubectl events --o')).toEqual(['--output']);
    expect(c('kubectl get pods -n kube-')).toEqual(['kube-node-lease', 'kube-public', 'kube-system']);
    expect(c('kubectl wa')).toEqual(['wait']);
    expect(c('kubectl wait --for=c')).toEqual(['--for=condition=Available', '--for=condition=Ready']);
    expect(c('kubectl wait --for=condition=Available deploy')).toEqual(['deploy', 'deployments']);
  });

  test('object names from the cluster', () => {
    expect(c('kubectl get nodes ')).toEqual(['minikube', 'minikube-m02']);
    expect(c('kubectl describe deployment w')).toEqual(['web']);
    expect(c('kubectl get pods -n kube-system etcd')).toEqual(['etcd-minikube']);
    expect(c('kubectl scale deployment/')).toEqual(['deployment/web']);
    expect(c('kubectl drain minikube-')).toEqual(['minikube-m02']);
    expect(c('kubectl logs web-').length).toBe(2);
    expect(c('kubectl logs dep')).toEqual(['deployment/']);
    expect(c('kubectl logs deployment/')).toEqual(['deployment/web']);
    expect(c('kubectl logs rs/')).toEqual([
      `rs/${t.cluster.list('ReplicaSet', 'default')[0]!.metadata.name}`,
    ]);
    expect(c('kubectl logs web -c ')).toEqual(['nginx']);
    expect(c('kubectl logs -l app=w')).toEqual(['app=web']);
    expect(c('kubectl logs --pre')).toEqual(['--prefix', '--previous']);
    expect(c('kubectl logs --max')).toEqual(['--max-log-requests']);
    expect(c('kubectl logs --all-')).toEqual(['--all-containers', '--all-pods']);
    expect(c('kubectl rollout history deployment/web --rev')).toEqual(['--revision']);
    expect(c('kubectl rollout status deployment/web --wa')).toEqual(['--watch']);
    expect(c('kubectl rollout status -n kube-system d')).toEqual([
      'daemonset/kindnet',
      'daemonset/kube-proxy',
      'deployment/coredns',
    ]);
    expect(c('kubectl rollout undo -n kube-system d')).toEqual(['deployment/coredns']);
  });

  test('minikube and the node shell', () => {
    expect(c('minikube ')).toEqual(['addons', 'dashboard', 'ip', 'node', 'ssh', 'status', 'version']);
    expect(c('minikube node delete ')).toEqual(['minikube', 'minikube-m02']);
    expect(c('minikube addons enable dash')).toEqual(['dashboard']);
    expect(c('minikube ssh -n ')).toEqual(['minikube', 'minikube-m02']);
    expect(c('', 'minikube')).toContain('docker');
    expect(c('sudo crictl p', 'minikube')).toEqual(['pods', 'ps']);
    expect(c('kubectl get pods | gr')).toEqual(['grep']);
  });
});
