/** kube-controller-manager: one process, shared informers, one control loop per controller. */
import type { ApiServer } from '../apiserver/apiServer';
import { Informer } from '../client/informer';
import type { Sim } from '../sim';
import { KCM, type Controller } from './controller';
import { DaemonSetController } from './daemonSetController';
import { DeploymentController } from './deploymentController';
import { EndpointSliceController } from './endpointSliceController';
import { GarbageCollector } from './garbageCollector';
import { NodeIpamController } from './nodeIpamController';
import { NodeLifecycleController } from './nodeLifecycleController';
import { PodGarbageCollector } from './podGarbageCollector';
import { ReplicaSetController } from './replicaSetController';

export class ControllerManager {
  readonly pods: Informer<'Pod'>;
  readonly replicaSet: ReplicaSetController;
  readonly deployment: DeploymentController;
  readonly nodeLifecycle: NodeLifecycleController;
  readonly nodeIpam: NodeIpamController;
  readonly endpointSlice: EndpointSliceController;
  readonly daemonSet: DaemonSetController;
  readonly garbageCollector: GarbageCollector;
  readonly podGarbageCollector: PodGarbageCollector;
  readonly controllers: readonly Controller[];

  constructor(
    private readonly sim: Sim,
    api: ApiServer,
    clusterCidr?: string,
  ) {
    this.pods = new Informer(api, KCM, 'Pod');
    this.replicaSet = new ReplicaSetController(sim, api, this.pods);
    this.deployment = new DeploymentController(sim, api, this.replicaSet.replicaSets, this.pods);
    this.nodeLifecycle = new NodeLifecycleController(sim, api, this.pods);
    this.nodeIpam = new NodeIpamController(sim, api, this.nodeLifecycle.nodes, clusterCidr);
    this.endpointSlice = new EndpointSliceController(sim, api, this.pods);
    this.daemonSet = new DaemonSetController(sim, api, this.pods, this.nodeLifecycle.nodes);
    this.garbageCollector = new GarbageCollector(
      sim,
      api,
      [this.pods, this.replicaSet.replicaSets, this.endpointSlice.slices] as never,
      [
        this.replicaSet.replicaSets,
        this.deployment.deployments,
        this.daemonSet.daemonSets,
        this.endpointSlice.services,
      ] as never,
    );
    this.podGarbageCollector = new PodGarbageCollector(sim, api, this.pods, this.nodeLifecycle.nodes);
    this.controllers = [
      this.nodeLifecycle,
      this.nodeIpam,
      this.replicaSet,
      this.deployment,
      this.endpointSlice,
      this.daemonSet,
      this.garbageCollector,
      this.podGarbageCollector,
    ];
  }

  get up(): boolean {
    return this.sim.isUp(KCM);
  }

  start(): void {
    this.sim.setUp(KCM, true);
    this.pods.start();
    for (const c of this.controllers) c.start();
  }

  stop(): void {
    this.sim.setUp(KCM, false);
    this.pods.halt();
    for (const c of this.controllers) c.stop();
  }
}
