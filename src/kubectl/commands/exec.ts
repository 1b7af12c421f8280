/**
 * `kubectl exec POD [-c CONTAINER] -- COMMAND [ARGS…]`: one command run in a container, through
 * kube-apiserver, the pod's kubelet and its runtime (the engine's exec). The containers here run
 * no real processes, so the commands that show how a cluster works are answered as the image's
 * tools answer them: `nslookup` (busybox) asks CoreDNS through the node's kube-proxy rules, `wget`
 * (busybox) and `curl` (nginx) connect to a Service's ClusterIP and reach one backend, `cat
 * /etc/resolv.conf`, `hostname`, `echo`. `TYPE/NAME` runs in one of a workload's or a Service's
 * pods, picked as kubectl picks it (attachablePod.ts). Interactive shells (-i, -t) are not simulated.
 */
import type { Container, Pod } from '../../engine/api/types';
import type { Cluster } from '../../engine/cluster';
import { stableHex } from '../../engine/core/stableHex';
import { parseImage } from '../../engine/runtime/registry';
import { errorCommand, fail, ok, serverError } from '../output';
import { flagTrue } from '../parse/flags';
import type { Command } from '../types';
import type { Verb } from './context';
import { attachablePod } from './attachablePod';
import { httpGet, type HttpResult } from './execHttp';

const CLUSTER_DNS = '10.96.0.10';
const SIMULATED = 'nslookup, wget, curl, cat /etc/resolv.conf, hostname and echo';

/** The programs simulated here. */
const RUNS = new Set(['nslookup', 'wget', 'curl', 'cat', 'hostname', 'echo']);
const words = (text: string) => text.split(' ');
/** The shell tools both busybox and a Debian-based image have. */
const SHELL_TOOLS = words(
  'sh ls env cat echo hostname date id whoami sleep uname df du mount pwd touch rm mkdir cp mv grep head tail find kill printenv xargs sed tr wc sort true false',
);
/** The programs of the images this model knows. */
const BUSYBOX = new Set([
  ...SHELL_TOOLS,
  ...words(
    'ash ps nslookup wget ping nc telnet traceroute ip ifconfig netstat route top vi free uptime which awk',
  ),
]);
const DEBIAN = new Set([...SHELL_TOOLS, 'bash']);
const NGINX = new Set([...DEBIAN, 'curl']);

/** The programs an image has (busybox's and alpine's applets; nginx's and httpd's Debian), or undefined. */
function programsOf(image: string): ReadonlySet<string> | undefined {
  const repo = parseImage(image).repository;
  if (['library/busybox', 'library/alpine', 'busybox', 'k8s-minikube/busybox'].includes(repo)) return BUSYBOX;
  if (repo === 'library/nginx') return NGINX;
  if (repo === 'library/httpd') return DEBIAN;
  return undefined;
}

export const exec: Verb = {
  flags: {
    container: { type: 'string', short: 'c' },
    stdin: { type: 'bool', short: 'i' },
    tty: { type: 'bool', short: 't' },
    quiet: { type: 'bool', short: 'q' },
  },
  run({ args, line, namespace }): Command {
    const command = args.afterDash ?? [];
    const named = args.positional.slice(0, args.positional.length - command.length);
    const target = named[0];
    if (!target) return errorCommand('error: pod, type/name or --filename must be specified');
    if (named.length > 1)
      return errorCommand(
        "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples",
      );
    if (!command.length)
      return errorCommand('error: you must specify at least one command for the container');
    if (flagTrue(args, 'stdin') || flagTrue(args, 'tty'))
      return errorCommand(
        `error: an interactive session (-i, -t) is not simulated: the containers here run no processes to talk to. Run one command at a time, e.g. kubectl exec ${target} -- nslookup kubernetes`,
      );
    const container = args.flags.get('container');
    const quiet = flagTrue(args, 'quiet');
    return {
      type: 'write',
      line,
      run(cluster, print) {
        const attachable = attachablePod(cluster, namespace, target);
        if ('error' in attachable) return print(fail(attachable.error));
        const podName = attachable.pod;
        cluster.exec(
          namespace,
          podName,
          container,
          command,
          (node, pod, finished) => {
            // podcmd.FindOrDefaultContainerByName's note, on stderr.
            if (!container && pod.spec.containers.length > 1 && !quiet)
              print(
                fail(
                  `Defaulted container "${pod.spec.containers[0]!.name}" out of: ${pod.spec.containers.map((c) => c.name).join(', ')}`,
                ),
              );
            runProgram(cluster, node, pod, container, command, (out) => {
              print(out.error ? fail(out.text) : ok(out.text));
              if (out.code !== 0) print(fail(`command terminated with exit code ${out.code}`));
              finished();
            });
          },
          (start) => {
            if (start.ok) return;
            switch (start.reason) {
              case 'api':
                return print(fail(serverError(start.error)));
              case 'completed':
                return print(
                  fail(
                    `error: cannot exec into a container in a completed pod; current phase is ${start.phase}`,
                  ),
                );
              case 'noContainer':
                return print(
                  fail(
                    `Error from server (BadRequest): container ${start.container} is not valid for pod ${podName}`,
                  ),
                );
              case 'notRunning':
                return print(
                  fail(`error: unable to upgrade connection: container not found ("${start.container}")`),
                );
              case 'kubeletDown':
                return print(
                  fail(
                    `Error from server: error dialing backend: dial tcp ${start.nodeIP}:10250: connect: connection refused`,
                  ),
                );
            }
          },
        );
      },
    };
  },
};

interface ProcessOutput {
  readonly text: string;
  /** The process's exit code (kubectl then says `command terminated with exit code N`). */
  readonly code: number;
  /** An error of kubectl's or the API's own, not the process's output. */
  readonly error?: boolean;
}

/** Runs one of the simulated programs in the pod's container; `done` hears what it printed and its exit code. */
function runProgram(
  cluster: Cluster,
  node: string,
  pod: Pod,
  containerName: string | undefined,
  argv: readonly string[],
  done: (out: ProcessOutput) => void,
): void {
  const container: Container =
    pod.spec.containers.find((c) => c.name === containerName) ?? pod.spec.containers[0]!;
  const program = argv[0]!.split('/').pop()!;
  const namespace = pod.metadata.namespace ?? 'default';
  const has = programsOf(container.image);
  if (has && !has.has(program)) return done(notFound(argv[0]!, cluster.config.runtime, pod));
  if (!RUNS.has(program))
    return done({
      text: `${program}: not simulated in this container (it runs ${SIMULATED})`,
      code: 0,
      error: true,
    });
  const args = argv.slice(1);
  switch (program) {
    case 'echo':
      return done({ text: args.join(' '), code: 0 });
    case 'hostname':
      return done({ text: pod.metadata.name, code: 0 });
    case 'cat':
      return done(cat(args, namespace, container.image));
    case 'nslookup':
      return nslookup(cluster, node, namespace, args, done);
    case 'wget':
    case 'curl':
      return fetchUrl(cluster, node, namespace, program, args, done);
  }
}

/**
 * The runtime could not start the program: containerd and CRI-O answer the exec with an error,
 * which kube-apiserver passes on; cri-dockerd starts it and reports exit code 126.
 */
function notFound(word: string, runtime: string, pod: Pod): ProcessOutput {
  const oci = `OCI runtime exec failed: exec failed: unable to start container process: exec: "${word}": executable file not found in $PATH: unknown`;
  if (runtime === 'docker') return { text: oci, code: 126 };
  const id = stableHex(`${pod.metadata.uid}/${word}`, 8);
  return {
    text: `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": ${oci}`,
    code: 0,
    error: true,
  };
}

/** The pod's resolv.conf, as kubelet writes it for dnsPolicy ClusterFirst. */
const resolvConf = (namespace: string) =>
  [
    `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local`,
    `nameserver ${CLUSTER_DNS}`,
    'options ndots:5',
  ].join('\n');

function cat(args: readonly string[], namespace: string, image: string): ProcessOutput {
  const busybox = programsOf(image)?.has('wget') === true;
  const out: string[] = [];
  let code = 0;
  for (const file of args) {
    if (file === '/etc/resolv.conf') out.push(resolvConf(namespace));
    else {
      code = 1;
      out.push(
        busybox
          ? `cat: can't open '${file}': No such file or directory`
          : `cat: ${file}: No such file or directory`,
      );
    }
  }
  return { text: out.join('\n'), code };
}

/** The name a pod's resolver asks for, after its search list (one label: its own namespace's Service). */
function qualified(name: string, namespace: string): string {
  const parts = name.replace(/\.$/, '').split('.');
  if (parts.length === 1) return `${parts[0]}.${namespace}.svc.cluster.local`;
  if (parts.length === 2) return `${parts[0]}.${parts[1]}.svc.cluster.local`;
  return name.replace(/\.$/, '');
}

const isIp = (host: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(host);

/** busybox nslookup NAME: the query goes to the cluster DNS through the node's rules. */
function nslookup(
  cluster: Cluster,
  node: string,
  namespace: string,
  args: readonly string[],
  done: (out: ProcessOutput) => void,
): void {
  const name = args.find((a) => !a.startsWith('-'));
  if (!name)
    return done({
      text: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]',
      code: 1,
    });
  const header = `Server:\t\t${CLUSTER_DNS}\nAddress:\t${CLUSTER_DNS}:53\n`;
  cluster.resolve(
    node,
    name,
    (answer) => {
      if (answer.ok)
        return done({
          text: `${header}\nName:\t${qualified(name, namespace)}\nAddress: ${answer.ip}\n`,
          code: 0,
        });
      if (answer.rcode === 'TIMEOUT')
        return done({ text: ';; connection timed out; no servers could be reached\n', code: 1 });
      done({ text: `${header}\n** server can't find ${name}: ${answer.rcode}\n`, code: 1 });
    },
    namespace,
  );
}

interface Url {
  readonly host: string;
  readonly port: number;
  readonly path: string;
}

function parseUrl(text: string): Url | null {
  const m = /^(?:http:\/\/)?([^/:]+)(?::(\d{1,5}))?(\/.*)?$/.exec(text);
  if (!m) return null;
  return { host: m[1]!, port: m[2] ? Number(m[2]) : 80, path: m[3] ?? '/' };
}

/** wget -qO- URL (busybox) or curl URL: the name resolved, then a connection through the node's rules. */
function fetchUrl(
  cluster: Cluster,
  node: string,
  namespace: string,
  program: 'wget' | 'curl',
  args: readonly string[],
  done: (out: ProcessOutput) => void,
): void {
  // wget's -O takes a value: `-O -`, `-O-`, `-qO-`, `-qO -`; -q is quiet. curl prints to stdout.
  const urls: string[] = [];
  let output: string | undefined;
  let quiet = program === 'curl';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-') && a.length > 1) {
      if (program === 'wget' && /^-\w*q/.test(a)) quiet = true;
      const o = program === 'wget' ? /^-\w*O(.*)$/.exec(a) : null;
      if (o) output = o[1] || args[++i];
    } else urls.push(a);
  }
  const toStdout = program === 'curl' || output === '-';
  const url = urls[0] ? parseUrl(urls[0]) : null;
  if (!url)
    return done({
      text: program === 'wget' ? 'wget: bad address' : 'curl: (3) URL rejected: No host part in the URL',
      code: program === 'wget' ? 1 : 3,
    });
  if (!toStdout)
    return done({
      text: `wget: saving to a file is not simulated here; print to the terminal with wget -qO- ${urls[0]}`,
      code: 1,
    });
  const connect = (ip: string) =>
    httpGet(cluster, node, ip, url.port, url.path, (result) =>
      done(fetched(program, url, ip, result, quiet)),
    );
  if (isIp(url.host)) return connect(url.host);
  cluster.resolve(
    node,
    url.host,
    (answer) => {
      if (answer.ok) return connect(answer.ip);
      done(
        program === 'wget'
          ? { text: `wget: bad address '${url.host}'`, code: 1 }
          : { text: `curl: (6) Could not resolve host: ${url.host}`, code: 6 },
      );
    },
    namespace,
  );
}

/** What wget or curl prints for the server's answer (or for no answer). */
function fetched(
  program: 'wget' | 'curl',
  url: Url,
  ip: string,
  result: HttpResult,
  quiet: boolean,
): ProcessOutput {
  const connecting = quiet
    ? ''
    : `Connecting to ${url.host}${url.port === 80 ? '' : `:${url.port}`} (${ip}:${url.port})\nwriting to stdout\n`;
  if (result.status === null)
    return program === 'wget'
      ? { text: `${connecting}wget: can't connect to remote host (${ip}): Connection refused`, code: 1 }
      : {
          text: `curl: (7) Failed to connect to ${url.host} port ${url.port} after 1 ms: Couldn't connect to server`,
          code: 7,
        };
  if (program === 'wget' && result.status >= 400)
    return {
      text: `${connecting}wget: server returned error: HTTP/1.1 ${result.status} ${result.reason}`,
      code: 1,
    };
  const progress = `\n-                    100% |********************************| ${String(result.body.length + 1).padStart(5)}  0:00:00 ETA\nwritten to stdout`;
  return { text: `${connecting}${result.body}${quiet ? '' : progress}`, code: 0 };
}
