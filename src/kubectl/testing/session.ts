/** Test helpers: run command lines against a TestCluster as the terminal would, and read the output. */
import type { Deployment } from '../../engine/api/types';
import { TestCluster, type TestClusterOptions } from '../../engine/testing/testCluster';
import { clusterReader } from '../reader';
import { parseCommand } from '../shell';
import { runWrite } from '../runWrite';
import type { CommandInput, Output, ShellState } from '../types';

export function webDeployment(replicas = 3, name = 'web'): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: 'default',
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: { app: name },
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'nginx:1.27',
              ports: [{ containerPort: 80 }],
              resources: { requests: { cpu: '100m', memory: '64Mi' } },
            },
          ],
        },
      },
    },
    status: {},
  };
}

/** A settled cluster with the `web` Deployment running (fixed seed). */
export function readyCluster(options: TestClusterOptions = {}, replicas = 3): TestCluster {
  const t = TestCluster.start({ seed: 7, checkInvariants: false, ...options });
  t.advance('8s');
  if (replicas > 0) t.apply(webDeployment(replicas));
  return t.advance('60s');
}

/** Runs one line: reads at the cluster's now, writes until answered (at most 10 s of virtual time). */
export function run(
  t: TestCluster,
  line: string,
  shell: ShellState = { node: null },
  input?: CommandInput,
): Output {
  const command = parseCommand(line, shell, input);
  switch (command.type) {
    case 'read':
      return command.run(clusterReader(t.cluster), shell);
    case 'error':
      return command.output;
    case 'terminal':
      return command.output ?? { text: '', error: false };
    case 'watch':
      return command.first(clusterReader(t.cluster));
    case 'write': {
      const lines = runWrite(t.cluster, command).filter((l) => l.text !== '');
      return { text: lines.map((l) => l.text).join('\n'), error: lines.some((l) => l.error) };
    }
  }
}
