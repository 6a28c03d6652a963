/** `import { A, B } from '…';` or `import type { A } from '…';` on one line. */
const NAMED_IMPORT = /^import (type )?\{ ([^}]+) \} from ('[^']+');$/;

/**
 * `header`'s named imports cut to the names the rest of the file uses (as whole words: the
 * header's other lines and `body`), so a generated file never imports what it does not call: a
 * service's own lint (`no-unused-vars`) or `noUnusedLocals` would fail on it. Lines that are not
 * one-line named imports are kept as they are; an import left with no name is dropped.
 */
export function keepUsedImports(header: string, body: string): string {
  const lines = header.split('\n');
  const code = [...lines.filter((line) => !NAMED_IMPORT.test(line)), body].join('\n');
  return lines
    .flatMap((line) => {
      const match = NAMED_IMPORT.exec(line);
      if (match === null) return [line];
      const [, typeOnly = '', names = '', from = ''] = match;
      const used = names
        .split(',')
        .map((name) => name.trim())
        .filter((name) => new RegExp(`\\b${name}\\b`).test(code));
      return used.length === 0 ? [] : [`import ${typeOnly}{ ${used.join(', ')} } from ${from};`];
    })
    .join('\n');
}
