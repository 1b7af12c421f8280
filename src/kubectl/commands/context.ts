/** What a kubectl verb gets: its parsed words and flags, the namespace, the raw line and any input. */
import type { ParsedArgs } from '../parse/flags';
import type { FlagSpecs } from '../parse/flags';
import type { Command, CommandInput } from '../types';

export interface VerbContext {
  readonly args: ParsedArgs;
  /** `-n` or `default`. */
  readonly namespace: string;
  /** Whether `-n` was given. */
  readonly namespaceSet: boolean;
  readonly line: string;
  readonly input: CommandInput | undefined;
}

export interface Verb {
  readonly flags: FlagSpecs;
  run(ctx: VerbContext): Command;
}

/** Flags every kubectl command takes. */
export const GLOBAL_FLAGS: FlagSpecs = {
  namespace: { type: 'string', short: 'n' },
  help: { type: 'bool', short: 'h' },
  context: { type: 'string' },
  kubeconfig: { type: 'string' },
  'request-timeout': { type: 'string' },
  v: { type: 'string', short: 'v' },
};
