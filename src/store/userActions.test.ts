import { describe, expect, it } from 'vitest';
import { manifestPlacesAt, nodeStoppedAt, type RecordedAction } from './userActions';

const command = (at: number, line: string, node?: string): RecordedAction => ({
  at,
  action: { type: 'command', id: at, line, ...(node ? { node } : {}) },
});

describe("the learner's actions, read back at a moment", () => {
  it('a kubelet stopped from the panel or with systemctl in its node', () => {
    const actions: RecordedAction[] = [
      { at: 10, action: { type: 'stopKubelet', node: 'minikube-m02' } },
      { at: 20, action: { type: 'startKubelet', node: 'minikube-m02' } },
      command(30, 'sudo systemctl stop kubelet', 'minikube-m02'),
      command(35, 'systemctl stop kubelet', 'minikube-m03'),
      command(40, 'sudo systemctl restart kubelet.service', 'minikube-m02'),
    ];
    const at = (t: number) => nodeStoppedAt(actions, 'minikube-m02', t).kubelet;
    expect([at(5), at(10), at(20), at(30), at(40)]).toEqual([false, true, false, true, false]);
    // Since when: the last stop or start (a restart is a new process), none without either.
    const since = (t: number) => nodeStoppedAt(actions, 'minikube-m02', t).kubeletSince;
    expect([since(5), since(15), since(25), since(35), since(45)]).toEqual([undefined, 10, 20, 30, 40]);
    // Without sudo it was refused.
    expect(nodeStoppedAt(actions, 'minikube-m03', 50)).toEqual({ kubelet: false, machine: false });
  });

  it('the manifests moved by mv in the shell and by Stop / Start in the panel', () => {
    const actions: RecordedAction[] = [
      command(10, 'sudo mv /etc/kubernetes/manifests/etcd.yaml /tmp/', 'minikube'),
      { at: 20, action: { type: 'stopComponent', component: 'kube-scheduler' } },
      command(30, 'sudo mv /tmp/etcd.yaml /etc/kubernetes/manifests/', 'minikube'),
      { at: 40, action: { type: 'startComponent', component: 'kube-scheduler' } },
    ];
    const at = (t: number) => [...manifestPlacesAt(actions, t, 'minikube')];
    expect(at(0)).toEqual([]);
    expect(at(10)).toEqual([['etcd', '/tmp/etcd.yaml']]);
    expect(at(25)).toEqual([
      ['etcd', '/tmp/etcd.yaml'],
      ['kube-scheduler', '/tmp/kube-scheduler.yaml'],
    ]);
    expect(at(30)).toEqual([['kube-scheduler', '/tmp/kube-scheduler.yaml']]);
    expect(at(40)).toEqual([]);
  });
});
