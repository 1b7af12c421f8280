/** What every layout of the page shows, made once by App and placed by each layout. */
import type { ReactNode } from 'react';

export interface LayoutParts {
  diagram(compact: boolean): ReactNode;
  playback: ReactNode;
  /** The event log (with the terminal). */
  log: ReactNode;
  narration: ReactNode;
  details: ReactNode;
  notices: ReactNode;
}
