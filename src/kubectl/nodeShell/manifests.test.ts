import { describe, expect, it } from 'vitest';
import { parseCommand } from '../shell';
import {
  absolute,
  afterMove,
  filesIn,
  manifestPlacesAfter,
  moveManifest,
  type ManifestPlaces,
} from './manifests';

const none: ManifestPlaces = new Map();

describe('the control-plane manifests as files', () => {
  it.each([
    ['/tmp/', '/tmp'],
    ['~', '/home/docker'],
    ['~/x.yaml', '/home/docker/x.yaml'],
    ['.', '/home/docker'],
    ['x.yaml', '/home/docker/x.yaml'],
    [
      '/etc/kubernetes/manifests/../manifests//kube-scheduler.yaml',
      '/etc/kubernetes/manifests/kube-scheduler.yaml',
    ],
  ])('%s is %s', (path, expected) => expect(absolute(path)).toBe(expected));

  it('mv out to a directory keeps the name; to a file path renames it', () => {
    expect(moveManifest('/etc/kubernetes/manifests/kube-scheduler.yaml', '/tmp', true, true, none)).toEqual({
      ok: true,
      component: 'kube-scheduler',
      into: false,
      place: '/tmp/kube-scheduler.yaml',
    });
    const renamed = moveManifest('/etc/kubernetes/manifests/etcd.yaml', '~/etcd.bak', true, true, none);
    expect(renamed).toMatchObject({ ok: true, component: 'etcd', place: '/home/docker/etcd.bak' });
  });

  it("mv's errors: no such file, no such directory, no permission, a worker node", () => {
    const m = '/etc/kubernetes/manifests/kube-scheduler.yaml';
    expect(moveManifest('/etc/kubernetes/manifests/nope.yaml', '/tmp', true, true, none)).toEqual({
      ok: false,
      message: "mv: cannot stat '/etc/kubernetes/manifests/nope.yaml': No such file or directory",
    });
    expect(moveManifest(m, '/nowhere/x.yaml', true, true, none)).toMatchObject({
      message: `mv: cannot move '${m}' to '/nowhere/x.yaml': No such file or directory`,
    });
    expect(moveManifest(m, '/tmp', false, true, none)).toMatchObject({
      message: `mv: cannot move '${m}' to '/tmp': Permission denied`,
    });
    expect(moveManifest(m, '/tmp', true, false, none)).toMatchObject({ ok: false });
  });

  it('a moved manifest is found where it went, and goes back', () => {
    const out = afterMove(
      none,
      moveManifest('/etc/kubernetes/manifests/kube-scheduler.yaml', '/tmp/', true, true, none),
    );
    expect(filesIn('/etc/kubernetes/manifests', true, out)).toEqual([
      'etcd.yaml',
      'kube-apiserver.yaml',
      'kube-controller-manager.yaml',
    ]);
    expect(filesIn('/tmp', true, out)).toEqual(['kube-scheduler.yaml']);
    expect(
      moveManifest('/etc/kubernetes/manifests/kube-scheduler.yaml', '/tmp', true, true, out),
    ).toMatchObject({
      ok: false,
    });
    const back = moveManifest('/tmp/kube-scheduler.yaml', '/etc/kubernetes/manifests/', true, true, out);
    expect(back).toMatchObject({ ok: true, into: true });
    expect(afterMove(out, back).size).toBe(0);
    expect(filesIn('/etc/kubernetes/manifests', false, none)).toEqual([]);
    expect(filesIn('/nowhere', true, none)).toBeNull();
  });

  it('the places after the commands typed so far: only node-shell moves on the control plane count', () => {
    const places = manifestPlacesAfter(
      [
        { line: 'sudo mv /etc/kubernetes/manifests/etcd.yaml /tmp' },
        { line: 'sudo mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp', node: 'minikube-m02' },
        { line: 'mv /etc/kubernetes/manifests/kube-apiserver.yaml /tmp', node: 'minikube' },
        { line: "sudo mv '/etc/kubernetes/manifests/kube-controller-manager.yaml' ~", node: 'minikube' },
      ],
      'minikube',
    );
    expect([...places]).toEqual([['kube-controller-manager', '/home/docker/kube-controller-manager.yaml']]);
  });
});

describe('inside a node: what the shell does not simulate', () => {
  it('a real command it lacks says so plainly; a word no tool knows gets the tool’s own error', () => {
    const inNode = (line: string) => {
      const c = parseCommand(line, { node: 'minikube' });
      expect(c.type).toBe('error');
      return (c as Extract<typeof c, { type: 'error' }>).output.text;
    };
    expect(inNode('docker images')).toMatch(
      /^docker images: not simulated in this node shell \(it runs docker ps, /,
    );
    expect(inNode('sudo crictl inspect abc')).toMatch(/^crictl inspect: not simulated in this node shell/);
    expect(inNode('journalctl -u kubelet')).toMatch(/^journalctl: not simulated in this node shell/);
    expect(inNode('docker frob')).toBe(
      "docker: unknown command: docker frob\n\nRun 'docker --help' for more information",
    );
    expect(inNode('sudo crictl frob')).toBe("No help topic for 'frob'");
    expect(inNode('frobnicate')).toBe('-bash: frobnicate: command not found');
  });
});
