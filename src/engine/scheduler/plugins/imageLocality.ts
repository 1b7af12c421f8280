/**
 * ImageLocality: prefers nodes that already have the pod's images, each counted by its size times
 * the share of nodes that have it, mapped between 23 MiB and 1000 MiB per container to 0–100.
 */
import { MAX_NODE_SCORE, type ScorePlugin } from '../framework';

const MB = 1024 * 1024;
export const MIN_THRESHOLD = 23 * MB;
export const MAX_CONTAINER_THRESHOLD = 1000 * MB;

export function imageLocalityScore(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  const clamped = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold);
  return Math.floor((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

/** Upstream normalises image names without a tag to `:latest`. */
export const normalizedImageName = (image: string) =>
  image.slice(image.lastIndexOf('/') + 1).includes(':') ? image : `${image}:latest`;

export const ImageLocality: ScorePlugin = {
  name: 'ImageLocality',
  weight: 1,
  score(state, node) {
    if (node.images.size === 0) return 0;
    let sum = 0;
    for (const name of state.images) {
      const size = node.images.get(name);
      if (size === undefined) continue;
      const spread = (state.imageNodeCounts.get(name) ?? 1) / Math.max(state.totalNodes, 1);
      sum += Math.floor(size * spread);
    }
    return imageLocalityScore(sum, state.images.length);
  },
};
