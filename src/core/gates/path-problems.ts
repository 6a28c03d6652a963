import type { GatePolicy } from './gate-report.js';

/** Why one path may not be written, judged on its own (duplicates need the whole bundle; see check-paths). */
export function pathProblems(path: string, policy: GatePolicy): string[] {
  const shapeProblem = pathShapeProblem(path);
  if (shapeProblem !== undefined) return [shapeProblem];
  const problems: string[] = [];
  const segments = path.split('/');
  if (segments.some((segment) => segment.toLowerCase() === '.git')) {
    problems.push('must not write inside a .git directory');
  }
  if (isWorkflowFile(path) && !policy.allowWorkflowFiles) {
    problems.push(
      'workflow files under .github/workflows/ are not allowed (set paths.allow_workflow_files in the config to permit them)',
    );
  }
  if (policy.allowedPaths.length > 0 && !policy.allowedPaths.some((allowed) => isUnder(path, allowed))) {
    problems.push(`is outside the allowed paths (${policy.allowedPaths.join(', ')})`);
  }
  return problems;
}

function pathShapeProblem(path: string): string | undefined {
  if (path === '') return 'path is empty';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'contains control characters';
  if (path.includes('\\')) return 'contains a backslash; use "/" as the separator';
  if (path.startsWith('/')) return 'is absolute; paths must be relative to the repository root';
  if (/^[A-Za-z]:/.test(path))
    return 'starts with a drive letter; paths must be relative to the repository root';
  const segments = path.split('/');
  if (segments.includes('..')) return 'contains a ".." segment';
  if (segments.includes('.')) return 'contains a "." segment';
  if (segments.includes('')) return 'contains an empty segment (a doubled or trailing "/")';
  const long = segments.find((segment) => Buffer.byteLength(segment, 'utf8') > 255);
  if (long !== undefined) return `has a name longer than 255 bytes ("${long.slice(0, 40)}…")`;
  return undefined;
}

/** GitHub only runs workflows from the root `.github/workflows`; case-folded for case-insensitive checkouts. */
function isWorkflowFile(path: string): boolean {
  return path.toLowerCase().startsWith('.github/workflows/');
}

/** `src`, `src/` and `src/**` all mean "the src directory and everything in it"; an exact file path matches itself. */
function isUnder(path: string, allowed: string): boolean {
  const prefix = allowed
    .replace(/^\.\//, '')
    .replace(/\/\*\*$/, '')
    .replace(/\/+$/, '');
  if (prefix === '' || prefix === '**' || prefix === '.') return true;
  return path === prefix || path.startsWith(`${prefix}/`);
}
