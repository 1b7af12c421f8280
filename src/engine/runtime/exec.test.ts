import { describe, expect, it } from 'vitest';
import { execDurationMs, execInContainer } from './exec';

/** The Kubernetes docs' liveness example's process. */
const DOCS = ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'];

describe('execInContainer: a command in a running container', () => {
  it('sees the files its process made and removed by then', () => {
    const image = 'registry.k8s.io/busybox:1.27.2';
    expect(execInContainer(image, DOCS, ['cat', '/tmp/healthy'], 10_000)).toEqual({
      exitCode: 0,
      output: '',
    });
    expect(execInContainer(image, DOCS, ['cat', '/tmp/healthy'], 30_000)).toEqual({
      exitCode: 1,
      output: "cat: can't open '/tmp/healthy': No such file or directory\n",
    });
  });

  it('words errors as GNU coreutils does in Debian-based images', () => {
    expect(execInContainer('nginx:1.27', [], ['cat', '/tmp/ready'], 0)).toEqual({
      exitCode: 1,
      output: 'cat: /tmp/ready: No such file or directory\n',
    });
    expect(execInContainer('nginx:1.27', [], ['ls', '/tmp/ready'], 0).output).toBe(
      "ls: cannot access '/tmp/ready': No such file or directory\n",
    );
  });

  it('finds system files, runs test, true, false and exit, and unwraps sh -c', () => {
    expect(execInContainer('busybox', [], ['cat', '/etc/hostname'], 0).exitCode).toBe(0);
    expect(execInContainer('busybox', [], ['test', '-f', '/tmp/x'], 0).exitCode).toBe(1);
    expect(execInContainer('busybox', [], ['[', '-e', '/etc/passwd', ']'], 0).exitCode).toBe(0);
    expect(execInContainer('busybox', [], ['false'], 0).exitCode).toBe(1);
    expect(execInContainer('busybox', [], ['/bin/false'], 0).exitCode).toBe(1);
    expect(execInContainer('busybox', [], ['/bin/cat', '/tmp/ready'], 0).exitCode).toBe(1);
    expect(execInContainer('busybox', [], ['sh', '-c', 'exit 3'], 0).exitCode).toBe(3);
    expect(
      execInContainer(
        'busybox',
        ['sh', '-c', 'echo ok > /tmp/ok; sleep 3600'],
        ['sh', '-c', 'cat /tmp/ok'],
        5,
      ).exitCode,
    ).toBe(0);
  });

  it('fails to start a program the image does not have: curl in busybox', () => {
    expect(
      execInContainer('busybox:1.36', ['sleep', '3600'], ['curl', '-f', 'http://localhost/'], 0),
    ).toEqual({
      exitCode: 126,
      output:
        'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown\n',
    });
  });

  it('lets a check it cannot read pass (an app’s own client, while the app runs)', () => {
    expect(execInContainer('redis:7', [], ['redis-cli', 'ping'], 0)).toEqual({ exitCode: 0, output: '' });
  });

  it('takes as long as the command’s sleeps; a loop or sleep infinity never ends', () => {
    expect(execDurationMs(['cat', '/tmp/healthy'])).toBe(0);
    expect(execDurationMs(['sleep', '5'])).toBe(5_000);
    expect(execDurationMs(['/bin/sh', '-c', 'sleep 0.5; cat /tmp/x; sleep 2s'])).toBe(2_500);
    expect(execDurationMs(['sh', '-c', 'sleep 1m'])).toBe(60_000);
    expect(execDurationMs(['sleep', 'infinity'])).toBe(Infinity);
    expect(execDurationMs(['sh', '-c', 'while true; do sleep 1; done'])).toBe(Infinity);
    // Not a number: busybox refuses it at once.
    expect(execDurationMs(['sleep', 'soon'])).toBe(0);
  });
});
