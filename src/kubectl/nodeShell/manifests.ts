/**
 * The control plane's static pod manifests as files on the control-plane node: `ls` shows them,
 * `sudo mv` takes one out of /etc/kubernetes/manifests (kubelet stops that component) and puts it
 * back. Pure: the same moves give the same places, whether run on the engine or replayed from the
 * learner's recorded commands.
 */
import type { ControlPlaneComponent } from '../../engine/cluster';
import { tokenize } from '../parse/tokenize';

export const MANIFESTS_DIR = '/etc/kubernetes/manifests';
const HOME = '/home/docker';
/** Directories that exist on a minikube node, as far as this shell knows. */
const DIRECTORIES = new Set([MANIFESTS_DIR, '/etc/kubernetes', '/tmp', '/var/tmp', HOME, '/root', '/']);

export const CONTROL_PLANE_COMPONENTS: readonly ControlPlaneComponent[] = [
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
];

export const isControlPlaneComponent = (id: string): id is ControlPlaneComponent =>
  (CONTROL_PLANE_COMPONENTS as readonly string[]).includes(id);

/** Where each manifest moved out of MANIFESTS_DIR lies now (by component); the others are in it. */
export type ManifestPlaces = ReadonlyMap<ControlPlaneComponent, string>;

/** An absolute, normalised path: `~`, `.` and relative paths are from the home directory. */
export function absolute(path: string): string {
  let p = path === '~' || path.startsWith('~/') ? HOME + path.slice(1) : path;
  if (!p.startsWith('/')) p = `${HOME}/${p}`;
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

const dirname = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';
const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** The files in `dir` (absolute) on `node`; null if there is no such directory. */
export function filesIn(dir: string, onControlPlane: boolean, places: ManifestPlaces): string[] | null {
  if (!DIRECTORIES.has(dir)) return null;
  const files: string[] = [];
  if (onControlPlane) {
    for (const c of CONTROL_PLANE_COMPONENTS) {
      const place = places.get(c);
      if (place === undefined ? dir === MANIFESTS_DIR : dirname(place) === dir)
        files.push(basename(place ?? `${c}.yaml`));
    }
    if (dir === '/etc/kubernetes')
      files.push(
        'addons',
        'admin.conf',
        'controller-manager.conf',
        'kubelet.conf',
        'manifests',
        'scheduler.conf',
      );
  } else if (dir === '/etc/kubernetes') files.push('kubelet.conf', 'manifests');
  return files.sort();
}

export type ManifestMove =
  | {
      readonly ok: true;
      readonly component: ControlPlaneComponent;
      readonly into: boolean;
      readonly place: string;
    }
  | { readonly ok: false; readonly message: string };

/** `mv FROM TO` on a node: which manifest moves where, or mv's own error. */
export function moveManifest(
  from: string,
  to: string,
  sudo: boolean,
  onControlPlane: boolean,
  places: ManifestPlaces,
): ManifestMove {
  const source = absolute(from);
  const component = onControlPlane
    ? CONTROL_PLANE_COMPONENTS.find((c) => {
        const place = places.get(c);
        return place === undefined ? source === `${MANIFESTS_DIR}/${c}.yaml` : source === place;
      })
    : undefined;
  if (!component) return { ok: false, message: `mv: cannot stat '${from}': No such file or directory` };
  const dest = absolute(to);
  const target = DIRECTORIES.has(dest) ? `${dest === '/' ? '' : dest}/${basename(source)}` : dest;
  if (!DIRECTORIES.has(dirname(target)))
    return { ok: false, message: `mv: cannot move '${from}' to '${to}': No such file or directory` };
  // The manifests and wherever sudo put them belong to root.
  if (!sudo) return { ok: false, message: `mv: cannot move '${from}' to '${to}': Permission denied` };
  const into = dirname(target) === MANIFESTS_DIR;
  return { ok: true, component, into, place: target };
}

/** The places after a move. */
export function afterMove(places: ManifestPlaces, move: ManifestMove): ManifestPlaces {
  if (!move.ok) return places;
  const next = new Map(places);
  if (move.into) next.delete(move.component);
  else next.set(move.component, move.place);
  return next;
}

/** The words of a node-shell `mv` line, if it is one: [sudo, from, to]. */
export function mvWords(words: readonly string[]): { sudo: boolean; from: string; to: string } | null {
  const sudo = words[0] === 'sudo';
  const rest = sudo ? words.slice(1) : words;
  if (rest[0] !== 'mv') return null;
  const args = rest.slice(1).filter((a) => a !== '-f' && a !== '-v');
  if (args.length !== 2) return null;
  return { sudo, from: args[0]!, to: args[1]! };
}

/** A line typed in a shell (`node`: inside which node, if any). */
export interface ShellLine {
  readonly line: string;
  readonly node?: string | undefined;
}

/** A component stopped or started from the Details panel: its manifest goes to /tmp, or back. */
export interface ComponentSwitch {
  readonly component: ControlPlaneComponent;
  readonly stop: boolean;
}

/** As Cluster.stopComponent and startComponent move the manifest. */
function switched(places: ManifestPlaces, { component, stop }: ComponentSwitch): ManifestPlaces {
  if (stop === places.has(component)) return places;
  const next = new Map(places);
  if (stop) next.set(component, `/tmp/${component}.yaml`);
  else next.delete(component);
  return next;
}

/**
 * Where the manifests are after the node-shell commands typed so far, replayed in order: what the
 * terminal's `ls` shows at a moment of the run (the engine's own record is not kept per moment).
 */
export function manifestPlacesAfter(
  commands: readonly (ShellLine | ComponentSwitch)[],
  controlPlane: string,
): ManifestPlaces {
  let places: ManifestPlaces = new Map();
  for (const entry of commands) {
    if ('component' in entry) {
      places = switched(places, entry);
      continue;
    }
    const { line, node } = entry;
    if (node === undefined) continue;
    const words = tokenize(line).stages[0] ?? [];
    const mv = mvWords(words);
    if (mv) places = afterMove(places, moveManifest(mv.from, mv.to, mv.sudo, node === controlPlane, places));
  }
  return places;
}
