/** The command line: `|` stages (grep filters), then kubectl, minikube, the terminal's own commands, or a node's shell. */
import { kubectl } from './kubectl';
import { MAX_COMMAND_LENGTH } from './limits';
import { minikube } from './minikube/minikube';
import { nodeCommand } from './nodeShell/shell';
import { errorCommand } from './output';
import { grepFilter, type Filter } from './parse/grep';
import { tokenize } from './parse/tokenize';
import type { Cluster } from '../engine/cluster';
import type { ClusterReader, Command, CommandInput, Output, ShellState } from './types';

/** What the prompt shows: `$ ` on the learner's machine, `docker@minikube:~$ ` inside a node. */
export const prompt = (shell: ShellState) => (shell.node ? `docker@${shell.node}:~$ ` : '$ ');

function single(
  words: readonly string[],
  line: string,
  shell: ShellState,
  input: CommandInput | undefined,
): Command {
  if (shell.node !== null) return nodeCommand(words, { node: shell.node }, line);
  const [program, ...rest] = words;
  switch (program) {
    case 'kubectl':
      return kubectl(rest, line, input);
    case 'minikube':
      return minikube(rest, line);
    case 'clear':
      return { type: 'terminal', effect: { kind: 'clear' } };
    case 'exit':
    case 'logout':
      return errorCommand('exit: this terminal stays open (exit leaves a node after `minikube ssh`)');
    default:
      return errorCommand(`bash: ${program}: command not found`);
  }
}

/** Passes the command's output through the pipeline's filters (stdout only; errors go past, as stderr does). */
function piped(command: Command, filters: readonly Filter[]): Command {
  const apply = (o: Output): Output => {
    if (o.error) return o;
    const filter = (t: string) => filters.reduce((text, f) => f(text), t);
    if (!o.stderrLines) return { ...o, text: filter(o.text) };
    // The notes on stderr reach the terminal as they are; only stdout goes through the pipe.
    const lines = o.text.split('\n');
    const notes = lines.slice(0, o.stderrLines);
    const rest = filter(lines.slice(o.stderrLines).join('\n'));
    return { ...o, text: [...notes, ...(rest === '' ? [] : [rest])].join('\n') };
  };
  switch (command.type) {
    case 'read':
      return { type: 'read', run: (reader: ClusterReader, sh: ShellState) => apply(command.run(reader, sh)) };
    case 'watch':
      return {
        type: 'watch',
        first: (reader) => apply(command.first(reader)),
        next: (reader) => {
          const o = command.next(reader);
          if (!o) return null;
          const out = apply(o);
          return out.text === '' ? null : out;
        },
        // A stream that ends (rollout status, logs -f, wait) ends through a pipe too.
        ...(command.ended ? { ended: command.ended } : {}),
      };
    case 'write':
      return {
        type: 'write',
        line: command.line,
        run: (cluster: Cluster, print: (o: Output) => void) => command.run(cluster, (o) => print(apply(o))),
        ...(command.waitAfter ? { waitAfter: command.waitAfter } : {}),
      };
    default:
      return command;
  }
}

export function parseCommand(line: string, shell: ShellState, input?: CommandInput): Command {
  if (line.length > MAX_COMMAND_LENGTH)
    return errorCommand(
      `error: the command is ${line.length} characters long; this terminal takes at most ${MAX_COMMAND_LENGTH}`,
    );
  const { stages, unterminated, openQuote } = tokenize(line);
  // bash's own words; a login shell (inside a node, after minikube ssh) names itself -bash.
  const bash = shell.node ? '-bash' : 'bash';
  if (unterminated) return errorCommand(`${bash}: unexpected EOF while looking for matching \`${openQuote}'`);
  const words = stages[0]!;
  if (!words.length)
    return stages.length > 1
      ? errorCommand(`${bash}: syntax error near unexpected token \`|'`)
      : { type: 'terminal', effect: { kind: 'none' } };
  const filters: Filter[] = [];
  for (const stage of stages.slice(1)) {
    if (!stage.length) return errorCommand(`${bash}: syntax error near unexpected token \`|'`);
    if (stage[0] !== 'grep')
      return errorCommand(
        `${shell.node ? '-bash' : 'bash'}: ${stage[0]}: this terminal's pipes take only grep`,
      );
    const f = grepFilter(stage.slice(1));
    if (typeof f === 'string') return errorCommand(f);
    filters.push(f);
  }
  const command = single(words, line.trim(), shell, input);
  return filters.length ? piped(command, filters) : command;
}
