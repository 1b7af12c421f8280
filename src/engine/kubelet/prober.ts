/**
 * kubelet's probe manager (pkg/kubelet/prober): one worker per container and probe type, probing
 * on its period from when the pod was added (a random part of a period first, while kubelet is new),
 * skipping until `initialDelaySeconds` have passed since the container started, and readiness and
 * liveness until a startup probe has passed. A result counts once it repeats `successThreshold` or
 * `failureThreshold` times. Readiness starts as failed, liveness as passed; a liveness or startup
 * failure puts the worker on hold until kubelet has started a new container.
 *
 * HTTP, TCP and gRPC probes go from kubelet to the pod's address (a message to the node's pods);
 * exec probes go through the runtime (CRI ExecSync). Every failed attempt is a Warning `Unhealthy`.
 */
import type { Container, Pod, PodStatus, Probe } from '../api/types';
import type { EventRecorder } from '../client/eventRecorder';
import type { ContainerRuntime } from '../runtime/containerRuntime';
import { stableHex } from '../core/stableHex';
import { appOf, type AppContext } from '../runtime/apps';
import type { Route, Sim } from '../sim';
import type { ObjectRef } from '../trace';
import { readinessConditions } from './restarts';

export type ProbeType = 'liveness' | 'readiness' | 'startup';
type Result = 'Success' | 'Failure';

const TITLE: Record<ProbeType, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

/** What the prober needs of the pod kubelet runs. */
export interface ProbedPod {
  readonly pod: Pod;
  readonly state: string;
  readonly containerIds: ReadonlyMap<string, string>;
  /** The pod's address (its sandbox's). */
  readonly ip: string | undefined;
  readonly ref: ObjectRef;
}

export interface ProberHost<P extends ProbedPod> {
  readonly sim: Sim;
  readonly runtime: ContainerRuntime;
  readonly recorder: EventRecorder;
  /** kubelet → its node's pods (HTTP, TCP and gRPC probes). */
  readonly toPods: Route;
  /** kubelet → its runtime (exec probes). */
  readonly toRuntime: Route;
  readonly context: AppContext;
  alive(epoch: number): boolean;
  /** When this kubelet started: workers made within a period of it start after a random part of one. */
  startedAt(): number;
  /** A readiness or startup result changed: the pod's status goes out again. */
  changed(pod: P): void;
  /** A liveness or startup probe failed for good: kubelet kills the container and starts it again. */
  failed(pod: P, container: string, type: ProbeType): void;
}

interface Worker {
  readonly type: ProbeType;
  readonly container: Container;
  readonly probe: Required<
    Pick<Probe, 'periodSeconds' | 'successThreshold' | 'failureThreshold' | 'initialDelaySeconds'>
  > &
    Probe;
  containerId: string | undefined;
  result: Result | undefined;
  lastResult: Result | undefined;
  run: number;
  onHold: boolean;
  /** When the probe on its way was sent (null: none is); one lost on the way counts as gone after its timeout. */
  inFlightSince: number | null;
  stopped: boolean;
}

/** The probe with the API server's defaults (they are set on every stored pod; this is for pods built by hand). */
function withDefaults(probe: Probe): Worker['probe'] {
  return {
    ...probe,
    periodSeconds: probe.periodSeconds ?? 10,
    successThreshold: probe.successThreshold ?? 1,
    failureThreshold: probe.failureThreshold ?? 3,
    initialDelaySeconds: probe.initialDelaySeconds ?? 0,
  };
}

const PROBE_FIELD: Record<ProbeType, 'livenessProbe' | 'readinessProbe' | 'startupProbe'> = {
  liveness: 'livenessProbe',
  readiness: 'readinessProbe',
  startup: 'startupProbe',
};

export class Prober<P extends ProbedPod> {
  /** Each probed pod's workers, by pod uid. */
  private readonly probed = new Map<string, { readonly pod: P; readonly workers: Worker[] }>();

  constructor(private readonly host: ProberHost<P>) {}

  /**
   * AddPod: a worker for each probe of each container, ticking while `pod` lives in this kubelet
   * run. `readyNow`: containers already running and ready (a restarted kubelet taking its pods back
   * keeps what it reported until its probes say otherwise).
   */
  add(pod: P, epoch: number, readyNow?: ReadonlySet<string>): void {
    const uid = pod.pod.metadata.uid;
    if (this.probed.has(uid)) return;
    const list: Worker[] = [];
    for (const container of pod.pod.spec.containers) {
      for (const type of ['startup', 'readiness', 'liveness'] as const) {
        const probe = container[PROBE_FIELD[type]];
        if (!probe) continue;
        // Taken back after a restart: containers that run count as started, and as ready if they were.
        const adopted =
          readyNow && (type !== 'readiness' || readyNow.has(container.name))
            ? pod.containerIds.get(container.name)
            : undefined;
        const w: Worker = {
          type,
          container,
          probe: withDefaults(probe),
          containerId: adopted,
          result: adopted ? 'Success' : undefined,
          lastResult: undefined,
          run: 0,
          onHold: false,
          inFlightSince: null,
          stopped: false,
        };
        list.push(w);
        this.start(pod, w, epoch);
      }
    }
    if (list.length) this.probed.set(uid, { pod, workers: list });
  }

  /** A restarted kubelet starts with no workers. */
  clear(): void {
    for (const uid of [...this.probed.keys()]) this.remove(uid);
  }

  /** The pod is done here: its workers stop. */
  remove(uid: string): void {
    for (const w of this.probed.get(uid)?.workers ?? []) w.stopped = true;
    this.probed.delete(uid);
  }

  /**
   * StopLivenessAndStartup: the pod is terminating. Its liveness and startup workers stop (a
   * container being stopped is not restarted for failing them); readiness goes on probing through
   * the grace period, so a container that stops answering leaves its Service's serving endpoints.
   */
  stopLivenessAndStartup(uid: string): void {
    const entry = this.probed.get(uid);
    if (!entry) return;
    const readiness = entry.workers.filter((w) => {
      if (w.type === 'readiness') return true;
      w.stopped = true;
      return false;
    });
    if (readiness.length) this.probed.set(uid, { pod: entry.pod, workers: readiness });
    else this.probed.delete(uid);
  }

  /** A container just started: a readiness probe that has not passed runs now (UpdatePodStatus's manual trigger). */
  trigger(uid: string, container: string, epoch: number): void {
    const entry = this.probed.get(uid);
    if (!entry) return;
    for (const w of entry.workers)
      if (w.type === 'readiness' && w.container.name === container && w.result !== 'Success')
        this.doProbe(entry.pod, w, epoch);
  }

  /**
   * The status with each running container's `started` and `ready` as the probes have them, and
   * the Ready and ContainersReady conditions following.
   */
  apply(uid: string, status: PodStatus, now: string): PodStatus {
    const entry = this.probed.get(uid);
    if (!entry || !status.containerStatuses) return status;
    const { pod, workers: list } = entry;
    /** The worker's result for the container that runs now (a new container has none yet). */
    const passed = (name: string, type: ProbeType): boolean | undefined => {
      const w = list.find((x) => x.container.name === name && x.type === type);
      if (!w) return undefined;
      return w.containerId === pod.containerIds.get(name) && w.result === 'Success';
    };
    let changed = false;
    const statuses = status.containerStatuses.map((s) => {
      const running = s.state.running !== undefined;
      const started = running && passed(s.name, 'startup') !== false;
      const ready = started && passed(s.name, 'readiness') !== false;
      if (s.started === started && s.ready === ready) return s;
      changed = true;
      return { ...s, started, ready };
    });
    if (!changed) return status;
    const conditions = status.conditions && readinessConditions(status.conditions, statuses, now);
    return { ...status, containerStatuses: statuses, ...(conditions ? { conditions } : {}) };
  }

  private start(pod: P, w: Worker, epoch: number): void {
    const { sim } = this.host;
    const period = w.probe.periodSeconds * 1000;
    // A random part of a period (from the pod and the probe, not the run's generator: probes leave
    // every other draw as it was).
    const first =
      period > sim.now - this.host.startedAt()
        ? parseInt(stableHex(`${pod.pod.metadata.uid}/${w.container.name}/${w.type}`, 1), 16) % period
        : 0;
    const tick = () => {
      if (w.stopped || !this.host.alive(epoch)) return;
      this.doProbe(pod, w, epoch);
      sim.after(period, tick);
    };
    sim.after(first, tick);
  }

  /** worker.doProbe: one probe, unless the container is not there yet, is held, or is too young. */
  private doProbe(pod: P, w: Worker, epoch: number): void {
    // Readiness alone is probed while the pod terminates (see stopLivenessAndStartup).
    if (pod.state !== 'running' && pod.state !== 'terminating') return;
    const now = this.host.sim.now;
    if (w.inFlightSince !== null && now - w.inFlightSince <= (w.probe.timeoutSeconds ?? 1) * 1000) return;
    const id = pod.containerIds.get(w.container.name);
    const container = id === undefined ? undefined : this.host.runtime.containers.get(id);
    if (!container) return;
    if (container.id !== w.containerId) {
      // A new container: results start again (readiness failed, liveness passed, startup unknown).
      w.containerId = container.id;
      w.result = w.type === 'readiness' ? 'Failure' : w.type === 'liveness' ? 'Success' : undefined;
      w.onHold = false;
      w.run = 0;
    }
    if (w.onHold) return;
    if (container.state !== 'running' || container.startedAt === undefined) {
      if (w.type === 'readiness') this.set(pod, w, 'Failure');
      return;
    }
    if (Math.floor((this.host.sim.now - container.startedAt) / 1000) < w.probe.initialDelaySeconds) return;
    const startup = this.probed
      .get(pod.pod.metadata.uid)
      ?.workers.find((x) => x.type === 'startup' && x.container.name === w.container.name);
    const started = !startup || startup.result === 'Success';
    if (started ? w.type === 'startup' : w.type !== 'startup') return;
    w.inFlightSince = now;
    const heard = (ok: boolean, output: string, errored = false) => {
      w.inFlightSince = null;
      if (w.stopped || !this.host.alive(epoch) || w.containerId !== container.id) return;
      if (!ok)
        this.host.recorder.record(
          pod.pod,
          'Warning',
          'Unhealthy',
          errored
            ? `${TITLE[w.type]} probe errored and resulted in unknown state: ${output}`
            : `${TITLE[w.type]} probe failed: ${output}`,
          { fieldPath: `spec.containers{${w.container.name}}` },
        );
      // A probe that could not run at all says so, and its result is thrown away.
      if (!errored) this.counted(pod, w, ok ? 'Success' : 'Failure');
    };
    this.send(pod, w, container.id, container.startedAt, heard);
  }

  /** Sends the probe; `heard` gets its outcome where it lands. */
  private send(
    pod: P,
    w: Worker,
    containerId: string,
    startedAt: number,
    heard: (ok: boolean, output: string, errored?: boolean) => void,
  ): void {
    const { sim, runtime } = this.host;
    const probe = w.probe;
    // A probe of a container whose probes pass is a heartbeat; one while it is failing, or not yet passed, is news.
    const routine = w.result === 'Success' && w.lastResult !== 'Failure';
    if (probe.exec) {
      const command = probe.exec.command ?? [];
      sim.sendOn(
        this.host.toRuntime,
        {
          kind: 'cri',
          summary: `ExecSync ${w.container.name}: ${command.join(' ')} (${w.type} probe)`,
          object: pod.ref,
          routine,
        },
        () =>
          runtime.execSync(containerId, command, (probe.timeoutSeconds ?? 1) * 1000, (r) =>
            r === 'timeout'
              ? // remote_runtime.go turns DeadlineExceeded into this; exec.Probe makes it the output.
                heard(false, `command ${JSON.stringify(command.join(' '))} timed out`)
              : heard(r.exitCode === 0, r.output),
          ),
      );
      return;
    }
    const ip = pod.ip ?? '';
    const target = probeTarget(probe, w.container, ip);
    sim.sendOn(
      this.host.toPods,
      { kind: 'probe', summary: `${w.type} ${target.summary}`, object: pod.ref, routine },
      () => {
        const app = appOf(w.container, this.host.context);
        const upMs = sim.now - startedAt;
        heard(...target.answer(app, upMs));
      },
    );
  }

  /** Counts a result; it takes effect once it has come `threshold` times in a row. */
  private counted(pod: P, w: Worker, result: Result): void {
    if (w.lastResult === result) w.run++;
    else {
      w.lastResult = result;
      w.run = 1;
    }
    const threshold = result === 'Failure' ? w.probe.failureThreshold : w.probe.successThreshold;
    if (w.run < threshold) return;
    this.set(pod, w, result);
    if (w.type !== 'readiness' && result === 'Failure') {
      w.onHold = true;
      w.run = 0;
      this.host.failed(pod, w.container.name, w.type);
    }
  }

  private set(pod: P, w: Worker, result: Result): void {
    if (w.result === result) return;
    w.result = result;
    if (w.type !== 'liveness') this.host.changed(pod);
  }
}

interface Target {
  readonly summary: string;
  /** Whether the probe passes against `app`, what it printed if not, and whether it could not run at all. */
  answer(app: ReturnType<typeof appOf>, upMs: number): [boolean, string, boolean?];
}

/** A named port the container does not declare: kubelet tries the name as a number, and fails as strconv.Atoi does. */
const portError = (port: number | string): [boolean, string, boolean] => [
  false,
  `strconv.Atoi: parsing ${JSON.stringify(String(port))}: invalid syntax`,
  true,
];

/** A probe's port: a number, or the name of one of the container's ports. */
function resolvePort(port: number | string, container: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/** What an HTTP, TCP or gRPC probe asks, and how kubelet's prober words a failure. */
function probeTarget(probe: Probe, container: Container, ip: string): Target {
  if (probe.httpGet) {
    const { path = '/', scheme = 'HTTP' } = probe.httpGet;
    const host = probe.httpGet.host ?? ip;
    const port = resolvePort(probe.httpGet.port, container);
    const url = `${scheme.toLowerCase()}://${host}:${port ?? probe.httpGet.port}${path}`;
    return {
      summary: `GET ${url}`,
      answer(app, upMs) {
        if (port === undefined) return portError(probe.httpGet!.port);
        const code = app.http(port, path.split('?')[0]!, upMs);
        if (code === null)
          return [false, `Get "${url}": dial tcp ${host}:${port}: connect: connection refused`];
        if (typeof code === 'object')
          return [
            false,
            code.notHttp === 'EOF'
              ? `Get "${url}": EOF`
              : `Get "${url}": net/http: HTTP/1.x transport connection broken: malformed HTTP response ${JSON.stringify(code.notHttp)}`,
          ];
        // No app here speaks TLS: an HTTPS probe meets a plain HTTP answer.
        if (scheme === 'HTTPS')
          return [false, `Get "${url}": http: server gave HTTP response to HTTPS client`];
        return code >= 200 && code < 400 ? [true, ''] : [false, `HTTP probe failed with statuscode: ${code}`];
      },
    };
  }
  if (probe.tcpSocket) {
    const host = probe.tcpSocket.host ?? ip;
    const port = resolvePort(probe.tcpSocket.port, container);
    return {
      summary: `TCP ${host}:${port ?? probe.tcpSocket.port}`,
      answer(app, upMs) {
        if (port === undefined) return portError(probe.tcpSocket!.port);
        return app.tcp(port, upMs)
          ? [true, '']
          : [false, `dial tcp ${host}:${port}: connect: connection refused`];
      },
    };
  }
  const port = probe.grpc?.port ?? 0;
  const timeout = probe.timeoutSeconds ?? 1;
  return {
    summary: `gRPC ${ip}:${port}`,
    answer(app, upMs) {
      const status = app.grpc(port, upMs);
      if (status === null)
        return [
          false,
          `timeout: failed to connect service "${ip}:${port}" within ${timeout}s: context deadline exceeded`,
        ];
      return status === 'SERVING' ? [true, ''] : [false, `service unhealthy (responded with "${status}")`];
    },
  };
}
