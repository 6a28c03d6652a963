import { checkTypescript } from '../../../src/core/gates/check-typescript.js';
import { bundleOf, file, goodBundle } from './bundle-fixtures.js';

function messagesFor(path: string, content: string): string[] {
  return checkTypescript(bundleOf([file(path, content)])).map((finding) => finding.message);
}

describe('checkTypescript', () => {
  it('passes well-formed TypeScript, TSX, declarations, decorators and JSON', () => {
    expect(checkTypescript(goodBundle())).toEqual([]);
    expect(
      messagesFor('src/view.tsx', 'export const View = ({ name }: { name: string }) => <p>{name}</p>;\n'),
    ).toEqual([]);
    expect(messagesFor('src/types.d.ts', 'export declare function f(x: number): string;\n')).toEqual([]);
    expect(
      messagesFor('src/cli.mts', 'const config = await import("./config.js");\nexport default config;\n'),
    ).toEqual([]);
    expect(
      messagesFor(
        'src/service.ts',
        '@Injectable()\nexport class Service {\n  constructor(@Inject(X) private readonly x: X) {}\n}\n',
      ),
    ).toEqual([]);
  });

  it('reports a syntax error with its line and column', () => {
    const source =
      'export function total(items: number[]): number {\n  return items.reduce((sum, item) => sum + item, 0;\n}\n';
    expect(checkTypescript(bundleOf([file('src/total.ts', source)]))).toEqual([
      {
        gate: 'typescript',
        path: 'src/total.ts',
        message: 'TypeScript syntax error at line 2, column 51: Unexpected token, expected ","',
      },
    ]);
  });

  it('does not accept JSX in a .ts file, only in .tsx', () => {
    expect(messagesFor('src/view.ts', 'export const v = <p>hi</p>;\n')).toEqual([
      expect.stringMatching(/^TypeScript syntax error at line 1/),
    ]);
  });

  it.each(['src/a.cts', 'src/a.MTS', 'src/a.TS'])('checks %s', (path) => {
    expect(messagesFor(path, 'const = 1;\n')).toHaveLength(1);
  });

  it('ignores files that are neither TypeScript nor JSON', () => {
    expect(messagesFor('src/readme.md', 'const = 1;')).toEqual([]);
    expect(messagesFor('infra/t.yaml', '{ not json')).toEqual([]);
  });

  it('reports invalid JSON with line and column', () => {
    expect(messagesFor('package.json', '{\n  "name": "x"\n  "type": "module"\n}\n')).toEqual([
      'JSON does not parse at line 3, column 3: expected "," or "}"',
    ]);
  });

  it('allows comments and trailing commas only where JSON-with-comments is the norm', () => {
    const withComments = '{\n  // note\n  "a": [1, 2,],\n}\n';
    expect(messagesFor('tsconfig.build.json', withComments)).toEqual([]);
    expect(messagesFor('.vscode/settings.json', withComments)).toEqual([]);
    expect(messagesFor('config/app.json', withComments)).toEqual([
      'JSON does not parse at line 2, column 3: expected a property name in double quotes',
    ]);
  });
});
