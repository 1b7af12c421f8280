/**
 * A command run inside a running container (CRI ExecSync), as an exec probe runs it: its exit code
 * and output. Files come from what the container's own shell script did by then (`touch`, `rm`,
 * `echo … >`, between its `sleep`s), so the Kubernetes docs' liveness example
 * (`touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600` probed with `cat /tmp/healthy`)
 * fails from its 30th second. System directories are there; other paths are not unless made.
 */
import { parseImage } from './registry';

export interface ExecResult {
  readonly exitCode: number;
  readonly output: string;
}

/** Images whose tools are busybox's (their error messages differ from GNU coreutils'). */
const BUSYBOX = new Set(['library/busybox', 'library/alpine', 'k8s-minikube/busybox', 'busybox']);

/**
 * Programs a busybox image does not have (its applets cover the rest): a probe that runs one fails
 * to start, as `curl` in busybox or alpine does.
 */
const NOT_IN_BUSYBOX = new Set([
  'curl',
  'bash',
  'python',
  'python3',
  'node',
  'redis-cli',
  'pg_isready',
  'mysqladmin',
]);

/** What the runtime answers when the program to exec is not in the image. */
const notFound = (program: string): ExecResult => ({
  exitCode: 126,
  output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\n`,
});

/** Directories every image has. */
const SYSTEM = /^\/(etc|usr|bin|sbin|lib|lib64|proc|sys|dev|var|run)(\/|$)/;

/** The script a `sh -c '…'` (or `bash -c`) command line runs, or the words joined. */
function script(words: readonly string[]): string {
  const i = words.findIndex((w) => w === '-c');
  if (i > 0 && /(^|\/)(ba)?sh$/.test(words[0]!)) return words.slice(i + 1).join(' ');
  return words.join(' ');
}

/** Statements of a shell script, in order (`;`, `&&` and new lines separate them). */
const statements = (text: string) =>
  text
    .split(/;|&&|\n/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Path → whether it exists, at `upMs` into the container's process (its script run step by step). */
function filesAt(processWords: readonly string[], upMs: number): Map<string, boolean> {
  const files = new Map<string, boolean>();
  let t = 0;
  for (const statement of statements(script(processWords))) {
    if (t > upMs) break;
    const words = statement.split(/\s+/);
    const sleep = /^sleep\s+(\d+)/.exec(statement);
    if (sleep) t += Number(sleep[1]) * 1000;
    else if (words[0] === 'touch') for (const f of words.slice(1)) files.set(f, true);
    else if (words[0] === 'rm')
      for (const f of words.slice(1).filter((w) => !w.startsWith('-'))) files.set(f, false);
    else {
      const redirect = /[^>]>>?\s*(\S+)$/.exec(statement);
      if (redirect) files.set(redirect[1]!, true);
    }
  }
  return files;
}

/** busybox's and GNU's `sleep` argument in ms: seconds with an optional fraction and unit; NaN if not one. */
function sleepArgMs(arg: string): number {
  if (arg === 'infinity') return Infinity;
  const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return NaN;
  const unit = { '': 1, s: 1, m: 60, h: 3_600, d: 86_400 }[m[2]!]!;
  return Number(m[1]) * unit * 1000;
}

/**
 * How long `command` runs inside the container: its sleeps one after another (a `while` or
 * `until` loop, or `sleep infinity`, never ends). What else a probe runs takes no time worth
 * counting. ExecSync's timeout (the probe's timeoutSeconds) cuts off a command that runs longer.
 */
export function execDurationMs(command: readonly string[]): number {
  let ms = 0;
  for (const statement of statements(script(command))) {
    const [word = '', ...args] = statement.split(/\s+/);
    const verb = word.split('/').pop()!;
    if (verb === 'while' || verb === 'until') return Infinity;
    if (verb !== 'sleep') continue;
    for (const arg of args) {
      const each = sleepArgMs(arg);
      if (!Number.isNaN(each)) ms += each;
    }
  }
  return ms;
}

/**
 * Runs `command` in a container of `image` whose process is `processWords`, `upMs` after it
 * started. Commands this model cannot read succeed (an app's own check, `redis-cli ping`, passes
 * while its app runs).
 */
export function execInContainer(
  image: string,
  processWords: readonly string[],
  command: readonly string[],
  upMs: number,
): ExecResult {
  const busybox = BUSYBOX.has(parseImage(image).repository);
  const files = filesAt(processWords, upMs);
  const exists = (path: string) => files.get(path) ?? SYSTEM.test(path);
  let result: ExecResult = { exitCode: 0, output: '' };
  for (const statement of statements(script(command))) {
    const [word = '', ...args] = statement.split(/\s+/);
    // `/bin/cat` is `cat`.
    const verb = word.split('/').pop()!;
    if (busybox && NOT_IN_BUSYBOX.has(verb)) return notFound(word);
    const paths = args.filter((a) => !a.startsWith('-') && a !== ']');
    const missing = paths.find((p) => !exists(p));
    switch (verb) {
      case 'true':
      case ':':
        result = { exitCode: 0, output: '' };
        break;
      case 'false':
        result = { exitCode: 1, output: '' };
        break;
      case 'exit':
        return { exitCode: Number(args[0] ?? 0) || 0, output: result.output };
      case 'cat':
        result = missing
          ? {
              exitCode: 1,
              output: busybox
                ? `cat: can't open '${missing}': No such file or directory\n`
                : `cat: ${missing}: No such file or directory\n`,
            }
          : { exitCode: 0, output: '' };
        break;
      case 'ls':
      case 'stat':
        result = missing
          ? {
              exitCode: 1,
              output: busybox
                ? `${verb}: ${missing}: No such file or directory\n`
                : `${verb}: cannot ${verb === 'ls' ? 'access' : 'statx'} '${missing}': No such file or directory\n`,
            }
          : { exitCode: 0, output: '' };
        break;
      case 'test':
      case '[':
        result = { exitCode: missing ? 1 : 0, output: '' };
        break;
      default:
        result = { exitCode: 0, output: '' };
    }
    if (result.exitCode !== 0 && !statement.includes('||')) return result;
  }
  return result;
}
