import { describe, expect, it } from 'vitest';
import type { Command, Output } from '../kubectl/types';
import { manualClock } from '../playback/manualClock';
import * as engine from './engine';
import { createAppStore, type AppStore } from './appStore';
import { settledAt } from '../engine/clusterConfig';
import { promptOf, type KubectlModule } from './terminal';

const ok = (text: string): Output => ({ text, error: false });

/**
 * A small kubectl for the store's tests: the store's part is the same whatever the commands print,
 * so these commands say plainly what they saw and did.
 */
const fakeKubectl: KubectlModule = {
  MAX_COMMAND_LENGTH: 100,
  MAX_MANIFEST_BYTES: 1000,
  parseCommand(line, shell): Command {
    const [tool, verb] = line.trim().split(/\s+/);
    if (line.length > 100) return { type: 'error', output: { text: 'error: too long', error: true } };
    if (tool === 'clear') return { type: 'terminal', effect: { kind: 'clear' } };
    if (tool === 'exit') return { type: 'terminal', effect: { kind: 'exit' }, output: ok('logout') };
    if (tool === 'ssh')
      return {
        type: 'terminal',
        effect: { kind: 'enter', node: verb! },
        check: (r) => (r.machines.includes(verb!) ? null : { text: `no node ${verb}`, error: true }),
      };
    if (tool === 'dashboard')
      return { type: 'terminal', effect: { kind: 'dashboard' }, output: ok('opening') };
    if (tool === 'nodes')
      return {
        type: 'read',
        run: (r, sh) =>
          ok(
            `${sh.node ?? '-'} ${r
              .list('Node')
              .map((n) => n.metadata.name)
              .join(' ')}`,
          ),
      };
    if (tool === 'machines') return { type: 'read', run: (r) => ok(r.machines.join(' ')) };
    if (tool === 'replicas')
      return {
        type: 'read',
        run: (r) => ok(`replicas ${r.get('Deployment', 'default', 'web')?.spec.replicas ?? 'none'}`),
      };
    if (tool === 'addons') return { type: 'read', run: (r) => ok(String(r.addons.get('dashboard'))) };
    if (line.startsWith('minikube addons enable'))
      return { type: 'write', line, run: (_c, print) => print(ok('enabled')) };
    if (tool === 'watch') {
      let seen = 0;
      const count = (r: Parameters<Extract<Command, { type: 'watch' }>['first']>[0]) =>
        r.list('Pod', 'default').length;
      return {
        type: 'watch',
        first: (r) => ok(`pods ${(seen = count(r))}`),
        next: (r) => (count(r) === seen ? null : ok(`pods ${(seen = count(r))}`)),
      };
    }
    if (tool === 'scale')
      return {
        type: 'write',
        line,
        run: (c, print) => {
          // Retried on a conflict, as kubectl's scale subresource never meets one.
          const attempt = (tries: number) =>
            c.scale('Deployment', 'default', 'web', Number(verb), (r) => {
              if (r.ok) print(ok(`scaled to ${verb}`));
              else if (tries > 0) attempt(tries - 1);
              else print({ text: r.error.message, error: true });
            });
          attempt(3);
        },
      };
    if (tool === 'late')
      return { type: 'write', line, run: (c, print) => c.sim.after(5_000, () => print(ok('late answer'))) };
    if (tool === 'add') return { type: 'write', line, run: (c, print) => print(ok(`added ${c.addNode()}`)) };
    if (tool === 'stdin') return { type: 'write', line, run: (_c, print) => print(ok(`got ${shell.node}`)) };
    return { type: 'error', output: { text: `${tool}: command not found`, error: true } };
  },
  completions: (line) => ['get', 'describe'].filter((c) => c.startsWith(line.split(' ').pop() ?? '')),
};

function make(nodeCount = 2) {
  const { clock, frame } = manualClock();
  const store = createAppStore({
    config: { nodeCount, runtime: 'docker' },
    language: 'en',
    theme: null,
    clock,
    engine,
    kubectl: fakeKubectl,
    speed: 16,
  });
  return { store, frame };
}

const entries = (store: AppStore) => store.getState().terminal.entries;
const texts = (store: AppStore, i: number) => entries(store)[i]!.output.map((o) => o.text);
const webPods = (store: AppStore) =>
  [...store.getState().view.nodes.values()].flatMap((n) => n.pods).filter((p) => p.name.startsWith('web-'));

describe('the terminal in the store', () => {
  it('answers a read from the objects at the cursor, with the prompt and line as typed', () => {
    const { store } = make();
    store.getState().seekVirtual(settledAt(2));
    store.getState().runCommand('nodes');
    expect(entries(store)).toEqual([
      expect.objectContaining({ prompt: '$ ', command: 'nodes', output: [ok('- minikube minikube-m02')] }),
    ]);
    expect(store.getState().actions).toEqual([]);
  });

  it('reads the moment at the cursor, not the end of the recording', () => {
    const { store } = make();
    store.getState().seekVirtual(500);
    store.getState().runCommand('nodes');
    expect(texts(store, 0)).toEqual(['- minikube']);
  });

  it('refuses a bad line with the error in red, and changes nothing', () => {
    const { store } = make();
    const before = store.getState().player;
    store.getState().runCommand('kubeclt get pods');
    expect(entries(store)[0]!.output).toEqual([{ text: 'kubeclt: command not found', error: true }]);
    expect(store.getState().player).toBe(before);
  });

  it('does a write at the cursor: the run forks, the answer is printed once and the run plays on', () => {
    const { store, frame } = make();
    store.getState().seekVirtual(20_000);
    const before = store.getState().player;
    store.getState().runCommand('scale 5');
    expect(store.getState().player).not.toBe(before);
    expect(store.getState().actions).toEqual([
      { at: 20_000, action: { type: 'command', id: 1, line: 'scale 5' } },
    ]);
    // kube-apiserver's answer is recorded already, but printed only when the cursor gets there.
    expect(entries(store)[0]).toMatchObject({ output: [], state: 'waiting' });
    expect(store.getState().playback.playing).toBe(true);
    for (let i = 0; i < 2_000 && entries(store)[0]!.state === 'waiting'; i++) frame();
    expect(entries(store)[0]).toMatchObject({ output: [ok('scaled to 5')], state: 'done' });
    for (let i = 0; i < 20_000 && webPods(store).filter((p) => p.status === 'Running').length < 5; i++)
      frame();
    expect(webPods(store).filter((p) => p.status === 'Running')).toHaveLength(5);
    // The next write replays the first one: its answer is not printed again.
    store.getState().pause();
    store.getState().runCommand('scale 2');
    for (let i = 0; i < 2_000 && entries(store)[1]!.state === 'waiting'; i++) frame();
    expect(texts(store, 0)).toEqual(['scaled to 5']);
    expect(texts(store, 1)).toEqual(['scaled to 2']);
  });

  it('runs a line typed while a write waits once that write has returned, so a read finds the change', () => {
    const { store, frame } = make();
    store.getState().seekVirtual(20_000);
    store.getState().runCommand('scale 5');
    store.getState().runCommand('replicas');
    expect(entries(store)[1]).toMatchObject({ state: 'queued', output: [] });
    for (let i = 0; i < 2_000 && entries(store)[1]!.state === 'queued'; i++) frame();
    expect(texts(store, 0)).toEqual(['scaled to 5']);
    expect(texts(store, 1)).toEqual(['replicas 5']);
    // Ctrl+C stops a write waiting for its answer, and drops what was typed after it.
    store.getState().runCommand('late');
    store.getState().runCommand('replicas');
    store.getState().interruptCommand();
    expect(texts(store, 2)).toEqual(['^C']);
    expect(texts(store, 3)).toEqual(['^C']);
    expect(entries(store).every((e) => e.state === 'done')).toBe(true);
    for (let i = 0; i < 2_000; i++) frame();
    expect(texts(store, 2)).toEqual(['^C']);
  });

  it('plays on to kube-apiserver\u2019s refusal of a write, and prints it there', () => {
    const { store, frame } = make();
    store.getState().seekVirtual(3_000);
    store.getState().runCommand('scale 5');
    expect(store.getState().playback.playing).toBe(true);
    for (let i = 0; i < 2_000 && entries(store)[0]!.state === 'waiting'; i++) frame();
    expect(entries(store)[0]!.output[0]).toMatchObject({ error: true });
  });

  it('prints a late answer when the run records it', () => {
    const { store, frame } = make();
    store.getState().seekVirtual(20_000);
    store.getState().runCommand('late');
    expect(entries(store)[0]).toMatchObject({ output: [], state: 'waiting' });
    for (let i = 0; i < 2_000 && entries(store)[0]!.state === 'waiting'; i++) frame();
    expect(texts(store, 0)).toEqual(['late answer']);
  });

  it('shows the machines minikube added in the diagram and to later commands', () => {
    const { store } = make();
    store.getState().seekVirtual(20_000);
    store.getState().runCommand('add');
    expect(texts(store, 0)).toEqual(['added minikube-m03']);
    expect(store.getState().topology.nodes.map((n) => n.name)).toEqual([
      'minikube',
      'minikube-m02',
      'minikube-m03',
    ]);
    expect(
      store.getState().topology.components.some((c) => c.name === 'kubelet' && c.node === 'minikube-m03'),
    ).toBe(true);
    store.getState().runCommand('machines');
    expect(texts(store, 1)).toEqual(['minikube minikube-m02 minikube-m03']);
  });

  it('streams a watch as the cursor moves on, and stops on Ctrl+C or the next command', () => {
    const { store, frame } = make();
    store.getState().seekVirtual(settledAt(2));
    store.getState().runCommand('watch');
    expect(texts(store, 0)).toEqual(['pods 0']);
    expect(entries(store)[0]!.state).toBe('watching');
    store.getState().play();
    for (let i = 0; i < 20_000 && texts(store, 0).length < 2; i++) frame();
    expect(texts(store, 0)[1]).toMatch(/^pods [1-3]$/);
    store.getState().interruptCommand();
    const stopped = texts(store, 0);
    expect(stopped.at(-1)).toBe('^C');
    expect(entries(store)[0]!.state).toBe('done');
    for (let i = 0; i < 3_000; i++) frame();
    expect(texts(store, 0)).toEqual(stopped);

    store.getState().seekVirtual(settledAt(2));
    store.getState().runCommand('watch');
    store.getState().runCommand('nodes');
    store.getState().play();
    for (let i = 0; i < 3_000; i++) frame();
    // The next command stops the watch as Ctrl+C would, and says so.
    expect(texts(store, 1)).toEqual(['pods 0', '^C']);
  });

  it('goes into a node and out again; the prompt says where', () => {
    const { store } = make();
    store.getState().runCommand('ssh minikube-m09');
    expect(store.getState().terminal.shell).toEqual({ node: null });
    expect(texts(store, 0)).toEqual(['no node minikube-m09']);
    store.getState().runCommand('clear');
    store.getState().runCommand('ssh minikube-m02');
    expect(store.getState().terminal.shell).toEqual({ node: 'minikube-m02' });
    store.getState().runCommand('nodes');
    expect(entries(store)[1]!.prompt).toBe('docker@minikube-m02:~$ ');
    expect(texts(store, 1)[0]).toMatch(/^minikube-m02 /);
    store.getState().runCommand('stdin');
    expect(store.getState().actions[0]!.action).toMatchObject({ node: 'minikube-m02' });
    expect(texts(store, 2)).toEqual(['got minikube-m02']);
    store.getState().runCommand('exit');
    expect(store.getState().terminal.shell).toEqual({ node: null });
    expect(promptOf(store.getState().terminal.shell)).toBe('$ ');
  });

  it('clears the output (history stays), and opens the Dashboard in the app', () => {
    const { store } = make();
    store.getState().runCommand('nodes');
    store.getState().runCommand('clear');
    expect(entries(store)).toEqual([]);
    store.getState().runCommand('dashboard');
    expect(store.getState().selection).toEqual({ kind: 'component', id: 'dashboard' });
    expect(entries(store)[0]).toMatchObject({ note: 'dashboard', output: [ok('opening')] });
    expect(store.getState().terminal.history).toEqual(['nodes', 'clear', 'dashboard']);
  });

  it('keeps a history without empty lines, repeats or overlong lines; shows a long line cut', () => {
    const { store } = make();
    for (const line of ['nodes', 'nodes', '   ', 'machines', 'x'.repeat(10_000)])
      store.getState().runCommand(line);
    expect(store.getState().terminal.history).toEqual(['nodes', 'machines']);
    const long = entries(store).at(-1)!;
    expect(long.command.length).toBeLessThan(260);
    expect(long.command).toContain('10,000 characters');
    expect(long.output).toEqual([{ text: 'error: too long', error: true }]);
  });

  it('knows an addon is enabled as soon as minikube was told, before its objects exist', () => {
    const { store } = make();
    store.getState().seekVirtual(20_000);
    store.getState().runCommand('addons');
    store.getState().pause();
    store.getState().runCommand('minikube addons enable dashboard');
    store.getState().pause();
    store.getState().runCommand('addons');
    expect(entries(store).map((e) => e.output.map((o) => o.text).join())).toEqual([
      'false',
      'enabled',
      'true',
    ]);
    store.getState().seekVirtual(10_000);
    store.getState().runCommand('addons');
    expect(texts(store, 3)).toEqual(['false']);
  });

  it('completes from kubectl\u2019s candidates', () => {
    const { store } = make();
    expect(store.getState().completeCommand('kubectl ge')).toEqual(['get']);
  });
});
