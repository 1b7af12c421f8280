/** Validation as kube-apiserver does it for the fields this cluster uses; errors in apimachinery's field-error format. */
import { isQuantity } from '../core/quantity';
import type { Container, KubeObject, PodSpec, PodTemplate, LabelSelector } from '../api/types';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

const quote = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));
const invalidValue = (path: string, value: unknown, why: string) =>
  `${path}: Invalid value: ${quote(value)}: ${why}`;
const required = (path: string) => `${path}: Required value`;

function validateName(object: KubeObject, errors: string[]): void {
  const name = object.metadata.name;
  if (!name) {
    errors.push(required('metadata.name'));
    return;
  }
  if (object.kind === 'Service') {
    if (name.length > 63 || !DNS1035_LABEL.test(name))
      errors.push(invalidValue('metadata.name', name, DNS1035_MSG));
  } else if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
    errors.push(invalidValue('metadata.name', name, SUBDOMAIN_MSG));
  }
}

function validateContainer(c: Container, path: string, errors: string[]): void {
  if (!c.name) errors.push(required(`${path}.name`));
  else if (c.name.length > 63 || !DNS1123_LABEL.test(c.name))
    errors.push(invalidValue(`${path}.name`, c.name, LABEL_MSG));
  if (!c.image || !c.image.trim()) errors.push(required(`${path}.image`));
  for (const section of ['requests', 'limits'] as const) {
    for (const [resource, value] of Object.entries(c.resources?.[section] ?? {})) {
      if (value === undefined || !isQuantity(value) || value.trim().startsWith('-')) {
        errors.push(
          invalidValue(
            `${path}.resources.${section}[${resource}]`,
            value,
            'must be a valid non-negative quantity',
          ),
        );
      }
    }
  }
  for (const [i, p] of (c.ports ?? []).entries()) {
    if (!Number.isInteger(p.containerPort) || p.containerPort < 1 || p.containerPort > 65535) {
      errors.push(
        invalidValue(
          `${path}.ports[${i}].containerPort`,
          p.containerPort,
          'must be between 1 and 65535, inclusive',
        ),
      );
    }
  }
}

function validatePodSpec(spec: PodSpec | undefined, path: string, errors: string[]): void {
  if (!spec || !Array.isArray(spec.containers) || spec.containers.length === 0) {
    errors.push(required(`${path}.containers`));
    return;
  }
  const volumes = validateVolumes(spec, path, errors);
  validatePodAffinity(spec, path, errors);
  const seen = new Set<string>();
  spec.containers.forEach((c, i) => {
    validateContainer(c, `${path}.containers[${i}]`, errors);
    if (seen.has(c.name)) errors.push(`${path}.containers[${i}].name: Duplicate value: ${quote(c.name)}`);
    seen.add(c.name);
    validateMounts(c, volumes, `${path}.containers[${i}]`, errors);
    validateProbes(c, `${path}.containers[${i}]`, errors);
  });
}

/** validateProbe: one handler each; a liveness or startup probe succeeds once (successThreshold 1). */
function validateProbes(c: Container, path: string, errors: string[]): void {
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = c[kind];
    if (!probe) continue;
    const at = `${path}.${kind}`;
    const handlers = (['exec', 'httpGet', 'tcpSocket', 'grpc'] as const).filter(
      (h) => probe[h] !== undefined,
    );
    if (handlers.length === 0) errors.push(`${at}: Required value: must specify a handler type`);
    else if (handlers.length > 1)
      errors.push(`${at}.${handlers[1]}: Forbidden: may not specify more than 1 handler type`);
    if (kind !== 'readinessProbe' && probe.successThreshold !== undefined && probe.successThreshold !== 1)
      errors.push(invalidValue(`${at}.successThreshold`, probe.successThreshold, 'must be 1'));
  }
}

/** Pod affinity terms need a topology key; preferred ones a weight of 1–100 (validatePodAffinityTerm). */
function validatePodAffinity(spec: PodSpec, path: string, errors: string[]): void {
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const a = spec.affinity?.[kind];
    const at = `${path}.affinity.${kind}`;
    for (const [i, t] of (a?.requiredDuringSchedulingIgnoredDuringExecution ?? []).entries())
      if (!t.topologyKey)
        errors.push(
          `${at}.requiredDuringSchedulingIgnoredDuringExecution[${i}].topologyKey: Required value: can not be empty`,
        );
    for (const [i, w] of (a?.preferredDuringSchedulingIgnoredDuringExecution ?? []).entries()) {
      const wp = `${at}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
      if (!Number.isInteger(w.weight) || w.weight < 1 || w.weight > 100)
        errors.push(invalidValue(`${wp}.weight`, w.weight, 'must be in the range 1-100'));
      if (!w.podAffinityTerm?.topologyKey)
        errors.push(`${wp}.podAffinityTerm.topologyKey: Required value: can not be empty`);
    }
  }
}

/** Each volume named once and with a source; returns the names a mount may refer to. */
function validateVolumes(spec: PodSpec, path: string, errors: string[]): Set<string> {
  const names = new Set<string>();
  for (const [i, v] of (spec.volumes ?? []).entries()) {
    const at = `${path}.volumes[${i}]`;
    if (!v.name) errors.push(required(`${at}.name`));
    else if (names.has(v.name)) errors.push(`${at}.name: Duplicate value: ${quote(v.name)}`);
    else names.add(v.name);
    if (Object.keys(v).every((k) => k === 'name'))
      errors.push(`${at}: Required value: must specify a volume type`);
  }
  return names;
}

/** A mount names a volume of the pod and a path (ValidateVolumeMounts). */
function validateMounts(c: Container, volumes: Set<string>, path: string, errors: string[]): void {
  for (const [j, m] of (c.volumeMounts ?? []).entries()) {
    const at = `${path}.volumeMounts[${j}]`;
    if (!m.name) errors.push(required(`${at}.name`));
    else if (!volumes.has(m.name)) errors.push(`${at}.name: Not found: ${quote(m.name)}`);
    if (!m.mountPath) errors.push(required(`${at}.mountPath`));
  }
}

function validateReplicas(replicas: unknown, errors: string[]): void {
  if (typeof replicas !== 'number' || !Number.isInteger(replicas))
    errors.push(invalidValue('spec.replicas', replicas, 'must be an integer'));
  else if (replicas < 0)
    errors.push(invalidValue('spec.replicas', replicas, 'must be greater than or equal to 0'));
  else if (replicas > 2 ** 31 - 1)
    errors.push(invalidValue('spec.replicas', replicas, 'must be less than or equal to 2147483647'));
}

function validateSelector(
  selector: LabelSelector | undefined,
  template: PodTemplate | undefined,
  errors: string[],
): void {
  const match = selector?.matchLabels;
  if (!match || Object.keys(match).length === 0) {
    errors.push(required('spec.selector'));
    return;
  }
  const labels = template?.metadata?.labels ?? {};
  if (!Object.entries(match).every(([k, v]) => labels[k] === v)) {
    errors.push(
      invalidValue(
        'spec.template.metadata.labels',
        JSON.stringify(labels),
        '`selector` does not match template `labels`',
      ),
    );
  }
  validatePodSpec(template?.spec, 'spec.template.spec', errors);
}

function nonNegative(path: string, value: number | undefined, errors: string[]): void {
  if (value !== undefined && value < 0)
    errors.push(invalidValue(path, value, 'must be greater than or equal to 0'));
}

/** An int-or-percent as a number (a percentage's number), for the fencepost checks. */
const intOrPercent = (v: number | string | undefined) =>
  typeof v === 'string' ? Number(v.replace(/%$/, '')) : (v ?? 0);

/** ValidateDeploymentSpec: the strategy, minReadySeconds, revisionHistoryLimit, progressDeadlineSeconds. */
function validateDeploymentSpec(
  spec: Extract<KubeObject, { kind: 'Deployment' }>['spec'] | undefined,
  errors: string[],
): void {
  if (!spec) return;
  const strategy = spec.strategy;
  if (strategy?.type === 'Recreate' && strategy.rollingUpdate)
    errors.push(
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    );
  else if (strategy && strategy.type !== 'Recreate' && strategy.type !== 'RollingUpdate')
    errors.push(
      `spec.strategy.type: Unsupported value: ${quote(strategy.type)}: supported values: "Recreate", "RollingUpdate"`,
    );
  else if (strategy?.rollingUpdate) {
    const { maxSurge, maxUnavailable } = strategy.rollingUpdate;
    for (const [name, v] of [
      ['maxUnavailable', maxUnavailable],
      ['maxSurge', maxSurge],
    ] as const) {
      if (intOrPercent(v) < 0)
        errors.push(
          invalidValue(`spec.strategy.rollingUpdate.${name}`, v, 'must be greater than or equal to 0'),
        );
    }
    if (intOrPercent(maxUnavailable) === 0 && intOrPercent(maxSurge) === 0)
      errors.push(
        invalidValue(
          'spec.strategy.rollingUpdate.maxUnavailable',
          maxUnavailable ?? 0,
          'may not be 0 when `maxSurge` is 0',
        ),
      );
    if (typeof maxUnavailable === 'string' && intOrPercent(maxUnavailable) > 100)
      errors.push(
        invalidValue(
          'spec.strategy.rollingUpdate.maxUnavailable',
          maxUnavailable,
          'must not be greater than 100%',
        ),
      );
  }
  nonNegative('spec.minReadySeconds', spec.minReadySeconds, errors);
  nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit, errors);
  const deadline = spec.progressDeadlineSeconds;
  if (deadline !== undefined) {
    nonNegative('spec.progressDeadlineSeconds', deadline, errors);
    if (deadline <= (spec.minReadySeconds ?? 0))
      errors.push(
        invalidValue('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'),
      );
  }
}

/** The field errors in `object`; empty when it is valid. Names are checked on create (an update cannot change them). */
export function validate(object: KubeObject, update = false): string[] {
  const errors: string[] = [];
  if (!update) validateName(object, errors);
  switch (object.kind) {
    case 'Pod':
      validatePodSpec(object.spec, 'spec', errors);
      break;
    case 'ReplicaSet':
      validateReplicas(object.spec?.replicas, errors);
      validateSelector(object.spec?.selector, object.spec?.template, errors);
      nonNegative('spec.minReadySeconds', object.spec?.minReadySeconds, errors);
      break;
    case 'Deployment':
      validateReplicas(object.spec?.replicas, errors);
      validateSelector(object.spec?.selector, object.spec?.template, errors);
      validateDeploymentSpec(object.spec, errors);
      break;
    case 'DaemonSet':
      validateSelector(object.spec?.selector, object.spec?.template, errors);
      break;
    case 'Service':
      if (!object.spec?.ports?.length) errors.push(required('spec.ports'));
      for (const [i, p] of (object.spec?.ports ?? []).entries()) {
        if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535) {
          errors.push(
            invalidValue(`spec.ports[${i}].port`, p.port, 'must be between 1 and 65535, inclusive'),
          );
        }
      }
      break;
    default:
      break;
  }
  return errors;
}
