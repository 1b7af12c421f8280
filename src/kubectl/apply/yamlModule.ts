/**
 * The YAML parser, loaded on first need so the page's first load stays small. Commands are parsed
 * synchronously, so the terminal (or the runner) calls `prepareManifests()` before a manifest is
 * applied; until it has loaded, `apply -f` says so.
 */
import type * as YamlTypes from 'yaml';

type YamlModule = typeof YamlTypes;

let loaded: YamlModule | null = null;
let loading: Promise<void> | null = null;

export function prepareManifests(): Promise<void> {
  loading ??= import('yaml').then((m) => {
    loaded = m;
  });
  return loading;
}

export const yamlModule = (): YamlModule | null => loaded;
