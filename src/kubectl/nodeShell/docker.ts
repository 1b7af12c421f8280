/** `docker ps [-a]` inside a node: docker's table (tabwriter minwidth 10, padding 3), k8s_… names, "Up 2 minutes". */
import { tabwrite } from '../format/tabwriter';
import { wallClock } from '../format/age';
import type { ClusterReader } from '../types';
import { nodeContainers, type RuntimeContainer } from './containers';

/** github.com/docker/go-units HumanDuration. */
export function unitsDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(hours / 24 / 365)} years`;
}

/** docker truncates the quoted command to 20 characters with an ellipsis. */
const command = (c: string) => `"${[...c].length > 20 ? `${[...c].slice(0, 19).join('')}…` : c}"`;

export const dockerName = (c: RuntimeContainer) =>
  `k8s_${c.name}_${c.pod.metadata.name}_${c.pod.metadata.namespace}_${c.pod.metadata.uid}_${c.attempt}`;

export function dockerPs(reader: ClusterReader, node: string, all: boolean): string {
  const now = wallClock(reader.now);
  const rows = nodeContainers(reader, node)
    .filter((c) => all || c.running)
    .map((c) => [
      c.id.slice(0, 12),
      c.pause ? c.image : c.imageId.slice(0, 12),
      command(c.command),
      `${unitsDuration(now - c.createdMs)} ago`,
      c.running
        ? `Up ${unitsDuration(now - c.createdMs)}`
        : `Exited (${c.exitCode ?? 0}) ${unitsDuration(now - (c.finishedMs ?? now))} ago`,
      '',
      dockerName(c),
    ]);
  return tabwrite(
    [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'], ...rows]
      .map((r) => r.join('\t'))
      .join('\n'),
    10,
    3,
  );
}
