/**
 * The terminal (`Terminal` textbox, `Terminal output` log): a prompt, what was typed and printed,
 * ↑/↓ history, Tab completion, Ctrl+L / `clear`, Ctrl+C to stop a watch, copy buttons. Output is
 * always text, never HTML. The manifest editor opens from here.
 */
import {
  lazy,
  memo,
  Suspense,
  use,
  useEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { loadPanelText } from '../../i18n/i18n';
import { promptOf, type TerminalEntry } from '../../store/appStore';
import { useActions, useAppStore } from '../storeContext';
import { heredocMarker, parseHeredoc } from '../../store/heredoc';
import { completeLine } from './completeLine';

const ManifestEditor = lazy(() => import('./ManifestEditor').then((m) => ({ default: m.ManifestEditor })));

/** The text of an entry as a terminal shows it: the prompt and line, then its output. */
function entryText(e: TerminalEntry, withPrompt = true): string {
  const out = e.output.map((o) => o.text).join('\n');
  return withPrompt ? `${e.prompt}${e.command}${out ? `\n${out}` : ''}` : out;
}

function useCopy(): [string | null, (key: string, text: string) => void] {
  const [copied, setCopied] = useState<string | null>(null);
  return [
    copied,
    (key, text) =>
      void navigator.clipboard?.writeText(text).then(
        () => setCopied(key),
        () => setCopied(null),
      ),
  ];
}

/** A column name: capitals, digits, `-`, `(S)`, perhaps two words (`LAST SEEN`, `NODE SELECTOR`). */
const COLUMN = String.raw`[A-Z][A-Z0-9()-]*(?: [A-Z][A-Z0-9()-]*)?`;
const TABLE_HEADER = new RegExp(String.raw`^${COLUMN}(?: {2,}${COLUMN})+ *$`);

/** kubectl's tables start with a header line of column names set two or more spaces apart. */
const isTable = (o: { text: string; error?: boolean } | undefined) =>
  !!o && !o.error && TABLE_HEADER.test(o.text.slice(0, o.text.indexOf('\n') >>> 0));

/** kubectl's notes on stderr above a command's output (`Found 3 pods, using pod/…`), dimmed. */
function StderrNotes({ output }: { output: { text: string; stderrLines?: number } }) {
  const lines = output.text.split('\n');
  const n = output.stderrLines ?? 0;
  return (
    <>
      <span className="text-slate-400" data-stderr>
        {lines.slice(0, n).join('\n')}
      </span>
      {lines.length > n && `\n${lines.slice(n).join('\n')}`}
    </>
  );
}

const Entry = memo(function Entry({
  entry,
  copied,
  onCopy,
}: {
  entry: TerminalEntry;
  copied: boolean;
  onCopy: (entry: TerminalEntry) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="group relative" data-entry={entry.id}>
      <pre className="whitespace-pre-wrap break-all">
        <span className="select-none text-emerald-400">{entry.prompt}</span>
        <span className="text-slate-100">{entry.command}</span>
      </pre>
      {isTable(entry.output[0]) ? (
        // A table (and the rows a watch adds to it) keeps its columns and scrolls sideways on a narrow screen.
        <div
          className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-blue-400"
          tabIndex={0}
          data-table
        >
          {entry.output.map((o, i) => (
            <pre
              key={i}
              className={
                o.error ? 'whitespace-pre-wrap break-words text-red-400' : 'whitespace-pre text-slate-200'
              }
              data-error={o.error || undefined}
            >
              {o.text}
            </pre>
          ))}
        </div>
      ) : (
        entry.output.map((o, i) => (
          <pre
            key={i}
            className={`whitespace-pre-wrap break-words ${o.error ? 'text-red-400' : 'text-slate-200'}`}
            data-error={o.error || undefined}
          >
            {o.stderrLines ? <StderrNotes output={o} /> : o.text}
          </pre>
        ))
      )}
      {entry.note === 'dashboard' && <p className="text-sky-300">{t('terminal.dashboardOpened')}</p>}
      {entry.state === 'waiting' && <p className="text-slate-400">{t('terminal.waiting')}</p>}
      {entry.state === 'queued' && (
        <p className="text-slate-400" data-queued>
          {t('terminal.queued')}
        </p>
      )}
      {entry.state === 'watching' && (
        <p className="text-slate-400">
          {t(entry.waitsAfter ? 'terminal.waitingAfter' : 'terminal.watching')}
        </p>
      )}
      {entry.output.length > 0 && (
        <button
          type="button"
          onClick={() => onCopy(entry)}
          aria-label={t('terminal.copyEntry', { command: entry.command.slice(0, 60) })}
          className="absolute right-1 top-0 rounded px-1.5 text-[11px] text-slate-300 opacity-0 hover:bg-slate-700 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-blue-400 group-hover:opacity-100"
        >
          {copied ? t('terminal.copied') : t('terminal.copy')}
        </button>
      )}
    </div>
  );
});

export function TerminalPanel() {
  const { t, i18n } = useTranslation();
  // Its text (and the Manifest editor's) loads with it, not with the page.
  use(loadPanelText(i18n, i18n.language));
  const entries = useAppStore((s) => s.terminal.entries);
  const history = useAppStore((s) => s.terminal.history);
  const shell = useAppStore((s) => s.terminal.shell);
  // Ctrl+C has something to stop: a watch, a write waiting for its answer, or lines typed ahead.
  const stoppable = useAppStore((s) => s.terminal.entries.some((e) => e.state !== 'done'));
  const { runCommand, interruptCommand, clearTerminal, completeCommand, loadTerminal } = useActions();
  const [line, setLine] = useState('');
  const [candidates, setCandidates] = useState<readonly string[]>([]);
  const [editorOpen, setEditorOpen] = useState(false);
  const [copied, copy] = useCopy();
  /** Where ↑/↓ is in the history (history.length: the line being typed). */
  const recall = useRef<{ index: number; draft: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  /** A here-document being typed: its lines so far (the command's first), until its marker line. */
  const [heredoc, setHeredoc] = useState<readonly string[] | null>(null);
  const prompt = heredoc ? '> ' : promptOf(shell);

  useEffect(() => {
    void loadTerminal();
    input.current?.focus();
  }, [loadTerminal]);

  /** One line entered, as bash reads it: a command, or a line of the here-document it started. */
  const enter = (typed: string, lines: readonly string[] | null): readonly string[] | null => {
    if (lines) {
      const all = [...lines, typed];
      if (parseHeredoc(all.join('\n'))?.complete) {
        runCommand(all.join('\n'));
        return null;
      }
      return all;
    }
    if (heredocMarker(typed)) return [typed];
    runCommand(typed);
    return null;
  };

  const submit = () => {
    setHeredoc(enter(line, heredoc));
    setLine('');
    setCandidates([]);
    recall.current = null;
  };

  /** A pasted block runs line by line, as a terminal feeds it to the shell; its last line stays typed. */
  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text');
    if (!/[\r\n]/.test(text)) return;
    e.preventDefault();
    const el = e.currentTarget;
    const start = el.selectionStart ?? line.length;
    const whole = line.slice(0, start) + text + line.slice(el.selectionEnd ?? start);
    const lines = whole.split(/\r?\n/);
    const last = lines.pop()!;
    let doc = heredoc;
    for (const l of lines) doc = enter(l, doc);
    setHeredoc(doc);
    setLine(last);
    setCandidates([]);
    recall.current = null;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const el = e.currentTarget;
    if (e.key === 'Enter') {
      e.preventDefault();
      submit();
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      if (!history.length) return;
      e.preventDefault();
      const at = recall.current ?? { index: history.length, draft: line };
      const index = Math.min(history.length, Math.max(0, at.index + (e.key === 'ArrowUp' ? -1 : 1)));
      recall.current = { index, draft: at.draft };
      setLine(index === history.length ? at.draft : (history[index] ?? ''));
    } else if (e.key === 'Tab' && !e.shiftKey) {
      if (line.trim() === '') return; // an empty line lets Tab move focus on
      e.preventDefault();
      const { line: next, shown } = completeLine(line, completeCommand(line));
      setLine(next);
      setCandidates(shown);
    } else if (e.ctrlKey && (e.key === 'l' || e.key === 'L')) {
      e.preventDefault();
      clearTerminal();
      setCandidates([]);
    } else if (e.ctrlKey && (e.key === 'c' || e.key === 'C') && el.selectionStart === el.selectionEnd) {
      e.preventDefault();
      if (stoppable) interruptCommand();
      setHeredoc(null);
      setLine('');
      setCandidates([]);
    } else if (e.key === 'Escape' && candidates.length) {
      setCandidates([]);
    }
  };

  const copyAll = () => copy('all', entries.map((e) => entryText(e)).join('\n'));
  const onCopyEntry = (entry: TerminalEntry) => copy(String(entry.id), entryText(entry, false));

  return (
    <div className="flex min-h-0 flex-1 flex-col bg-slate-900 text-slate-100 dark:bg-black" data-terminal>
      <div className="flex flex-wrap items-center gap-1 border-b border-slate-700 px-2 py-1 text-xs">
        <button type="button" className={TOOL} onClick={() => setEditorOpen(true)}>
          {t('terminal.manifest')}
        </button>
        <button type="button" className={TOOL} onClick={copyAll} onBlur={() => copy('', '')}>
          {copied === 'all' ? t('terminal.copied') : t('terminal.copyAll')}
        </button>
        <button
          type="button"
          className={TOOL}
          onClick={() => {
            clearTerminal();
            input.current?.focus();
          }}
        >
          {t('terminal.clear')}
        </button>
        {stoppable && (
          <button
            type="button"
            className={TOOL}
            onClick={() => {
              interruptCommand();
              input.current?.focus();
            }}
          >
            {t('terminal.stop')}
          </button>
        )}
      </div>
      {/* column-reverse keeps the newest line in view without measuring anything. */}
      <div
        role="log"
        aria-label={t('terminal.output')}
        tabIndex={0}
        className="flex min-h-0 flex-1 flex-col-reverse overflow-auto px-3 py-1 font-mono text-xs leading-5 focus-visible:outline-2 focus-visible:outline-blue-400"
        onClick={() => {
          if (!window.getSelection()?.toString()) input.current?.focus();
        }}
      >
        <div>
          {entries.length === 0 && <p className="font-sans text-slate-400">{t('terminal.intro')}</p>}
          {entries.map((e) => (
            <Entry key={e.id} entry={e} copied={copied === String(e.id)} onCopy={onCopyEntry} />
          ))}
        </div>
      </div>
      {heredoc && (
        // The here-document typed so far, as bash shows it: its lines after `> `.
        <pre
          className="max-h-32 overflow-auto border-t border-slate-700 px-3 py-1 font-mono text-xs text-slate-300"
          data-document
        >
          <span className="text-emerald-400">{promptOf(shell)}</span>
          {heredoc.map((l, i) => (i === 0 ? l : `\n> ${l}`)).join('')}
        </pre>
      )}
      {candidates.length > 1 && (
        <p
          className="max-h-16 overflow-auto border-t border-slate-700 px-3 py-1 font-mono text-xs text-slate-300"
          aria-live="polite"
          data-candidates
        >
          <span className="sr-only">{t('terminal.candidates')}: </span>
          {candidates.join('  ')}
        </p>
      )}
      <form
        className="flex items-center gap-0 border-t border-slate-700 px-3 py-1.5 font-mono text-xs"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <span className="shrink-0 select-none whitespace-pre text-emerald-400" aria-hidden="true" data-prompt>
          {prompt}
        </span>
        <input
          ref={input}
          type="text"
          aria-label={t('terminal.input')}
          value={line}
          onChange={(e) => {
            setLine(e.target.value);
            recall.current = null;
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="send"
          className="min-w-0 flex-1 bg-transparent text-slate-100 caret-emerald-400 outline-none placeholder:text-slate-500"
        />
        <button type="submit" className={`${TOOL} ml-2`}>
          {t('terminal.run')}
        </button>
      </form>
      {editorOpen && (
        <Suspense fallback={null}>
          <ManifestEditor
            onClose={() => {
              setEditorOpen(false);
              input.current?.focus();
            }}
          />
        </Suspense>
      )}
    </div>
  );
}

const TOOL =
  'rounded-md px-2 py-0.5 font-sans font-semibold text-slate-200 hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-blue-400';
