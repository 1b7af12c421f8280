/**
 * The headless runner's core: a fresh cluster, run until its nodes have joined, then each line of
 * a script as the terminal would run it, printing `$ <line>` and the output. `sleep 30s` advances
 * virtual time; writes run the engine until their answers come; `-w` and `rollout status` follow
 * for up to WATCH_MS; `minikube ssh` runs the following lines inside the node until `exit`;
 * `<<EOF … EOF` gives a command its stdin.
 */
import { Cluster } from '../../engine/cluster';
import { isRuntimeName, MAX_NODES, MIN_NODES, settledAt, type RuntimeName } from '../../engine/clusterConfig';
import { prepareManifests } from '../apply/yamlModule';
import { heredocStart } from '../parse/heredoc';
import { clusterReader } from '../reader';
import { runWrite } from '../runWrite';
import { parseCommand, prompt } from '../shell';
import type { ShellState } from '../types';

export interface RunOptions {
  readonly nodes?: number;
  readonly runtime?: RuntimeName;
  readonly seed?: number;
  /** Files `apply -f NAME` may read. */
  readonly files?: ReadonlyMap<string, string>;
}

/** How long a watch follows the cluster in a script (virtual ms). */
export const WATCH_MS = 30_000;
/** The longest single sleep a script may ask for. */
export const MAX_SLEEP_MS = 24 * 3_600_000;

export function parseSleep(arg: string | undefined): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(arg ?? '');
  if (!m) return null;
  return Math.round(Number(m[1]) * { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms']);
}

export async function runScript(script: string, options: RunOptions = {}): Promise<string> {
  await prepareManifests();
  const nodes = Math.min(MAX_NODES, Math.max(MIN_NODES, Math.floor(options.nodes ?? 1)));
  const runtime = options.runtime ?? 'docker';
  if (!isRuntimeName(runtime)) throw new Error(`unknown runtime ${String(runtime)}`);
  const cluster = new Cluster({ seed: options.seed ?? 1, config: { nodeCount: nodes, runtime } });
  cluster.run(settledAt(nodes));
  const out: string[] = [];
  let shell: ShellState = { node: null };
  const lines = script.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.trim();
    if (!line || line.startsWith('#')) continue;
    let stdin: string | undefined;
    const heredoc = heredocStart(line);
    out.push(prompt(shell) + line);
    if (heredoc) {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i]!.trim() !== heredoc.marker; i++) body.push(lines[i]!);
      out.push(...body.map((b) => `> ${b}`), `> ${heredoc.marker}`);
      stdin = body.join('\n') + '\n';
      line = heredoc.command;
    }
    const words = line.split(/\s+/);
    // Inside a node's shell too: sleep is a program there as well.
    if (words[0] === 'sleep') {
      const ms = parseSleep(words[1]);
      if (ms === null || ms > MAX_SLEEP_MS) out.push(`sleep: invalid time interval '${words[1] ?? ''}'`);
      else cluster.run(ms);
      continue;
    }
    const command = parseCommand(line, shell, {
      ...(stdin !== undefined ? { stdin } : {}),
      files: options.files ?? new Map(),
    });
    const print = (text: string) => {
      if (text !== '') out.push(text);
    };
    switch (command.type) {
      case 'error':
        print(command.output.text);
        break;
      case 'read':
        print(command.run(clusterReader(cluster), shell).text);
        break;
      case 'write':
        for (const o of runWrite(cluster, command)) print(o.text);
        break;
      case 'watch': {
        const first = command.first(clusterReader(cluster));
        if (first.text !== '' || first.error) print(first.text);
        for (let t = 0; t < WATCH_MS && !command.ended?.(); t += 1_000) {
          cluster.run(1_000);
          const next = command.next(clusterReader(cluster));
          if (next) print(next.text);
        }
        break;
      }
      case 'terminal': {
        const refused = command.check?.(clusterReader(cluster));
        if (refused) {
          print(refused.text);
          break;
        }
        if (command.output) print(command.output.text);
        if (command.effect.kind === 'enter') shell = { node: command.effect.node };
        if (command.effect.kind === 'exit') shell = { node: null };
        break;
      }
    }
  }
  return out.join('\n') + '\n';
}
