/** The cluster's objects at the cursor, for the inspector; re-renders only when they change. */
import { useMemo } from 'react';
import type { KubeObject } from '../../engine/api/types';
import { useAppStore } from '../storeContext';

export function useLiveObjects(): ReadonlyMap<string, KubeObject> {
  const player = useAppStore((s) => s.player);
  const version = useAppStore((s) => s.playback.objectsVersion);
  return useMemo(() => {
    void version;
    // A copy: the cursor's map changes in place as playback moves on.
    return new Map(player?.objectsNow() ?? []);
  }, [player, version]);
}
