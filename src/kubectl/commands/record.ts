/**
 * `--record` (deprecated, still accepted in v1.34): the command line is kept in the object's
 * `kubernetes.io/change-cause` annotation, which `kubectl rollout history` shows as CHANGE-CAUSE.
 */
import { flagTrue, type ParsedArgs } from '../parse/flags';
import type { Output } from '../types';

export const RECORD_FLAG = { record: { type: 'bool' } } as const;

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** kubectl warns on stderr and carries on (a note, not a failure). */
export const RECORD_WARNING: Output = {
  text: 'Flag --record has been deprecated, --record will be removed in the future',
  error: false,
  stderrLines: 1,
};

/**
 * What kubectl records (parseCommandArguments): the command's path, its arguments, then every flag
 * that was set as `--name=value` in name order, e.g.
 * `kubectl set image deployment/web nginx=nginx:1.28 --record=true`.
 */
export function changeCause(
  path: string,
  args: ParsedArgs,
  positional = args.positional,
): string | undefined {
  if (!flagTrue(args, 'record')) return undefined;
  const flags = [...args.flags.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `--${name}=${value}`);
  return [`kubectl ${path}`, ...positional, ...flags].join(' ');
}
