/**
 * The terminal: what was typed and printed, the command history and where the prompt is. A read
 * is answered from the objects at the playback cursor; a write is a user action (the run forks at
 * the cursor and replays), and what kubectl prints as kube-apiserver answers is printed when the
 * cursor reaches the moment it was recorded at, so the terminal never tells of a change the cluster
 * shown does not have yet. A line entered meanwhile waits its turn, as a shell's typed-ahead line
 * does. A watch prints again each time the objects at the cursor change. kubectl's code is loaded
 * when the terminal is first used, never with the page.
 */
import type { Kind, KubeObject } from '../engine/api/types';
import { RESOURCES } from '../engine/api/resources';
import type { Cluster, ControlPlaneComponent } from '../engine/cluster';
import type { RuntimeName } from '../engine/clusterConfig';
import { objectAccess } from '../kubectl/history';
import type { ClusterReader, Command, CommandInput, Output, ShellState } from '../kubectl/types';
import { promptOf, type TerminalEntry, type TerminalState } from './terminalState';
import { manifestPlacesAt, nodeStoppedAt, type CommandAction, type RecordedAction } from './userActions';
import { parseHeredoc, shownHeredoc } from '../kubectl/parse/heredoc';

export { EMPTY_TERMINAL, promptOf, type TerminalEntry, type TerminalState } from './terminalState';

/** What the store needs of src/kubectl (loaded lazily in the page, given at once in tests). */
export interface KubectlModule {
  parseCommand(line: string, shell: ShellState, input?: CommandInput): Command;
  completions(line: string, reader: ClusterReader, shell: ShellState): string[];
  readonly MAX_COMMAND_LENGTH: number;
  readonly MAX_MANIFEST_BYTES: number;
}

/** The kinds this cluster serves, as a manifest names them. */
export const MANIFEST_KINDS: readonly string[] = Object.keys(RESOURCES);

/** Entries kept (the oldest go first), lines of history kept, and characters of a long line shown. */
export const MAX_ENTRIES = 300;
export const MAX_HISTORY = 200;
const SHOWN_CHARS = 200;
/** A here-document's lines are shown too, up to this many characters. */
const SHOWN_DOCUMENT_CHARS = 4_000;

/** What kubectl can see at the cursor: the objects there (etcd key → object), read as etcd ranges are. */
export function objectsReader(
  objects: ReadonlyMap<string, KubeObject>,
  now: number,
  runtime: RuntimeName,
  machines: readonly string[],
  /** Addons minikube was told to enable or disable by then (its own config changes at once). */
  told: ReadonlyMap<string, boolean> = new Map(),
  files: Pick<
    ClusterReader,
    'manifestPlaces' | 'kubeletsDown' | 'kubeletsSince' | 'apiServerDown' | 'processesDown' | 'history'
  > = {},
): ClusterReader {
  const dashboard = [...objects.keys()].some((k) =>
    k.startsWith('/registry/deployments/kubernetes-dashboard/'),
  );
  return {
    ...files,
    now,
    runtime,
    machines,
    addons: new Map([
      ['dashboard', told.get('dashboard') ?? dashboard],
      ['default-storageclass', told.get('default-storageclass') ?? true],
      ['storage-provisioner', told.get('storage-provisioner') ?? true],
    ]),
    ...objectAccess(objects),
  };
}

/** What `minikube addons enable|disable NAME` commands done by virtual time `t` left each addon at. */
export function addonsTold(actions: readonly RecordedAction[], t: number): Map<string, boolean> {
  const told = new Map<string, boolean>();
  for (const { at, action } of actions) {
    if (at > t || action.type !== 'command') continue;
    const m = /^\s*minikube\s+addons\s+(enable|disable)\s+([\w-]+)\s*$/.exec(action.line);
    if (m) told.set(m[2]!, m[1] === 'enable');
  }
  return told;
}

/** The line as the terminal shows it: a very long one is cut, saying how long it was. */
export function shownLine(line: string, max = SHOWN_CHARS): string {
  return line.length > max ? `${line.slice(0, max)}… (${line.length.toLocaleString('en')} characters)` : line;
}

/** What the cluster is at the playback cursor, as the store has it. */
export interface CursorObjects {
  readonly objects: ReadonlyMap<string, KubeObject>;
  /** The cursor's virtual time. */
  readonly now: number;
  readonly runtime: RuntimeName;
  readonly machines: readonly string[];
  readonly actions: readonly RecordedAction[];
  /** The control-plane processes not running at the cursor. */
  readonly processesDown?: ReadonlySet<ControlPlaneComponent>;
  /** The run's recorded changes up to the cursor, and the objects at an earlier moment (for watches). */
  readonly changedAt?: (kind: Kind, since: number) => readonly number[];
  readonly objectsAt?: (t: number) => ReadonlyMap<string, KubeObject>;
}

/** The terminal's side of the store: what the rest of the store gives it. */
export interface TerminalHost {
  getTerminal(): TerminalState;
  setTerminal(terminal: TerminalState): void;
  /** The cluster's objects at the cursor, with the cursor's virtual time, runtime, machines and the learner's actions. */
  cursorNow(): CursorObjects | null;
  /** Forks the run at the cursor with this command done there, and plays on. */
  performCommand(action: CommandAction): void;
  openDashboard(): void;
}

export interface Terminal {
  run(line: string, input?: CommandInput): void;
  interrupt(): void;
  clear(): void;
  complete(line: string): string[];
  check(line: string, input?: CommandInput): Output | null;
  load(): Promise<void>;
  /** Runs a recorded command inside a run being recorded (a replay at fork time, or later). */
  replay(action: CommandAction, cluster: Cluster): void;
  /** The objects at the cursor changed: a watch prints what is new. */
  cursorMoved(): void;
  /** The cursor moved (objects or not): answers recorded by then are printed. */
  timeMoved(): void;
}

/** Builds the terminal's logic around the store (`load` fetches kubectl's code; tests pass it in). */
export function createTerminal(
  host: TerminalHost,
  loader: () => Promise<KubectlModule>,
  given?: KubectlModule,
): Terminal {
  let kubectl: KubectlModule | null = given ?? null;
  let loading: Promise<void> | null = null;
  let nextId = 1;
  let watch: {
    readonly id: number;
    readonly command: Extract<Command, { type: 'watch' }>;
    at: number;
  } | null = null;
  /** The writes whose answers are still to be printed, by entry id: what they wait on after them. */
  const writes = new Map<
    number,
    { readonly command: Extract<Command, { type: 'write' }>; typedNow: boolean }
  >();
  /** Lines entered while a write was waiting, oldest first, with the entries that show them. */
  let queue: { readonly id: number; readonly typed: string; readonly input?: CommandInput }[] = [];

  const readerNow = (): ClusterReader | null => {
    const at = host.cursorNow();
    if (!at) return null;
    const manifestPlaces = manifestPlacesAt(at.actions, at.now, at.machines[0] ?? 'minikube');
    const files = {
      manifestPlaces,
      apiServerDown: manifestPlaces.has('kube-apiserver') || at.processesDown?.has('kube-apiserver') === true,
      ...(at.processesDown ? { processesDown: at.processesDown } : {}),
      kubeletsDown: new Set(at.machines.filter((m) => nodeStoppedAt(at.actions, m, at.now).kubelet)),
      kubeletsSince: new Map(
        at.machines.flatMap((m) => {
          const since = nodeStoppedAt(at.actions, m, at.now).kubeletSince;
          return since === undefined ? [] : [[m, since] as const];
        }),
      ),
    };
    const told = addonsTold(at.actions, at.now);
    const { changedAt, objectsAt } = at;
    const history =
      changedAt && objectsAt
        ? {
            changedAt,
            at: (t: number) => objectsReader(objectsAt(t), t, at.runtime, at.machines, told, files),
          }
        : undefined;
    return objectsReader(at.objects, at.now, at.runtime, at.machines, told, {
      ...files,
      ...(history ? { history } : {}),
    });
  };
  const update = (change: (t: TerminalState) => TerminalState) =>
    host.setTerminal(change(host.getTerminal()));
  const patchEntry = (id: number, change: (e: TerminalEntry) => TerminalEntry) =>
    update((t) => ({ ...t, entries: t.entries.map((e) => (e.id === id ? change(e) : e)) }));
  const stopWatch = () => {
    if (!watch) return;
    const id = watch.id;
    watch = null;
    patchEntry(id, (e) => ({ ...e, state: 'done' }));
  };

  const load = (): Promise<void> => {
    if (kubectl) return Promise.resolve();
    loading ??= loader().then((m) => {
      kubectl = m;
      update((t) => ({ ...t, loaded: true, manifestLimit: m.MAX_MANIFEST_BYTES }));
    });
    return loading;
  };

  /** Stops a running watch as Ctrl+C does, and shows it so (a real shell needs ^C before the next command). */
  const interruptWatch = () => {
    if (!watch) return;
    const id = watch.id;
    stopWatch();
    patchEntry(id, (e) => ({ ...e, output: [...e.output, { text: '^C', error: false }] }));
  };

  /** A write still waits for its answer to be printed: a line entered now waits its turn. */
  const busy = () => host.getTerminal().entries.some((e) => e.state === 'waiting');

  /** The line as bash reads it: a command, and its here-document's text on stdin if it has one. */
  const lineOf = (typed: string, typedInput?: CommandInput) => {
    const doc = typed.includes('\n') ? parseHeredoc(typed) : null;
    const line = doc ? doc.command : typed;
    const input = doc ? { ...typedInput, stdin: doc.stdin } : typedInput;
    const trimmed = (doc ? typed.split('\n')[0]! : line).trim();
    return { doc, line, input, trimmed };
  };

  /** Shows the line entered, with the prompt it was entered at, and keeps it in the history. */
  const addEntry = (k: KubectlModule, typed: string, state: TerminalEntry['state']): number => {
    const { doc, line, trimmed } = lineOf(typed);
    const id = nextId++;
    const entry: TerminalEntry = {
      id,
      prompt: promptOf(host.getTerminal().shell),
      command: doc ? shownLine(shownHeredoc(typed), SHOWN_DOCUMENT_CHARS) : shownLine(line),
      output: [],
      printed: 0,
      state,
    };
    update((t) => {
      const last = t.history[t.history.length - 1];
      const keep = trimmed !== '' && trimmed !== last && line.length <= k.MAX_COMMAND_LENGTH;
      return {
        ...t,
        entries: [...t.entries, entry].slice(-MAX_ENTRIES),
        history: keep ? [...t.history, trimmed].slice(-MAX_HISTORY) : t.history,
      };
    });
    return id;
  };

  const execute = (k: KubectlModule, typed: string, typedInput?: CommandInput) => {
    if (busy() || queue.length) {
      const id = addEntry(k, typed, 'queued');
      queue.push({ id, typed, ...(typedInput ? { input: typedInput } : {}) });
      return;
    }
    interruptWatch();
    dispatch(k, addEntry(k, typed, 'done'), typed, typedInput);
  };

  /** Runs the lines that waited, in order, until one is a write that waits in turn. */
  const runQueued = () => {
    if (!kubectl) return;
    while (queue.length && !busy()) {
      const next = queue.shift()!;
      if (!host.getTerminal().entries.some((e) => e.id === next.id)) continue; // cleared meanwhile
      interruptWatch();
      patchEntry(next.id, (e) => ({ ...e, state: 'done' }));
      dispatch(kubectl, next.id, next.typed, next.input);
    }
  };

  /** Prints the answers recorded by the cursor's moment; a write whose first answer is out is done, or waits after it. */
  const release = () => {
    if (!writes.size) return;
    const at = host.cursorNow();
    if (!at) return;
    for (const e of host.getTerminal().entries) {
      if (!e.pending?.length || e.pending[0]!.at > at.now) continue;
      const out = e.pending.filter((p) => p.at <= at.now).map((p) => p.output);
      const left = e.pending.filter((p) => p.at > at.now);
      const write = writes.get(e.id);
      const follow = e.state === 'waiting' && write?.typedNow ? write.command.waitAfter?.() : null;
      patchEntry(e.id, (x) => ({
        ...x,
        output: [...x.output, ...out],
        pending: left,
        state: x.state === 'waiting' ? (follow ? 'watching' : 'done') : x.state,
        ...(follow ? { waitsAfter: true } : {}),
      }));
      if (write) write.typedNow = false;
      if (!left.length) writes.delete(e.id);
      // Then kubectl waits (delete --wait) as a watch does, until the cluster at the cursor shows it done.
      if (follow) {
        interruptWatch();
        watch = { id: e.id, command: follow, at: -Infinity };
      }
    }
    runQueued();
  };

  const dispatch = (k: KubectlModule, id: number, typed: string, typedInput?: CommandInput) => {
    const { shell } = host.getTerminal();
    const { line, input, trimmed } = lineOf(typed, typedInput);
    if (trimmed === '') return;
    const command = k.parseCommand(line, shell, input);
    const print = (output: Output) => patchEntry(id, (e) => ({ ...e, output: [...e.output, output] }));
    switch (command.type) {
      case 'error':
        return print(command.output);
      case 'read': {
        const reader = readerNow();
        if (reader) print(command.run(reader, shell));
        return;
      }
      case 'watch': {
        const reader = readerNow();
        if (!reader) return;
        // A watch with nothing to say yet (kubectl wait) prints nothing until it has.
        const first = command.first(reader);
        if (first.text !== '' || first.error) print(first);
        if (command.ended?.()) return;
        watch = { id, command, at: reader.now };
        patchEntry(id, (e) => ({ ...e, state: 'watching' }));
        return;
      }
      case 'terminal': {
        const { effect } = command;
        const reader = command.check ? readerNow() : null;
        const refused = reader && command.check ? command.check(reader) : null;
        if (refused) return print(refused);
        if (effect.kind === 'clear') {
          update((t) => ({ ...t, entries: [] }));
          return;
        }
        if (command.output) print(command.output);
        if (effect.kind === 'enter') update((t) => ({ ...t, shell: { node: effect.node } }));
        if (effect.kind === 'exit') update((t) => ({ ...t, shell: { node: null } }));
        if (effect.kind === 'dashboard' && !command.output?.error) {
          host.openDashboard();
          patchEntry(id, (e) => ({ ...e, note: 'dashboard' }));
        }
        return;
      }
      case 'write': {
        patchEntry(id, (e) => ({ ...e, state: 'waiting' }));
        writes.set(id, { command, typedNow: true });
        host.performCommand({
          type: 'command',
          id,
          line,
          ...(shell.node !== null ? { node: shell.node } : {}),
          ...(input?.stdin !== undefined ? { stdin: input.stdin } : {}),
        });
        return;
      }
    }
  };

  return {
    run(line, input) {
      if (kubectl) execute(kubectl, line, input);
      else void load().then(() => execute(kubectl!, line, input));
    },
    interrupt() {
      interruptWatch();
      // Ctrl+C stops kubectl waiting for its answer (the request is sent: the change goes on in the
      // cluster) and drops what was typed ahead, as a shell does.
      const stopped = { text: '^C', error: false };
      for (const e of host.getTerminal().entries) {
        if (e.state !== 'waiting') continue;
        writes.delete(e.id);
        patchEntry(e.id, (x) => ({
          ...x,
          state: 'done',
          pending: [],
          printed: Number.MAX_SAFE_INTEGER,
          output: [...x.output, stopped],
        }));
      }
      for (const q of queue) patchEntry(q.id, (e) => ({ ...e, state: 'done', output: [stopped] }));
      queue = [];
    },
    clear() {
      stopWatch();
      queue = [];
      update((t) => ({ ...t, entries: [] }));
    },
    complete(line) {
      const reader = readerNow();
      if (!kubectl || !reader) return [];
      return kubectl.completions(line, reader, host.getTerminal().shell);
    },
    check(line, input) {
      if (!kubectl) return null;
      const command = kubectl.parseCommand(line, host.getTerminal().shell, input);
      return command.type === 'error' ? command.output : null;
    },
    load,
    replay(action, cluster) {
      if (!kubectl) return;
      const input = action.stdin !== undefined ? { stdin: action.stdin } : undefined;
      const command = kubectl.parseCommand(action.line, { node: action.node ?? null }, input);
      if (command.type !== 'write') return;
      // Only the command just typed (still waiting for its answer) goes on waiting after it; a
      // replay of an earlier one at a later fork does not.
      const typedNow = host.getTerminal().entries.find((e) => e.id === action.id)?.state === 'waiting';
      let index = 0;
      if (typedNow) writes.set(action.id, { command, typedNow: true });
      command.run(cluster, (output) => {
        const at = index++;
        const entry = host.getTerminal().entries.find((e) => e.id === action.id);
        // A replay prints again what the terminal already shows: only what is new is added.
        if (!entry || entry.printed !== at) return;
        // Kept until the cursor gets to the moment it was recorded at.
        const pending = { at: cluster.sim.now, output };
        patchEntry(action.id, (e) => ({ ...e, printed: at + 1, pending: [...(e.pending ?? []), pending] }));
        if (!writes.has(action.id)) writes.set(action.id, { command, typedNow: false });
        release();
      });
    },
    timeMoved() {
      release();
    },
    cursorMoved() {
      release();
      if (!watch) return;
      const reader = readerNow();
      if (!reader || reader.now <= watch.at) return;
      watch.at = reader.now;
      const output = watch.command.next(reader);
      if (output && output.text !== '') {
        const id = watch.id;
        patchEntry(id, (e) => ({ ...e, output: [...e.output, output] }));
      }
      if (watch.command.ended?.()) stopWatch();
    },
  };
}
