/**
 * upstream's TriggerTimeTracker (pkg/controller/util/endpoint): the time a Service's endpoints last
 * had cause to change, which the endpointslice controller writes on its slices as the
 * `endpoints.kubernetes.io/last-change-trigger-time` annotation (kube-proxy's network programming
 * latency is measured from it). A pod's trigger time is its Ready condition's last transition; the
 * Service's, its creation. A Service's first sync reports its creation; each later one the
 * earliest of the trigger times that moved since the sync before, or none (and the annotation is
 * dropped) when none moved.
 */
import type { Pod, Service } from '../api/types';

export const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

interface ServiceState {
  lastServiceTriggerTime: string;
  lastPodTriggerTimes: Map<string, string>;
}

/** RFC 3339 timestamps in UTC at seconds precision order as text; '' is the zero time. */
const after = (a: string, b: string | undefined) => a > (b ?? '');
const earliest = (a: string, b: string) => (a === '' || b < a ? b : a);

export class TriggerTimeTracker {
  private readonly states = new Map<string, ServiceState>();

  /** The trigger time for this sync of `service` ('' for none), remembering what it saw. */
  compute(key: string, service: Service, pods: readonly Pod[]): string {
    const known = this.states.get(key);
    const state = known ?? { lastServiceTriggerTime: '', lastPodTriggerTimes: new Map() };
    let changed = '';
    const podTimes = new Map<string, string>();
    for (const pod of pods) {
      const time = pod.status.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime;
      if (!time) continue;
      podTimes.set(pod.metadata.name, time);
      if (after(time, state.lastPodTriggerTimes.get(pod.metadata.name))) changed = earliest(changed, time);
    }
    const serviceTime = service.metadata.creationTimestamp;
    if (after(serviceTime, state.lastServiceTriggerTime)) changed = earliest(changed, serviceTime);
    this.states.set(key, { lastServiceTriggerTime: serviceTime, lastPodTriggerTimes: podTimes });
    // A Service not seen before: its creation, whatever its pods did earlier.
    return known ? changed : serviceTime;
  }

  forget(key: string): void {
    this.states.delete(key);
  }

  clear(): void {
    this.states.clear();
  }
}
