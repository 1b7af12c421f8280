/**
 * The engine benchmark: prints one figure a line as `name: value unit`. Workloads follow
 * kube-scheduler's scheduler_perf SchedulingBasic: create the nodes, then initial pods, then the
 * measured pods. Run with `npm run bench` (add `-- --quick` for a smaller, faster run).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import type { Node, Pod } from '../src/engine/api/types';
import { Cluster } from '../src/engine/cluster';
import { Prng } from '../src/engine/core/prng';
import { ObjectHistory } from '../src/engine/history';
import { countImages, schedulePod } from '../src/engine/scheduler/algorithm';
import { NodeInfo } from '../src/engine/scheduler/nodeInfo';
import { SchedulingQueue } from '../src/engine/scheduler/queue';
import { makePod } from '../src/engine/testing/builders';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
/** The engine workload's node count (scheduler_perf uses 5000; the whole engine is far slower than the scheduler alone). */
const engineNodes = Number(
  process.argv.find((a) => a.startsWith('--engine-nodes='))?.slice('--engine-nodes='.length) ?? 0,
);
/** `--profile=NAME`: write a CPU profile of that workload's measured part to NAME.cpuprofile. */
const profileName = process.argv.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);
/** `--heap-profile=NAME`: write a sampling allocation profile of that workload's measured part to NAME.heapprofile. */
const heapProfileName = process.argv
  .find((a) => a.startsWith('--heap-profile='))
  ?.slice('--heap-profile='.length);
/** `--cpu`: also print each workload's CPU time (steadier than wall time when other work shares the machine). */
const showCpu = process.argv.includes('--cpu');
function measured<T>(name: string, fn: () => T): T {
  if (showCpu) {
    const before = process.cpuUsage();
    const result = measuredOnce(name, fn);
    const used = process.cpuUsage(before);
    console.log(`${name}-cpu: ${((used.user + used.system) / 1e6).toFixed(2)} s`);
    return result;
  }
  return measuredOnce(name, fn);
}
function measuredOnce<T>(name: string, fn: () => T): T {
  if (heapProfileName === name) return heapProfiled(name, fn);
  if (profileName !== name) return fn();
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  const result = fn();
  session.post('Profiler.stop', (_err, { profile }) =>
    writeFileSync(`${name}.cpuprofile`, JSON.stringify(profile)),
  );
  return result;
}
/** Runs `fn` under V8's sampling heap profiler (one sample per 32 KiB allocated, objects collected since included). */
function heapProfiled<T>(name: string, fn: () => T): T {
  const session = new Session();
  session.connect();
  session.post('HeapProfiler.enable');
  session.post('HeapProfiler.startSampling', {
    samplingInterval: 32 * 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  const result = fn();
  session.post('HeapProfiler.stopSampling', (_err, { profile }) =>
    writeFileSync(`${name}.heapprofile`, JSON.stringify(profile)),
  );
  return result;
}

const print = (name: string, value: number, unit: string) =>
  console.log(`${name}: ${Number(value.toFixed(value < 10 ? 2 : 0))} ${unit}`);
const want = (name: string) => !only || only.split(',').includes(name);

function benchNode(i: number, rng: Prng): Node {
  const tainted = i % 10 === 0;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: `node-${i}`,
      uid: `uid-${i}`,
      resourceVersion: '1',
      creationTimestamp: '',
      labels: { 'kubernetes.io/hostname': `node-${i}`, zone: `z${i % 3}` },
    },
    spec: tainted ? { taints: [{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }] } : {},
    status: {
      capacity: { cpu: '32', memory: '64Gi', pods: '110' },
      allocatable: { cpu: '32', memory: '64Gi', pods: '110' },
      conditions: [],
      addresses: [],
      images: rng.int(0, 3) === 0 ? [{ names: ['nginx:1.27'], sizeBytes: 72_099_410 }] : [],
      nodeInfo: {
        kubeletVersion: 'v1.34.0',
        kubeProxyVersion: '',
        containerRuntimeVersion: '',
        osImage: '',
        kernelVersion: '',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

function benchPod(i: number, rng: Prng): Pod {
  const builder = makePod(`pod-${i}`).requests({
    cpu: `${100 * rng.int(1, 10)}m`,
    memory: `${128 * rng.int(1, 8)}Mi`,
  });
  if (i % 7 === 0)
    builder.tolerate({ key: 'dedicated', operator: 'Equal', value: 'batch', effect: 'NoSchedule' });
  const pod = builder.build();
  pod.metadata.uid = `pod-uid-${i}`;
  return pod;
}

/** The scheduling cycle alone: queue, Filter, Score (percentageOfNodesToScore), select, assume. */
function schedulerBench(nodesCount: number, initial: number, measuredPods: number): void {
  const rng = Prng.fromSeed(1);
  const nodes = Array.from({ length: nodesCount }, (_, i) => new NodeInfo(benchNode(i, rng)));
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const imageNodeCounts = countImages(nodes);
  const queue = new SchedulingQueue();
  let start = 0;
  const scheduleAll = (pods: Pod[]) => {
    for (const p of pods) queue.add(p, 0);
    let bound = 0;
    for (let pod = queue.pop(); pod; pod = queue.pop()) {
      const { decision, nextStart } = schedulePod(pod, nodes, start, rng, { record: false, imageNodeCounts });
      start = nextStart;
      if (decision.winner) {
        byName.get(decision.winner)!.addPod(pod);
        queue.done(pod);
        bound++;
      }
    }
    return bound;
  };
  scheduleAll(Array.from({ length: initial }, (_, i) => benchPod(i, rng)));
  const pods = Array.from({ length: measuredPods }, (_, i) => benchPod(initial + i, rng));
  gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const bound = measured('scheduler', () => scheduleAll(pods));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  print('scheduler', bound / seconds, 'pods/s');
  // The same run by the process's CPU time: steadier than the wall clock when other work shares the machine.
  print('scheduler-cpu', bound / ((cpu.user + cpu.system) / 1e6), 'pods per CPU-second');
}

/** A pod network with room for 32,768 nodes (minikube's 10.244.0.0/16 has 256 /24s); clear of the Service CIDR 10.96.0.0/12. */
const BIG_CLUSTER_CIDR = '10.128.0.0/9';

/** The same shape through the whole engine: kubectl → apiserver → etcd → watches → scheduler → kubelet → runtime → Running. */
function engineBench(nodesCount: number, initial: number, measuredPods: number): void {
  const setupStart = performance.now();
  const cluster = new Cluster({
    config: { nodeCount: nodesCount, runtime: 'containerd' },
    seed: 1,
    workerJoinAt: 1_000,
    workerJoinEvery: 1,
    clusterCidr: BIG_CLUSTER_CIDR,
    nodeCpu: '32',
    nodeMemory: '64Gi',
  });
  const rng = Prng.fromSeed(2);
  const create = (from: number, count: number) => {
    for (let i = 0; i < count; i++) cluster.apply(benchPod(from + i, rng));
  };
  measured('engine-setup', () => {
    cluster.run(90_000);
    create(0, initial);
    cluster.run(60_000);
  });
  print('engine-setup', (performance.now() - setupStart) / 1000, 's (nodes join, initial pods run)');
  const messagesBefore = cluster.sim.trace.length;
  gc?.();
  const t0 = performance.now();
  create(initial, measuredPods);
  // Counts Running measured pods from etcd's change log as it grows: listing every pod each second
  // would measure the benchmark, not the engine.
  const runningPods = new Set<string>();
  let seen = cluster.etcd.changes.length;
  measured('engine', () => {
    for (let step = 0; step < 600 && runningPods.size < measuredPods; step++) {
      cluster.run(1_000);
      const changes = cluster.etcd.changes;
      for (; seen < changes.length; seen++) {
        const v = changes[seen]!.value;
        if (
          v?.kind === 'Pod' &&
          v.status.phase === 'Running' &&
          Number(v.metadata.name.slice(4)) >= initial
        ) {
          runningPods.add(v.metadata.name);
        }
      }
    }
  });
  const running = runningPods.size;
  const seconds = (performance.now() - t0) / 1000;
  print('engine', running / seconds, `pods/s (${nodesCount} nodes)`);
  print(
    'engine-messages',
    (cluster.sim.trace.length - messagesBefore) / Math.max(running, 1),
    'messages/pod',
  );
}

/** An idle cluster for one virtual hour: every Lease renewal and status report. */
function idleBench(name: string, nodesCount: number): Cluster {
  const cluster = new Cluster({
    config: { nodeCount: nodesCount, runtime: 'docker' },
    seed: 1,
    workerJoinAt: 1_000,
    workerJoinEvery: 5,
    clusterCidr: BIG_CLUSTER_CIDR,
  });
  cluster.run(120_000);
  gc?.();
  const t0 = performance.now();
  measured(name, () => cluster.run(3_600_000));
  print(name, (performance.now() - t0) / 1000, 's');
  return cluster;
}

/** Jumping to any step of a 100,000-message run. */
function seekBench(): void {
  const cluster = new Cluster({ config: { nodeCount: 10, runtime: 'docker' }, seed: 1 });
  cluster.run(60_000);
  for (let i = 0; i < 100; i++) cluster.apply(makePod(`seek-${i}`).build());
  while (cluster.sim.trace.length < 100_000) cluster.run(60_000);
  const trace = cluster.sim.trace.slice(0, 100_000);
  const history = new ObjectHistory(cluster.etcd.changes);
  const rng = Prng.fromSeed(3);
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const message = trace[rng.int(0, trace.length - 1)]!;
    const t0 = performance.now();
    history.stateAt(message.deliverAt);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  print('seek', times[Math.floor(times.length * 0.95)]!, 'ms (p95)');
  print('seek-median', times[Math.floor(times.length / 2)]!, 'ms');
}

/**
 * A fixed piece of plain JavaScript work (a million Map sets and gets by string key, a million small
 * objects kept): not the engine, but a yardstick for comparing figures taken on different machines
 * or at different times on a shared one.
 */
function calibrationBench(): void {
  const t0 = performance.now();
  const map = new Map<string, number>();
  for (let i = 0; i < 1e6; i++) map.set(`k${i}`, i);
  let sum = 0;
  for (let i = 0; i < 1e6; i++) sum += map.get(`k${i}`)!;
  const kept = new Array<{ a: number; b: number }>(1e6);
  for (let i = 0; i < 1e6; i++) kept[i] = { a: i, b: sum };
  if (kept.length !== 1e6 || sum === 0) throw new Error('calibration: the work was not done');
  print('calibration', performance.now() - t0, 'ms (1e6 Map sets and gets, 1e6 small objects)');
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Without --only, every workload runs in a process of its own: the engine keeps module-wide memos
 * (keys, quantities, texts), and a 5,000-node run left in them slows the runs after it.
 */
if (!only) {
  const flags = process.argv.slice(2);
  for (const name of ['calibration', 'scheduler', 'engine', 'idle', 'idle-100,heap', 'seek']) {
    const child = spawnSync(process.execPath, ['--expose-gc', process.argv[1]!, `--only=${name}`, ...flags], {
      stdio: 'inherit',
    });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
  process.exit(0);
}

if (only?.split(',').includes('calibration')) calibrationBench();
if (want('scheduler')) schedulerBench(quick ? 1000 : 5000, quick ? 200 : 1000, quick ? 2000 : 10_000);
if (want('engine'))
  engineBench(engineNodes || (quick ? 100 : 5000), quick ? 100 : 1000, quick ? 1000 : 10_000);
if (want('idle')) idleBench('idle', quick ? 200 : 1000);
if (want('idle-100') || want('heap')) {
  const cluster = idleBench('idle-100', 100);
  if (want('heap')) {
    gc?.();
    print('heap', process.memoryUsage().heapUsed / 2 ** 20, `MB (${cluster.sim.trace.length} messages kept)`);
  }
}
if (want('seek')) seekBench();
