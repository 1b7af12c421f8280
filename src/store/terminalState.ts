/**
 * What the terminal shows, as the store holds it: the entries, the history and where the prompt is.
 * The terminal's logic (src/store/terminal.ts) loads with the simulation, not with the page.
 */
import type { Output, ShellState } from '../kubectl/types';

/** One command in the terminal: its prompt and line as typed, then what it printed. */
export interface TerminalEntry {
  readonly id: number;
  readonly prompt: string;
  readonly command: string;
  readonly output: readonly Output[];
  /** How many outputs the run's record has given this command (a replay's repeats are skipped). */
  readonly printed: number;
  /**
   * 'waiting': a write whose answer the cursor has not reached yet; 'watching': `-w` streams;
   * 'queued': typed while a write was waiting, it runs once that one has returned (as a shell
   * reads typed-ahead lines after the command before them).
   */
  readonly state: 'done' | 'waiting' | 'watching' | 'queued';
  /**
   * A write's answers recorded ahead of the cursor, with the virtual time of each: printed when the
   * cursor gets there, so that kubectl says `created` as the diagram shows the object stored, and a
   * read after it finds the object.
   */
  readonly pending?: readonly PendingOutput[];
  /** While watching: kubectl is not streaming but waiting after its answers (delete's --wait). */
  readonly waitsAfter?: true;
  /** Something the app did besides printing, for the panel to say: the Dashboard opened. */
  readonly note?: 'dashboard';
}

export interface PendingOutput {
  readonly at: number;
  readonly output: Output;
}

export interface TerminalState {
  readonly entries: readonly TerminalEntry[];
  /** Lines entered, oldest first. */
  readonly history: readonly string[];
  readonly shell: ShellState;
  /** kubectl's code has loaded (commands typed before run as soon as it has). */
  readonly loaded: boolean;
  /** The largest manifest kubectl takes (bytes), once loaded. */
  readonly manifestLimit: number | null;
}

export const EMPTY_TERMINAL: TerminalState = {
  entries: [],
  history: [],
  shell: { node: null },
  loaded: false,
  manifestLimit: null,
};

/** The prompt as minikube's shell and the learner's shell show it. */
export function promptOf(shell: ShellState): string {
  return shell.node === null ? '$ ' : `docker@${shell.node}:~$ `;
}
