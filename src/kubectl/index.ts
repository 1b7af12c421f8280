/**
 * The terminal's commands: kubectl, minikube and a node's shell, parsed into Commands (types.ts)
 * that the page's store and the headless runner run.
 */
export { parseCommand, prompt } from './shell';
export { clusterReader } from './reader';
export { prepareManifests } from './apply/yamlModule';
export { MAX_COMMAND_LENGTH, MAX_MANIFEST_BYTES } from './limits';
export type * from './types';

export { completions } from './completion';
