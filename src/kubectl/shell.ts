/** The command line's first word: kubectl, minikube, the terminal's own commands, or the shell's error. */
import { kubectl } from './kubectl';
import { MAX_COMMAND_LENGTH } from './limits';
import { errorCommand } from './output';
import { tokenize } from './parse/tokenize';
import type { Command, CommandInput, ShellState } from './types';

export function parseCommand(line: string, shell: ShellState, input?: CommandInput): Command {
  if (line.length > MAX_COMMAND_LENGTH)
    return errorCommand(
      `error: the command is ${line.length} characters long; this terminal takes at most ${MAX_COMMAND_LENGTH}`,
    );
  const { stages, unterminated } = tokenize(line);
  if (unterminated) return errorCommand('-bash: unexpected EOF while looking for matching quote');
  const words = stages[0]!;
  if (!words.length) return { type: 'terminal', effect: { kind: 'none' } };
  const trimmed = line.trim();
  const [program, ...rest] = words;
  if (shell.node === null) {
    if (stages.length > 1) return errorCommand('bash: pipes are available inside a node (minikube ssh)');
    switch (program) {
      case 'kubectl':
      case 'k':
        return kubectl(rest, trimmed, input);
      case 'clear':
        return { type: 'terminal', effect: { kind: 'clear' } };
    }
    return errorCommand(`bash: ${program}: command not found`);
  }
  return errorCommand(`-bash: ${program}: command not found`);
}
