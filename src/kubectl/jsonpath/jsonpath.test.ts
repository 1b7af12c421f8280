import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { execute } from './evaluate';
import { goJson, goSyntax, goValue } from './goFormat';
import { JsonPathError, parseTemplate } from './parse';
import { templatePrinter } from './printers';

const pod = {
  kind: 'Pod',
  metadata: { name: 'web-1', labels: { app: 'web', 'kubernetes.io/os': 'linux' } },
  spec: {
    containers: [
      { name: 'a', image: 'nginx:1.27', ports: [{ containerPort: 80 }] },
      { name: 'b', image: 'busybox' },
      { name: 'c', image: 'redis:7' },
    ],
  },
  status: {
    conditions: [
      { type: 'Ready', status: 'True' },
      { type: 'PodScheduled', status: 'True' },
    ],
    restarts: 3,
    ratio: 0.5,
    ok: true,
  },
};

const run = (template: string, data: unknown = pod) => execute(parseTemplate(template), data);

describe('kubectl JSONPath', () => {
  test.each([
    ['{.metadata.name}', 'web-1'],
    ['name: {.metadata.name}!', 'name: web-1!'],
    ["{['metadata']['name']}", 'web-1'],
    ["{['metadata.name']}", 'web-1'],
    // kubectl reads a bracketed key as a dotted path, so a dot in the key must be escaped instead.
    ["{.metadata.labels['kubernetes.io/os']}", ''],
    ['{.metadata.labels.kubernetes\\.io/os}', 'linux'],
    ['{.spec.containers[*].name}', 'a b c'],
    ['{.spec.containers[0].image}', 'nginx:1.27'],
    ['{.spec.containers[-1].name}', 'c'],
    ['{.spec.containers[-2:].name}', 'b c'],
    ['{.spec.containers[0:3:2].name}', 'a c'],
    ['{.spec.containers[0,2].name}', 'a c'],
    ['{.spec.containers[1:1].name}', ''],
    ['{..containerPort}', '80'],
    ['{.metadata.labels.*}', 'web linux'],
    ['{.status.conditions[?(@.type=="Ready")].status}', 'True'],
    ["{.status.conditions[?(@.type!='Ready')].type}", 'PodScheduled'],
    ['{.spec.containers[?(@.ports)].name}', 'a'],
    ['{.spec.containers[?(@.image=~"^n")].name}', 'a'],
    ['{.status.restarts} {.status.ratio} {.status.ok}', '3 0.5 true'],
    ['{.spec.containers[0].ports}', '[{"containerPort":80}]'],
    ['{.metadata.labels}', '{"app":"web","kubernetes.io/os":"linux"}'],
    ['{.no.such.key}', ''],
    ['{range .spec.containers[*]}{.name}={.image}{"\\n"}{end}', 'a=nginx:1.27\nb=busybox\nc=redis:7\n'],
    ['{range .spec.containers[*]}[{range .ports[*]}{.containerPort}{end}]{end}', '[80][][]'],
    ['{"a\\tb"}', 'a\tb'],
    ['.metadata.name', '.metadata.name'],
  ])('%s', (template, expected) => {
    expect(run(template)).toBe(expected);
  });

  test.each([
    ['{.metadata.name', 'unclosed action'],
    ['{.spec.containers[*}', 'unterminated array'],
    ['{.spec.containers[x]}', 'invalid array index x'],
    ['{.status.conditions[?(@.type=="Ready"}', 'unterminated filter'],
    ['{"abc}', 'unterminated quoted string'],
    ['{....name}', 'invalid multiple recursive descent'],
    ['{nope}', 'unrecognized identifier nope'],
  ])('parse error: %s', (template, message) => {
    expect(() => parseTemplate(template)).toThrow(new JsonPathError(message));
  });

  test.each([
    ['{.spec.containers[5]}', 'array index out of bounds: index 5, length 3'],
    ['{.spec.containers[0:2:0]}', 'step must be > 0'],
    ['{.metadata[0]}', 'map[string]interface {} is not array or slice'],
    ['{.status.conditions[?(@.type>3)]}', 'incompatible types for comparison'],
    ['{end}', 'not in range, nothing to end'],
    [
      '{.spec.containers[?(@.name=~"(a+)+$")]}',
      'this simulated kubectl does not run nested repetitions such as (a+)+$',
    ],
  ])('execution error: %s', (template, message) => {
    expect(() => run(template)).toThrow(new JsonPathError(message));
  });

  test('Go formats: %v, %#v and json.Marshal sort map keys', () => {
    const v = { b: [1, 'x', null], a: { c: true, d: 2.5 } };
    expect(goValue(v)).toBe('map[a:map[c:true d:2.5] b:[1 x <nil>]]');
    expect(goSyntax(v)).toBe(
      'map[string]interface {}{"a":map[string]interface {}{"c":true, "d":2.5}, "b":[]interface {}{1, "x", interface {}(nil)}}',
    );
    expect(goJson({ z: '<a&b>', a: 1 })).toBe('{"a":1,"z":"\\u003ca\\u0026b\\u003e"}');
  });

  test('custom-columns: a header per column, cells joined by commas, <none> when empty', () => {
    const printer = templatePrinter(
      'custom-columns=NAME:metadata.name,IMAGES:{.spec.containers[*].image},X:.nope',
    );
    expect(typeof printer).toBe('object');
    const { text } = (printer as Exclude<typeof printer, string | null>).print([pod], false);
    expect(text).toBe('NAME    IMAGES                       X\nweb-1   nginx:1.27,busybox,redis:7   <none>');
    expect(templatePrinter('custom-columns=NAME:{.a}}')).toMatch(/^error: unexpected path string/);
    expect(templatePrinter('yaml')).toBeNull();
  });

  test('any template either parses and runs, or fails with a JsonPathError (never anything else)', () => {
    const piece = fc.constantFrom(
      '{',
      '}',
      '.',
      '..',
      '[',
      ']',
      '*',
      '?(',
      ')',
      '@',
      '$',
      '"',
      "'",
      '\\',
      ',',
      ':',
      '-1',
      '0',
      '2',
      'range',
      'end',
      'metadata',
      'name',
      'spec',
      'containers',
      '==',
      '!=',
      '<',
      '=~',
      ' ',
      '\n',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
        const template = pieces.join('');
        try {
          expect(typeof run(template)).toBe('string');
        } catch (e) {
          if (!(e instanceof JsonPathError)) throw e;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
