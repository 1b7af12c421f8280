/**
 * An object as read-only, highlighted YAML, written by the terminal's own `kubectl get -o yaml`
 * printer: sorted keys, yaml.v2's quoting, no anchors, so both views of an object read the same.
 */
import { memo } from 'react';
import { objectYaml } from '../../store/objectYaml';

const LINE = /^(\s*(?:- )?)([^\s:'"][^:]*?|"[^"]*"|'[^']*'):(?: (.*))?$/;

function valueClass(value: string): string {
  if (/^(true|false|null|~)$/.test(value)) return 'text-purple-700 dark:text-purple-300';
  if (/^-?\d+(\.\d+)?$/.test(value)) return 'text-amber-700 dark:text-amber-300';
  return 'text-emerald-800 dark:text-emerald-300';
}

function Line({ text }: { text: string }) {
  const m = LINE.exec(text);
  if (!m) {
    const item = /^(\s*- )(.*)$/.exec(text);
    if (item)
      return (
        <>
          {item[1]}
          <span className={valueClass(item[2]!)}>{item[2]}</span>
        </>
      );
    return <>{text}</>;
  }
  const [, indent, key, value] = m;
  return (
    <>
      {indent}
      <span className="text-sky-800 dark:text-sky-300">{key}</span>:
      {value !== undefined && (
        <>
          {' '}
          <span className={valueClass(value)}>{value}</span>
        </>
      )}
    </>
  );
}

export const YamlView = memo(function YamlView({ object }: { object: unknown }) {
  const text = objectYaml(object);
  return (
    <pre
      className="max-h-96 overflow-auto rounded-lg bg-slate-50 p-2 font-mono text-[11px] leading-4 text-slate-800 dark:bg-slate-950 dark:text-slate-200"
      data-yaml
      tabIndex={0}
    >
      {text.split('\n').map((line, i) => (
        <div key={i}>
          <Line text={line} />
        </div>
      ))}
    </pre>
  );
});
