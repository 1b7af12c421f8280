/**
 * An object as `kubectl get -o yaml` prints it, for the inspector's YAML view: the terminal's own
 * printer, so both views of an object read the same.
 */
export { toYaml as objectYaml } from '../kubectl/format/yaml';
