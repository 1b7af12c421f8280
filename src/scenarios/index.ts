/**
 * The built-in workflows, in teaching order. Each is loaded when first opened (its own chunk), so
 * the page carries only their titles until a learner picks one.
 */
import type { Scenario, Text } from './types';

export type { Action, Prediction, Scenario, Selector, Step, Text, Until } from './types';

export interface WorkflowEntry {
  readonly id: string;
  readonly title: Text;
  readonly load: () => Promise<Scenario>;
}

export const WORKFLOWS: readonly WorkflowEntry[] = [
  {
    id: 'tour',
    title: { en: 'Tour of the architecture', zh: '架构总览' },
    load: () => import('./workflows/tour').then((m) => m.tour),
  },
  {
    id: 'node-joins',
    title: { en: 'A node joins the cluster', zh: '节点加入集群' },
    load: () => import('./workflows/nodeJoins').then((m) => m.nodeJoins),
  },
  {
    id: 'status-reports',
    title: { en: 'Status reports: Leases and node status', zh: '状态上报：Lease 与节点状态' },
    load: () => import('./workflows/statusReports').then((m) => m.statusReports),
  },
  {
    id: 'apply-to-running',
    title: { en: 'From kubectl apply to a running pod', zh: '从 kubectl apply 到运行的 Pod' },
    load: () => import('./workflows/applyToRunning').then((m) => m.applyToRunning),
  },
  {
    id: 'scheduling',
    title: { en: 'Scheduling in depth', zh: '深入调度' },
    load: () => import('./workflows/scheduling').then((m) => m.scheduling),
  },
  {
    id: 'reconciliation',
    title: { en: 'Reconciliation: desired vs actual', zh: '调和：期望状态与实际状态' },
    load: () => import('./workflows/reconciliation').then((m) => m.reconciliation),
  },
  {
    id: 'node-failure',
    title: { en: 'Node failure and pod eviction', zh: '节点故障与 Pod 驱逐' },
    load: () => import('./workflows/nodeFailure').then((m) => m.nodeFailure),
  },
  {
    id: 'services',
    title: { en: 'Services and traffic', zh: 'Service 与流量' },
    load: () => import('./workflows/services').then((m) => m.services),
  },
  {
    id: 'runtimes',
    title: { en: 'The runtime is pluggable', zh: '可插拔的容器运行时' },
    load: () => import('./workflows/runtimes').then((m) => m.runtimes),
  },
  {
    id: 'addons',
    title: { en: 'Addons', zh: '插件' },
    load: () => import('./workflows/addons').then((m) => m.addons),
  },
];

export function findWorkflow(id: string): WorkflowEntry | undefined {
  return WORKFLOWS.find((w) => w.id === id);
}
