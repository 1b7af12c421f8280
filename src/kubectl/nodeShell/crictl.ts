/** `crictl ps [-a]` and `crictl pods` inside a node (tabwriter minwidth 20, padding 3; IDs cut to 13). */
import { tabwrite } from '../format/tabwriter';
import { wallClock } from '../format/age';
import type { ClusterReader } from '../types';
import { nodeContainers } from './containers';
import { unitsDuration } from './docker';

export function crictlPs(reader: ClusterReader, node: string, all: boolean): string {
  const now = wallClock(reader.now);
  const rows = nodeContainers(reader, node)
    .filter((c) => !c.pause && (all || c.running))
    .map((c) => [
      c.id.slice(0, 13),
      c.imageId.slice(0, 13),
      `${unitsDuration(now - c.createdMs)} ago`,
      c.running ? 'Running' : 'Exited',
      c.name,
      String(c.attempt),
      c.podSandboxId.slice(0, 13),
      c.pod.metadata.name,
      c.pod.metadata.namespace ?? 'default',
    ]);
  return tabwrite(
    [['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE'], ...rows]
      .map((r) => r.join('\t'))
      .join('\n'),
    20,
    3,
  );
}

export function crictlPods(reader: ClusterReader, node: string): string {
  const now = wallClock(reader.now);
  const rows = nodeContainers(reader, node)
    .filter((c) => c.pause)
    .map((c) => [
      c.id.slice(0, 13),
      `${unitsDuration(now - c.createdMs)} ago`,
      c.running ? 'Ready' : 'NotReady',
      c.pod.metadata.name,
      c.pod.metadata.namespace ?? 'default',
      '0',
      '(default)',
    ]);
  return tabwrite(
    [['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME'], ...rows]
      .map((r) => r.join('\t'))
      .join('\n'),
    20,
    3,
  );
}
