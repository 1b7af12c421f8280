/** Limits the terminal keeps, where a real cluster has them or where the page needs them. Each is said in its error. */

/** The longest command line the terminal takes (characters). */
export const MAX_COMMAND_LENGTH = 4096;
/**
 * Manifests for `apply -f` must be smaller than this (bytes, UTF-8): 256 KiB, well under the API
 * server's 1.5 MiB request limit, and small enough for the page to parse without a long freeze
 * (the YAML parser runs on the main thread; a 1 MB, 5,000-line manifest takes 300–800 ms there).
 */
export const MAX_MANIFEST_BYTES = 256 * 1024;
/** The most lines one manifest may have (for the same reason). */
export const MAX_MANIFEST_LINES = 2_000;
/** The most YAML documents one manifest may hold. */
export const MAX_DOCUMENTS = 100;
/** YAML aliases one document may use (an alias bomb fails at once). */
export const MAX_YAML_ALIASES = 50;
/** Pods per Deployment or ReplicaSet in this simulated cluster (the page draws each one). */
export const MAX_REPLICAS = 100;
/** Object names: DNS-1123 subdomain (253) for most kinds, DNS-1035 label (63) for Services. */
export const MAX_NAME_LENGTH = 253;
export const MAX_LABEL_NAME_LENGTH = 63;
