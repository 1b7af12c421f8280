/**
 * How long a container's process runs: most server images run until stopped; shells and REPLs
 * (busybox, alpine, ubuntu, python…) exit at once when started without a terminal, which is why
 * `kubectl run bb --image=busybox` ends in CrashLoopBackOff.
 */
import { parseImage } from './registry';

/** Images whose default command exits right away without a TTY. */
const EXITS_AT_ONCE = new Set([
  'library/busybox',
  'library/alpine',
  'library/ubuntu',
  'library/debian',
  'library/python',
  'library/node',
  'library/hello-world',
  'k8s-minikube/busybox',
  'busybox',
]);

/** A process that ends quickly still takes a moment to start and run. */
const QUICK_EXIT_MS = 1_000;

/**
 * Milliseconds until the process exits by itself, or null when it runs until stopped. `command`:
 * the process's words as kubelet starts it (the container's command, then its args).
 */
export function processLifetime(image: string, command: readonly string[] | undefined): number | null {
  if (command && command.length > 0) {
    const line = command.join(' ');
    // A script runs its sleeps one after another; a loop or `sleep infinity` never ends.
    const sleeps = [...line.matchAll(/\bsleep\s+(\d+|infinity)\b/g)].map((m) => m[1]!);
    if (sleeps.length)
      return sleeps.includes('infinity') || /\b(while|until)\b/.test(line)
        ? null
        : sleeps.reduce((ms, s) => ms + Number(s) * 1000, 0) + (/;|&&/.test(line) ? QUICK_EXIT_MS : 0);
    if (
      /^(echo|true|false|date|ls|cat|env|printenv|hostname)\b/.test(
        line.replace(/^(\/bin\/)?(sh|bash) -c /, ''),
      )
    )
      return QUICK_EXIT_MS;
    return null;
  }
  return EXITS_AT_ONCE.has(parseImage(image).repository) ? QUICK_EXIT_MS : null;
}

/** Programs that install no SIGTERM handler: as a container's PID 1 the signal does nothing to them. */
const NO_SIGTERM_HANDLER = new Set(['sh', 'bash', 'ash', 'dash', 'sleep', 'tail']);

/** Go programs with no SIGTERM handler of their own: Go's runtime exits with status 2 on it. */
const GO_WITHOUT_HANDLER = new Set(['e2e-test-images/agnhost', 'goproxy']);

/**
 * What SIGTERM does to a container's process: the exit code it ends with at once, or null when it
 * ignores the signal (a shell or `sleep` as PID 1: the kernel applies no default action to PID 1,
 * and these set no handler), to be killed by SIGKILL when the grace period ends. Servers handle
 * it and exit 0; a Go program without a handler exits 2.
 */
export function exitOnSigterm(image: string, command: readonly string[] | undefined): number | null {
  const repository = parseImage(image).repository;
  const first = command?.[0];
  if (first === undefined ? EXITS_AT_ONCE.has(repository) : NO_SIGTERM_HANDLER.has(first.split('/').pop()!))
    return null;
  return GO_WITHOUT_HANDLER.has(repository) ? 2 : 0;
}
