/** A labelled native select: keyboard- and screen-reader-friendly with no extra code. */
import { useId } from 'react';

export function Select<T extends string>({
  label,
  value,
  options,
  onChange,
  disabled,
  title,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  disabled?: boolean;
  title?: string;
}) {
  const id = useId();
  return (
    <div className="flex min-w-0 max-w-full items-center gap-1.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        title={title}
        onChange={(e) => onChange(e.target.value as T)}
        className="min-w-0 max-w-full rounded-md border border-slate-300 bg-white py-1 pl-2 pr-1 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-k8s dark:border-slate-600 disabled:opacity-50 dark:bg-slate-800 dark:text-slate-100"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
