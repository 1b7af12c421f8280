/**
 * Embedded in a course page (`embed=1`): the diagram, playback and the workflow's narration only,
 * filling whatever frame it is given without page scrollbars (panels scroll inside themselves).
 * Loaded only there.
 */
import type { LayoutParts } from './layoutParts';

export function EmbeddedApp({ wide, guided, parts }: { wide: boolean; guided: boolean; parts: LayoutParts }) {
  const { narration } = parts;
  return (
    <div
      className="flex h-full flex-col overflow-hidden bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100"
      data-embed
    >
      {parts.notices}
      <main className={`flex min-h-0 flex-1 ${wide ? 'flex-row' : 'flex-col'}`}>
        {guided && wide && (
          <div className="w-[300px] shrink-0 border-r border-slate-200 dark:border-slate-700">
            {narration}
          </div>
        )}
        <div className="flex min-h-0 min-w-0 flex-1 flex-col">
          <div className="min-h-[8rem] flex-1">{parts.diagram(!wide)}</div>
          {guided && !wide && (
            <div className="max-h-[45%] min-h-[8rem] shrink border-t border-slate-200 dark:border-slate-700">
              {narration}
            </div>
          )}
          {parts.playback}
        </div>
      </main>
    </div>
  );
}
