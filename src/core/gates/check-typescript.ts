import { parse } from '@babel/parser';
import type { ParserPlugin } from '@babel/parser';
import type { ArtifactBundle, GeneratedFile } from '../bundle/artifact-bundle.js';
import { parseStructuredText } from '../untrusted/parse-structured-text.js';
import type { GateFinding } from './gate-report.js';
import { stripJsonComments } from './strip-json-comments.js';

/**
 * Every TypeScript file (`.ts`, `.tsx`, `.mts`, `.cts`) must parse, and every JSON file must be
 * valid JSON. Syntax only: types are the generated project's own `tsc`'s business.
 */
export function checkTypescript(bundle: ArtifactBundle): GateFinding[] {
  return bundle.files.flatMap((file): GateFinding[] => {
    const problem = isTypeScript(file.path)
      ? typescriptProblem(file)
      : isJson(file.path)
        ? jsonProblem(file)
        : undefined;
    return problem === undefined ? [] : [{ gate: 'typescript', path: file.path, message: problem }];
  });
}

function isTypeScript(path: string): boolean {
  return /\.(ts|tsx|mts|cts)$/i.test(path);
}

function isJson(path: string): boolean {
  return /\.jsonc?$/i.test(path);
}

function typescriptProblem(file: GeneratedFile): string | undefined {
  const isTsx = /\.tsx$/i.test(file.path);
  const isDeclaration = /\.d\.[mc]?ts$/i.test(file.path);
  const plugins: ParserPlugin[] = [
    isDeclaration ? ['typescript', { dts: true }] : 'typescript',
    // TypeScript itself accepts decorators, so code using them is not a syntax error.
    'decorators-legacy',
  ];
  if (isTsx) plugins.push('jsx');
  try {
    parse(file.content, { sourceType: 'module', plugins, errorRecovery: false });
    return undefined;
  } catch (error) {
    return describeSyntaxError(error);
  }
}

function describeSyntaxError(error: unknown): string {
  const message = error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, '') : String(error);
  const loc: unknown = typeof error === 'object' && error !== null && 'loc' in error ? error.loc : undefined;
  if (typeof loc !== 'object' || loc === null || !('line' in loc) || !('column' in loc)) {
    return `TypeScript syntax error: ${message}`;
  }
  // Babel counts columns from 0; editors and the JSON check count from 1.
  return `TypeScript syntax error at line ${String(loc.line)}, column ${Number(loc.column) + 1}: ${message}`;
}

/** tsconfig, jsconfig, VS Code settings and `.jsonc` are JSON with comments and trailing commas. */
function allowsComments(path: string): boolean {
  return (
    /(^|\/)(tsconfig|jsconfig)[^/]*\.json$/i.test(path) ||
    /(^|\/)\.vscode\//i.test(path) ||
    /\.jsonc$/i.test(path)
  );
}

function jsonProblem(file: GeneratedFile): string | undefined {
  const text = allowsComments(file.path) ? stripJsonComments(file.content) : file.content;
  // Size is the limits gate's job; only nesting and value count bound this parse.
  const parsed = parseStructuredText({
    text,
    format: 'json',
    maxLength: Number.POSITIVE_INFINITY,
    maxDepth: 64,
    maxValues: 200_000,
  });
  if (parsed.ok) return undefined;
  return `JSON ${parsed.message.replace(/^is not valid JSON/, 'does not parse')}`;
}
