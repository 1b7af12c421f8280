import { beforeAll, describe, expect, it } from 'vitest';
import * as kubectl from '../kubectl';
import { manualClock } from '../playback/manualClock';
import * as engine from './engine';
import { createAppStore, type AppStore } from './appStore';

/** The store with the real kubectl: what the page's terminal does, without the page. */
function make() {
  const { clock, frame } = manualClock();
  const store = createAppStore({
    config: { nodeCount: 2, runtime: 'docker' },
    language: 'en',
    theme: null,
    clock,
    engine,
    kubectl,
    speed: 16,
  });
  return { store, frame };
}

const last = (store: AppStore) => store.getState().terminal.entries.at(-1)!;
const lastText = (store: AppStore) =>
  last(store)
    .output.map((o) => o.text)
    .join('\n');
/** Plays frames until the last command's answer is printed (the cursor has reached it). */
function answered(store: AppStore, frame: () => void): void {
  for (let i = 0; i < 20_000 && last(store).state === 'waiting'; i++) frame();
}
const running = (store: AppStore, prefix: string) =>
  [...store.getState().view.nodes.values()]
    .flatMap((n) => n.pods)
    .filter((p) => p.name.startsWith(prefix) && p.status === 'Running');

describe('the terminal with the real kubectl', () => {
  beforeAll(() => kubectl.prepareManifests());

  it('reads, scales and applies at the cursor; a replay prints nothing twice', () => {
    const { store, frame } = make();
    store.getState().play();
    for (let i = 0; i < 20_000 && running(store, 'web-').length < 3; i++) frame();
    store.getState().pause();
    // A quiet moment: the Deployment's status has settled (scaling while it changes meets a 409 today).
    store.getState().seekVirtual(store.getState().playback.virtualTime + 15_000);
    store.getState().runCommand('kubectl get nodes');
    expect(lastText(store).split('\n')[0]).toBe('NAME           STATUS   ROLES           AGE   VERSION');

    store.getState().runCommand('kubectl scale deployment web --replicas=5');
    expect(store.getState().playback.playing).toBe(true);
    answered(store, frame);
    expect(lastText(store)).toBe('deployment.apps/web scaled');
    // Printed once the cursor has the change: a read now finds it.
    store.getState().runCommand('kubectl get deployment web -o jsonpath={.spec.replicas}');
    expect(lastText(store)).toBe('5');
    for (let i = 0; i < 20_000 && running(store, 'web-').length < 5; i++) frame();
    expect(running(store, 'web-')).toHaveLength(5);
    store.getState().pause();

    const manifest = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: solo',
      'spec:',
      '  containers:',
      '    - name: nginx',
      '      image: nginx:1.27',
    ].join('\n');
    store.getState().runCommand('kubectl apply -f -', { stdin: manifest });
    answered(store, frame);
    expect(lastText(store)).toBe('pod/solo created');
    for (let i = 0; i < 20_000 && running(store, 'solo').length < 1; i++) frame();
    expect(running(store, 'solo')).toHaveLength(1);
    const entries = store.getState().terminal.entries;
    expect(entries.map((e) => e.output.length)).toEqual([1, 1, 1, 1]);
  });

  it('keeps kubectl delete waiting until the pod is gone at the cursor, and Ctrl+C stops only the wait', () => {
    const { store, frame } = make();
    store.getState().play();
    for (let i = 0; i < 20_000 && running(store, 'web-').length < 3; i++) frame();
    store.getState().runCommand('kubectl run sleeper --image=busybox -- sleep 3600');
    for (let i = 0; i < 20_000 && running(store, 'sleeper').length < 1; i++) frame();
    store.getState().pause();
    const at = store.getState().playback.virtualTime;
    store.getState().runCommand('kubectl delete pod sleeper');
    answered(store, frame);
    expect(lastText(store)).toBe('pod "sleeper" deleted from default namespace');
    // busybox's sleep ignores SIGTERM: kubectl waits out the 30-s grace period with it.
    expect(last(store)).toMatchObject({ state: 'watching', waitsAfter: true });
    store.getState().play();
    for (let i = 0; i < 20_000 && store.getState().playback.virtualTime < at + 20_000; i++) frame();
    expect(last(store).state).toBe('watching');
    for (let i = 0; i < 20_000 && last(store).state === 'watching'; i++) frame();
    expect(last(store).state).toBe('done');
    expect(store.getState().playback.virtualTime - at).toBeGreaterThanOrEqual(30_000);
    expect(running(store, 'sleeper')).toEqual([]);
    expect(lastText(store)).toBe('pod "sleeper" deleted from default namespace');

    // Ctrl+C ends the wait, not the deletion.
    store.getState().runCommand('kubectl delete pod -l app=web');
    const deleting = last(store).id;
    answered(store, frame);
    expect(last(store).state).toBe('watching');
    store.getState().interruptCommand();
    const entry = store.getState().terminal.entries.find((e) => e.id === deleting)!;
    expect(entry.state).toBe('done');
    expect(entry.output.at(-1)!.text).toBe('^C');
  });

  it('follows -w through every change as the run plays: a pod deleted from Details ends as Error before DELETED', () => {
    const { store, frame } = make();
    store.getState().play();
    for (let i = 0; i < 20_000 && running(store, 'web-').length < 3; i++) frame();
    store.getState().runCommand('kubectl run sleeper --image=busybox -- sleep 3600');
    for (let i = 0; i < 20_000 && running(store, 'sleeper').length < 1; i++) frame();
    store.getState().runCommand('kubectl get pods sleeper -w --output-watch-events');
    const watching = last(store).id;
    // As the Details panel's Delete does: not typed, so the watch goes on.
    store.getState().perform({ type: 'deletePod', namespace: 'default', name: 'sleeper' });
    const shown = () =>
      store
        .getState()
        .terminal.entries.find((e) => e.id === watching)!
        .output.map((o) => o.text)
        .join('\n');
    store.getState().play();
    for (let i = 0; i < 40_000 && !shown().includes('DELETED'); i++) frame();
    const events = shown()
      .split('\n')
      .slice(1)
      .map((r) => r.split(/\s+/).slice(0, 4).join(' '));
    expect(events).toEqual([
      'ADDED sleeper 1/1 Running',
      'MODIFIED sleeper 1/1 Terminating',
      'MODIFIED sleeper 0/1 Error',
      'DELETED sleeper 0/1 Error',
    ]);
  });

  it('prints drain\'s "evicted" once each pod is gone at the cursor, then "drained"', () => {
    const { store, frame } = make();
    store.getState().play();
    for (let i = 0; i < 20_000 && running(store, 'web-').length < 3; i++) frame();
    const onM02 = () =>
      (store.getState().view.nodes.get('minikube-m02')?.pods ?? []).filter((p) => p.name.startsWith('web-'));
    const evicted = onM02().map((p) => p.name);
    expect(evicted.length).toBeGreaterThan(0);
    store.getState().runCommand('kubectl drain minikube-m02 --ignore-daemonsets');
    for (let i = 0; i < 20_000 && !lastText(store).includes('evicting pod'); i++) frame();
    expect(last(store).state).toBe('watching');
    expect(lastText(store)).not.toContain('evicted');
    for (let i = 0; i < 20_000 && last(store).state === 'watching'; i++) frame();
    const lines = lastText(store).split('\n');
    expect(lines.at(-1)).toBe('node/minikube-m02 drained');
    for (const name of evicted) expect(lines).toContain(`pod/${name} evicted`);
    // Where the cursor is when kubectl says so, the pods are gone.
    expect(onM02().filter((p) => evicted.includes(p.name))).toEqual([]);
  });

  it('tells in systemctl status since when kubelet runs, and since when it is stopped', () => {
    const { store, frame } = make();
    store.getState().seekVirtual(60_000);
    store.getState().runCommand('minikube ssh -n minikube-m02');
    store.getState().runCommand('systemctl status kubelet');
    // Never stopped: since the node joined, as its Node's creation says.
    expect(lastText(store)).toMatch(
      /Active: active \(running\) since Thu 2026-01-15 09:00:0\d UTC; \d+s ago/,
    );
    store.getState().runCommand('sudo systemctl stop kubelet');
    store.getState().pause();
    const stoppedAt = store.getState().actions.at(-1)!.at;
    store.getState().seekVirtual(stoppedAt + 90_000);
    frame();
    store.getState().runCommand('systemctl status kubelet');
    expect(lastText(store)).toContain(
      'Active: inactive (dead) since Thu 2026-01-15 09:01:00 UTC; 1min 30s ago',
    );
  });

  it('refuses an enormous replica count before anything runs', () => {
    const { store } = make();
    const player = store.getState().player;
    store.getState().runCommand('kubectl scale deployment web --replicas=1000000');
    expect(last(store).output[0]).toMatchObject({ error: true });
    expect(store.getState().player).toBe(player);
    expect(store.getState().actions).toEqual([]);
  });
});
