/** A titled part of the Details panel. */
import type { ReactNode } from 'react';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-1.5">
      <h3 className="text-xs font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** A small table of conditions (type, status, reason, message). */
export function Conditions({
  conditions,
}: {
  conditions: readonly { type: string; status: string; reason?: string; message?: string }[];
}) {
  return (
    <table className="w-full border-collapse text-xs" data-conditions>
      <tbody>
        {conditions.map((c) => (
          <tr key={c.type} className="border-t border-slate-100 align-top dark:border-slate-800">
            <td className="py-0.5 pr-2 font-mono">{c.type}</td>
            <td
              className={`py-0.5 pr-2 font-mono font-semibold ${c.status === 'True' ? 'text-emerald-700 dark:text-emerald-400' : c.status === 'False' ? 'text-red-700 dark:text-red-400' : 'text-amber-700 dark:text-amber-400'}`}
            >
              {c.status}
            </td>
            <td className="py-0.5 text-slate-600 dark:text-slate-300">
              {c.reason && <span className="font-mono">{c.reason}</span>}
              {c.message && <span className="block">{c.message}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
