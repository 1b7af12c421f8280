import { describe, expect, it } from 'vitest';
import { heredocMarker, parseHeredoc, shownHeredoc } from './heredoc';

describe('here-documents typed or pasted in the terminal', () => {
  it('finds the marker a line ends with', () => {
    expect(heredocMarker('kubectl apply -f - <<EOF')).toBe('EOF');
    expect(heredocMarker("kubectl apply -f - <<'END'")).toBe('END');
    expect(heredocMarker('cat <<-EOF')).toBe('EOF');
    expect(heredocMarker('kubectl get pods')).toBeNull();
    expect(heredocMarker('echo "a << b"')).toBeNull();
  });

  it('splits a pasted block into the command and its stdin, and knows when it is complete', () => {
    const text = 'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nEOF';
    expect(parseHeredoc(text)).toEqual({
      command: 'kubectl apply -f -',
      stdin: 'apiVersion: v1\nkind: Pod\n',
      complete: true,
    });
    expect(parseHeredoc('kubectl apply -f - <<EOF\napiVersion: v1')?.complete).toBe(false);
    expect(parseHeredoc('kubectl apply -f - <<-EOF\n\tkind: Pod\n\tEOF')).toMatchObject({
      stdin: 'kind: Pod\n',
      complete: true,
    });
    expect(parseHeredoc('kubectl get pods')).toBeNull();
  });

  it('shows the document as bash echoes it', () => {
    expect(shownHeredoc('kubectl apply -f - <<EOF\nkind: Pod\nEOF')).toBe(
      'kubectl apply -f - <<EOF\n> kind: Pod\n> EOF',
    );
  });
});
