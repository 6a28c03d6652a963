import { locateJsonError } from '../../../src/core/untrusted/locate-json-error.js';
import { parseStructuredText } from '../../../src/core/untrusted/parse-structured-text.js';

describe('parseStructuredText', () => {
  it('reads JSON and YAML', () => {
    expect(parseStructuredText({ text: '{"a": [1, true, null, "x"]}' })).toEqual({
      ok: true,
      value: { a: [1, true, null, 'x'] },
    });
    expect(parseStructuredText({ text: 'a:\n  - 1\n  - x' })).toEqual({ ok: true, value: { a: [1, 'x'] } });
  });

  it.each([
    ['{\n  "task_type": application\n}', 2, 16, 'expected a value'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'expected "," or "}"'],
    ['{"a": 1,}', 1, 9, 'trailing comma'],
    ["{'a': 1}", 1, 2, 'property name in double quotes'],
    ['{"a": "line\nbreak"}', 1, 12, 'inside a string'],
    ['{"a": [1, 2}', 1, 12, 'expected "," or "]"'],
    ['{"a": 1', 1, 8, 'unexpected end of input'],
    ['{"a": 1} trailing', 1, 10, 'after the end of the JSON value'],
  ])('locates malformed JSON %j at line %i, column %i', (text, line, column, reason) => {
    const result = parseStructuredText({ text, format: 'json' });
    expect(result).toMatchObject({ ok: false, line, column });
    expect(result.ok ? '' : result.message).toContain(`line ${line}, column ${column}: `);
    expect(result.ok ? '' : result.message).toContain(reason);
  });

  it('finds no error in JSON that JSON.parse accepts', () => {
    const valid = '{"s": "a\\u00e9\\n\\"", "n": -1.5e3, "l": [[], {}], "t": true, "f": false, "z": null}';
    expect(JSON.parse(valid)).toBeDefined();
    expect(locateJsonError(valid)).toBeUndefined();
  });

  it('locates malformed YAML', () => {
    const result = parseStructuredText({
      text: 'execution_request:\n  task_type: [application\n  task_name: x',
      format: 'yaml',
    });
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(result.ok ? '' : result.message).toMatch(/^is not valid YAML at line \d+, column \d+: /);
  });

  it('refuses YAML whose aliases would expand without bound', () => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const bomb = keys
      .map((key, index) => {
        const items = index === 0 ? 'x' : `*${keys[index - 1] ?? ''}`;
        return `${key}: &${key} [${Array.from({ length: 9 }, () => items).join(', ')}]`;
      })
      .join('\n');
    const result = parseStructuredText({ text: bomb, format: 'yaml' });
    expect(result.ok ? '' : result.message).toMatch(/alias/i);
  });

  it.each([
    ['a: 1\nb: 2\na: 3', 3, 1],
    ['x:\n  b: 1\n  c: 2\n  b: 3', 4, 3],
    ['{a: 1, a: 2}', 1, 8],
    // One property name once read: the second would silently replace the first.
    ['1: a\n"1": b', 2, 1],
    ['true: a\n"true": b', 2, 1],
    ['? [a]\n: 1\n? [a]\n: 2', 3, 3],
  ])('refuses the repeated key in YAML %j at line %i, column %i', (text, line, column) => {
    expect(parseStructuredText({ text, format: 'yaml' })).toEqual({
      ok: false,
      message: `is not valid YAML at line ${line}, column ${column}: Map keys must be unique`,
      line,
      column,
    });
  });

  it('keeps equal keys in different mappings, and reads a mapping of thousands of keys', () => {
    expect(parseStructuredText({ text: '- a: 1\n- a: 2', format: 'yaml' })).toEqual({
      ok: true,
      value: [{ a: 1 }, { a: 2 }],
    });
    const keys = Array.from({ length: 4_000 }, (_, index) => `k${index}: 1`).join('\n');
    const result = parseStructuredText({ text: keys, format: 'yaml' });
    expect(result.ok && Object.keys(result.value as object)).toHaveLength(4_000);
  });
});
