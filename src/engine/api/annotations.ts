/** Annotations and labels the API server and controllers agree on. */

/** Where apps/v1 shows a DaemonSet's spec.templateGeneration (1 at creation, one more per template change). */
export const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';
