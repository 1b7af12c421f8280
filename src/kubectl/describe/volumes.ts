/** describe's `Volumes:` section and a container's `Mounts:` (describeVolumes, describeContainerVolumes). */
import type { Container, Volume } from '../../engine/api/types';

/** One volume's source lines, at describe's LEVEL_2 (four spaces) whatever the section's indent. */
function source(v: Volume): string[] {
  if (v.hostPath)
    return [
      '    Type:\tHostPath (bare host directory volume)',
      `    Path:\t${v.hostPath.path}`,
      `    HostPathType:\t${v.hostPath.type ?? ''}`,
    ];
  if (v.emptyDir)
    return [
      "    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)",
      `    Medium:\t${v.emptyDir.medium ?? ''}`,
      `    SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}`,
    ];
  if (v.secret)
    return [
      '    Type:\tSecret (a volume populated by a Secret)',
      `    SecretName:\t${v.secret.secretName}`,
      `    Optional:\t${v.secret.optional === true}`,
    ];
  if (v.configMap)
    return [
      '    Type:\tConfigMap (a volume populated by a ConfigMap)',
      `    Name:\t${v.configMap.name}`,
      `    Optional:\t${v.configMap.optional === true}`,
    ];
  if (v.projected) {
    const lines = ['    Type:\tProjected (a volume that contains injected data from multiple sources)'];
    for (const s of v.projected.sources ?? []) {
      if (s.downwardAPI) lines.push('    DownwardAPI:\ttrue');
      else if (s.configMap)
        lines.push(
          `    ConfigMapName:\t${s.configMap.name}`,
          `    Optional:\t${s.configMap.optional === true}`,
        );
      else if (s.serviceAccountToken)
        lines.push(`    TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}`);
    }
    return lines;
  }
  return ['  <unknown>'];
}

/** `Volumes:` with each volume, or `Volumes: <none>`; `space` is the section's indent (two spaces in a pod template). */
export function volumeLines(volumes: readonly Volume[] | undefined, space = ''): string[] {
  if (!volumes?.length) return [`${space}Volumes:\t<none>`];
  const nameIndent = space ? ' ' : '';
  return [`${space}Volumes:`, ...volumes.flatMap((v) => [`${nameIndent}  ${v.name}:`, ...source(v)])];
}

/** `Mounts:` sorted by path, each `PATH from VOLUME (ro|rw[,path="SUB"])`, or `Mounts: <none>`. */
export function mountLines(c: Container, indent: string): string[] {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) =>
    a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0,
  );
  if (!mounts.length) return [`${indent}Mounts:\t<none>`];
  return [
    `${indent}Mounts:`,
    ...mounts.map((m) => {
      const flags = [m.readOnly ? 'ro' : 'rw'];
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
      return `${indent}  ${m.mountPath} from ${m.name} (${flags.join(',')})`;
    }),
  ];
}
