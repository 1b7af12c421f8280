/**
 * The schema of a workflow file (a course author's JSON), checked before anything of it is used.
 * It mirrors `types.ts`; the built-in workflows pass it too (a test checks), so the two never
 * drift apart. Loaded only when a workflow file is opened.
 */
import { z } from 'zod';
import type { Scenario } from './types';

// Never generate code at run time: the app runs under a Content-Security-Policy without 'unsafe-eval'.
z.config({ jitless: true });

const MAX_TEXT = 4_000;
const MAX_STEPS = 60;
const NODE = z
  .string()
  .regex(/^minikube(-m(0[2-9]|10))?$/, 'a node name: minikube, minikube-m02 … minikube-m10');
const CONTROL_PLANE = z.enum(['etcd', 'kube-apiserver', 'kube-scheduler', 'kube-controller-manager']);
const NAME = z
  .string()
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'a Kubernetes name: lowercase letters, digits, - and .');
const SELECTOR = z
  .string()
  .max(200)
  .regex(/^[\w./-]+=[\w.-]*(,[\w./-]+=[\w.-]*)*$/, 'a label selector such as app=web');
const LABEL_KEY = z
  .string()
  .max(316)
  .regex(
    /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/,
    'a label key such as disktype or example.com/tier',
  );
const LABEL_VALUE = z
  .string()
  .max(63)
  .regex(/^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/, 'a label value such as ssd');
const QUANTITY = z
  .string()
  .regex(/^\d+(\.\d+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/, 'a quantity such as 500m, 2 or 4Gi');

const text = z.strictObject({
  en: z.string().trim().min(1).max(MAX_TEXT),
  zh: z.string().trim().min(1).max(MAX_TEXT),
});

const manifest = z
  .looseObject({
    apiVersion: z.string().max(100),
    kind: z.enum(['Pod', 'Deployment', 'ReplicaSet', 'Service', 'Namespace']),
    metadata: z.looseObject({ name: NAME, namespace: NAME.optional() }),
  })
  .refine((m) => JSON.stringify(m).length <= 64 * 1024, 'a manifest of at most 64 KB');

const action = z.union([
  z.strictObject({ apply: manifest }),
  z.strictObject({
    delete: z.strictObject({ kind: z.string().max(40), name: NAME, namespace: NAME.optional() }),
  }),
  z.strictObject({ deletePod: z.strictObject({ selector: SELECTOR, namespace: NAME.optional() }) }),
  z.strictObject({
    scale: z.strictObject({
      deployment: NAME,
      replicas: z.number().int().min(0).max(100),
      namespace: NAME.optional(),
    }),
  }),
  z.strictObject({ cordon: NODE }),
  z.strictObject({ uncordon: NODE }),
  z.strictObject({ drain: NODE }),
  z.strictObject({
    taint: z.strictObject({
      node: NODE,
      key: z.string().min(1).max(253),
      value: z.string().max(63).optional(),
      effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
    }),
  }),
  z.strictObject({ untaint: z.strictObject({ node: NODE, key: z.string().min(1).max(253) }) }),
  z.strictObject({ label: z.strictObject({ node: NODE, key: LABEL_KEY, value: LABEL_VALUE }) }),
  z.strictObject({ startNode: NODE }),
  z.strictObject({ stopNode: NODE }),
  z.strictObject({ startKubelet: NODE }),
  z.strictObject({ stopKubelet: NODE }),
  z.strictObject({ stopComponent: CONTROL_PLANE }),
  z.strictObject({ startComponent: CONTROL_PLANE }),
  z.strictObject({ enableAddon: z.literal('dashboard') }),
  z.strictObject({ disableAddon: z.literal('dashboard') }),
  z.strictObject({
    connect: z.strictObject({
      fromNode: NODE,
      service: NAME,
      port: z.number().int().min(1).max(65535),
      namespace: NAME.optional(),
    }),
  }),
  z.strictObject({ resolve: z.strictObject({ fromNode: NODE, name: z.string().min(1).max(253) }) }),
]);

const until = z.strictObject({
  seconds: z.number().min(0).max(3600).optional(),
  podsRunning: z
    .strictObject({ selector: SELECTOR, count: z.number().int().min(0).max(100), namespace: NAME.optional() })
    .optional(),
  podUnschedulable: z.strictObject({ selector: SELECTOR }).optional(),
  podCount: z
    .strictObject({ selector: SELECTOR, count: z.number().int().min(0).max(100), namespace: NAME.optional() })
    .optional(),
  nodeUntainted: z.strictObject({ node: NODE, key: z.string().min(1).max(253) }).optional(),
  podScheduled: z
    .strictObject({ selector: SELECTOR, count: z.number().int().min(1).max(100).optional() })
    .optional(),
  event: z
    .strictObject({ reason: z.string().min(1).max(100), kind: z.string().max(40).optional() })
    .optional(),
  message: z
    .strictObject({
      kind: z.string().max(20).optional(),
      from: z.string().max(60).optional(),
      to: z.string().max(60).optional(),
      summary: z.string().max(200).optional(),
    })
    .optional(),
  nodeReady: z.strictObject({ node: NODE, status: z.enum(['True', 'False', 'Unknown']) }).optional(),
  nodeTaint: z.strictObject({ node: NODE, key: z.string().min(1).max(253) }).optional(),
  nodeLabel: z.strictObject({ node: NODE, key: LABEL_KEY, value: LABEL_VALUE }).optional(),
  endpoints: z
    .strictObject({ service: NAME, count: z.number().int().min(0).max(100), namespace: NAME.optional() })
    .optional(),
  proxyRules: z
    .strictObject({ service: NAME, count: z.number().int().min(0).max(100), namespace: NAME.optional() })
    .optional(),
});

const choiceId = z.string().min(1).max(60);

const step = z.strictObject({
  title: text,
  narration: text,
  actions: z.array(action).max(20).optional(),
  until: until.optional(),
  limit: z.number().min(1).max(3600).optional(),
  focus: z.array(z.string().min(1).max(60)).max(30).optional(),
  predict: z
    .strictObject({
      question: text,
      choices: z.union([
        z.literal('nodes'),
        z
          .array(z.strictObject({ id: choiceId, label: text }))
          .min(2)
          .max(8),
      ]),
      answer: z.union([choiceId, z.strictObject({ podNode: SELECTOR })]),
      explain: text,
    })
    .refine(
      (p) =>
        typeof p.answer !== 'string' || p.choices === 'nodes' || p.choices.some((c) => c.id === p.answer),
      { message: 'the answer must be the id of one of the choices', path: ['answer'] },
    )
    .optional(),
  inspect: z.string().min(1).max(60).optional(),
  tryIt: z.array(z.string().min(1).max(300)).max(10).optional(),
});

export const scenarioSchema = z.strictObject({
  /** Where an editor finds this schema (ignored here). */
  $schema: z.string().max(500).optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes, at most 40'),
  title: text,
  summary: text,
  cluster: z
    .strictObject({
      nodes: z.number().int().min(1).max(10).optional(),
      runtime: z.enum(['docker', 'containerd', 'cri-o']).optional(),
      sizes: z
        .record(NODE, z.strictObject({ cpu: QUANTITY.optional(), memory: QUANTITY.optional() }))
        .optional(),
      offAtStart: z.array(NODE.refine((n) => n !== 'minikube', 'the first node cannot be off')).optional(),
    })
    .optional(),
  setup: z.array(action).max(20).optional(),
  setupUntil: until.optional(),
  steps: z.array(step).min(1).max(MAX_STEPS),
});

export type ParsedScenario = { ok: true; scenario: Scenario } | { ok: false; error: string };

/** Checks a workflow file's text; a bad file gets every problem named by where it is. */
export function parseScenarioJson(source: string): ParsedScenario {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    return { ok: false, error: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  return checkScenario(data);
}

export function checkScenario(data: unknown): ParsedScenario {
  const result = scenarioSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 5).map((issue) => `${where(issue.path)}: ${issue.message}`);
    const more = result.error.issues.length - problems.length;
    return { ok: false, error: problems.join('; ') + (more > 0 ? `; and ${more} more` : '') };
  }
  const scenario = result.data as Scenario;
  const nodes = scenario.cluster?.nodes ?? 1;
  // Only where a name does something: narration may mention any node.
  const acting = {
    cluster: scenario.cluster,
    setup: scenario.setup,
    setupUntil: scenario.setupUntil,
    steps: scenario.steps.map((s) => [s.actions, s.until, s.focus, s.inspect]),
  };
  const named = JSON.stringify(acting).match(/minikube(-m\d\d)?/g) ?? [];
  const missing = named.find((n) => nodeIndex(n) >= nodes);
  if (missing) return { ok: false, error: `names node ${missing}, but cluster.nodes is ${nodes}` };
  return { ok: true, scenario };
}

/** `steps[2].until.podsRunning.count` from a zod issue path. */
function where(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the file';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

function nodeIndex(name: string): number {
  const m = /-m(\d\d)$/.exec(name);
  return m ? Number(m[1]) - 1 : 0;
}
