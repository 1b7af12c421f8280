/** A fixed scenario whose trace hash must be the same in Node.js and in a browser: the determinism check. */
import { Cluster } from '../cluster';
import { fnv32a } from '../controllers/templateHash';
import { makeDeployment } from './builders';

export interface ReferenceResult {
  readonly messages: number;
  readonly hash: string;
}

export function referenceRun(seed: number): ReferenceResult {
  const cluster = new Cluster({ config: { nodeCount: 3, runtime: 'docker' }, seed });
  cluster.run(60_000);
  cluster.apply(makeDeployment('web', 5));
  cluster.run(60_000);
  cluster.stopKubelet('minikube-m03');
  cluster.run(120_000);
  const text = JSON.stringify(cluster.sim.trace);
  return {
    messages: cluster.sim.trace.length,
    hash: `${fnv32a(text).toString(16).padStart(8, '0')}-${text.length}`,
  };
}
