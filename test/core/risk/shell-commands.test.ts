import { describe, expect, it } from '@jest/globals';
import { shellCommands } from '../../../src/core/risk/shell-commands.js';

const texts = (script: string) => shellCommands(script).map((words) => words.map((word) => word.text));
const expanding = (script: string) =>
  shellCommands(script).flatMap((words) => words.filter((word) => word.expands).map((word) => word.raw));

describe('shellCommands', () => {
  it('splits commands at operators and reads quotes and escapes as sh does', () => {
    expect(texts(`a 'b c' "d\\"e" f\\ g && h || i; j | k & l\n(m)`)).toEqual([
      ['a', 'b c', 'd"e', 'f g'],
      ['h'],
      ['i'],
      ['j'],
      ['k'],
      ['l'],
      ['m'],
    ]);
  });

  it('keeps operators inside quotes and substitutions, and drops comments and line continuations', () => {
    expect(texts(`sh -c 'a && b' x$(c && d)y # e && f\ng \\\nh`)).toEqual([
      ['sh', '-c', 'a && b', 'x$(c && d)y'],
      ['g', 'h'],
    ]);
  });

  it('marks words the shell expands: parameters, substitutions, backticks and unquoted globs', () => {
    expect(expanding(`a $X "\${Y}" \`z\` $(w) p/* '$q' "*" \\$r`)).toEqual([
      '$X',
      '"${Y}"',
      '`z`',
      '$(w)',
      'p/*',
    ]);
  });

  it('never throws on unterminated quotes and substitutions', () => {
    for (const script of [`'a`, `"a`, '`a', '$(a', '${a', 'a\\'])
      expect(() => shellCommands(script)).not.toThrow();
    expect(texts(`tsc -p 'x`)).toEqual([['tsc', '-p', 'x']]);
  });
});
