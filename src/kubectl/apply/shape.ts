/**
 * The field types kube-apiserver decodes (and the engine reads), checked before anything is sent,
 * so a wrongly typed field gets the API server's decode error and the cluster never sees it.
 */
type Schema =
  | 'string'
  | 'int32'
  | 'int64'
  | 'bool'
  | 'quantity'
  | 'any'
  | { map: Schema }
  | { list: Schema; go: string }
  | { object: Record<string, Schema>; go: string };

const obj = (go: string, object: Record<string, Schema>): Schema => ({ object, go });
const list = (go: string, of: Schema): Schema => ({ list: of, go });
const strMap: Schema = { map: 'string' };

const META = obj('ObjectMeta', {
  name: 'string',
  generateName: 'string',
  namespace: 'string',
  labels: strMap,
  annotations: strMap,
  uid: 'string',
  resourceVersion: 'string',
  creationTimestamp: 'any',
});
const CONTAINER = obj('Container', {
  name: 'string',
  image: 'string',
  imagePullPolicy: 'string',
  command: list('string', 'string'),
  args: list('string', 'string'),
  ports: list(
    'ContainerPort',
    obj('ContainerPort', { containerPort: 'int32', hostPort: 'int32', protocol: 'string', name: 'string' }),
  ),
  resources: obj('ResourceRequirements', { requests: { map: 'quantity' }, limits: { map: 'quantity' } }),
  terminationMessagePath: 'string',
  terminationMessagePolicy: 'string',
  env: list('EnvVar', obj('EnvVar', { name: 'string', value: 'string', valueFrom: 'any' })),
  securityContext: 'any',
  volumeMounts: list(
    'VolumeMount',
    obj('VolumeMount', { name: 'string', mountPath: 'string', readOnly: 'bool', subPath: 'string' }),
  ),
});
const POD_SPEC = obj('PodSpec', {
  containers: list('Container', CONTAINER),
  nodeName: 'string',
  nodeSelector: strMap,
  tolerations: list(
    'Toleration',
    obj('Toleration', {
      key: 'string',
      operator: 'string',
      value: 'string',
      effect: 'string',
      tolerationSeconds: 'int64',
    }),
  ),
  restartPolicy: 'string',
  terminationGracePeriodSeconds: 'int64',
  schedulerName: 'string',
  priority: 'int32',
  priorityClassName: 'string',
  serviceAccountName: 'string',
  serviceAccount: 'string',
  automountServiceAccountToken: 'bool',
  volumes: list('Volume', obj('Volume', { name: 'string' })),
  hostNetwork: 'bool',
  affinity: 'any',
  dnsPolicy: 'string',
  enableServiceLinks: 'bool',
  securityContext: 'any',
});
const SELECTOR = obj('LabelSelector', { matchLabels: strMap });
const TEMPLATE = obj('PodTemplateSpec', {
  metadata: obj('ObjectMeta', { labels: strMap, annotations: strMap }),
  spec: POD_SPEC,
});

const SPECS: Record<string, Schema> = {
  Pod: POD_SPEC,
  Deployment: obj('DeploymentSpec', {
    replicas: 'int32',
    selector: SELECTOR,
    template: TEMPLATE,
    strategy: 'any',
    minReadySeconds: 'int32',
    revisionHistoryLimit: 'int32',
    progressDeadlineSeconds: 'int32',
    paused: 'bool',
  }),
  ReplicaSet: obj('ReplicaSetSpec', {
    replicas: 'int32',
    selector: SELECTOR,
    template: TEMPLATE,
    minReadySeconds: 'int32',
  }),
  DaemonSet: obj('DaemonSetSpec', { selector: SELECTOR, template: TEMPLATE }),
  Service: obj('ServiceSpec', {
    type: 'string',
    selector: strMap,
    clusterIP: 'string',
    clusterIPs: list('string', 'string'),
    ipFamilies: list('string', 'string'),
    ipFamilyPolicy: 'string',
    sessionAffinity: 'string',
    internalTrafficPolicy: 'string',
    ports: list(
      'ServicePort',
      obj('ServicePort', {
        name: 'string',
        protocol: 'string',
        port: 'int32',
        targetPort: 'int32',
        nodePort: 'int32',
      }),
    ),
  }),
  Namespace: 'any',
};

const goType = (v: unknown) =>
  Array.isArray(v)
    ? 'array'
    : v === null
      ? 'null'
      : typeof v === 'object'
        ? 'object'
        : typeof v === 'boolean'
          ? 'bool'
          : typeof v;

const TYPE_NAME: Record<string, string> = {
  string: 'string',
  int32: 'int32',
  int64: 'int64',
  bool: 'bool',
  quantity: 'resource.Quantity',
};

/** The first mismatch as `<go type>.<path> of type <t>`, with the value's JSON type; null when fine. */
function walk(
  value: unknown,
  schema: Schema,
  path: string,
  parent: string,
): { got: string; field: string; type: string } | null {
  if (value === null || value === undefined || schema === 'any') return null;
  const bad = (type: string) => ({ got: goType(value), field: `${parent}.${path}`, type });
  if (typeof schema === 'string') {
    if (schema === 'string' && typeof value !== 'string') return bad('string');
    if ((schema === 'int32' || schema === 'int64') && (typeof value !== 'number' || !Number.isInteger(value)))
      return bad(TYPE_NAME[schema]!);
    if (schema === 'bool' && typeof value !== 'boolean') return bad('bool');
    if (schema === 'quantity' && typeof value !== 'string' && typeof value !== 'number')
      return bad('resource.Quantity');
    return null;
  }
  if ('map' in schema) {
    if (typeof value !== 'object' || Array.isArray(value)) return bad('map[string]string');
    for (const [k, v] of Object.entries(value)) {
      const r = walk(v, schema.map, `${path}.${k}`, parent);
      if (r) return r;
    }
    return null;
  }
  if ('list' in schema) {
    if (!Array.isArray(value)) return bad(`[]v1.${schema.go}`);
    for (const item of value) {
      const r = walk(
        item,
        schema.list,
        path,
        typeof schema.list === 'object' && 'go' in schema.list ? schema.list.go : parent,
      );
      if (r) return r;
    }
    return null;
  }
  if (typeof value !== 'object' || Array.isArray(value)) return bad(`v1.${schema.go}`);
  for (const [k, s] of Object.entries(schema.object)) {
    const r = walk(
      (value as Record<string, unknown>)[k],
      s,
      `${path}.${k}`,
      typeof s === 'object' && 'go' in s && 'object' in s ? s.go : schema.go,
    );
    if (r) return r;
  }
  return null;
}

/** The API server's decode error for a wrongly typed field, or null. Numbers in resources become strings. */
export function checkShape(o: Record<string, unknown>, source: string): string | null {
  const kind = o.kind as string;
  const version = (o.apiVersion as string).split('/').pop();
  const problem =
    walk(o.metadata, META, 'metadata', 'ObjectMeta') ??
    walk(o.spec, SPECS[kind] ?? 'any', 'spec', (SPECS[kind] as { go?: string })?.go ?? kind);
  if (!problem) {
    normalizeQuantities(o);
    return null;
  }
  return `Error from server (BadRequest): error when creating "${source}": ${kind} in version "${version}" cannot be handled as a ${kind}: json: cannot unmarshal ${problem.got} into Go struct field ${problem.field} of type ${problem.type}`;
}

function normalizeQuantities(o: Record<string, unknown>): void {
  const spec = o.spec as Record<string, unknown> | undefined;
  const podSpec = (
    o.kind === 'Pod' ? spec : (spec?.template as Record<string, unknown> | undefined)?.spec
  ) as { containers?: { resources?: Record<string, Record<string, unknown> | undefined> }[] } | undefined;
  for (const c of podSpec?.containers ?? [])
    for (const section of ['requests', 'limits'])
      for (const [k, v] of Object.entries(c.resources?.[section] ?? {}))
        if (typeof v === 'number') c.resources![section]![k] = String(v);
}
