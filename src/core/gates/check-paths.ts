import type { ArtifactBundle } from '../bundle/artifact-bundle.js';
import type { GateFinding, GatePolicy } from './gate-report.js';
import { pathProblems } from './path-problems.js';

/**
 * Path rules for every file in a bundle: each path on its own, plus collisions between paths — the
 * same path twice, two paths that differ only by case or Unicode normalisation (one file on macOS and
 * Windows), and a path that is both a file and a directory (git cannot hold both).
 */
export function checkPaths(bundle: ArtifactBundle, policy: GatePolicy): GateFinding[] {
  const findings: GateFinding[] = [];
  const add = (path: string, message: string): void => void findings.push({ gate: 'paths', path, message });

  const seen = new Map<string, string>();
  for (const { path } of bundle.files) {
    for (const problem of pathProblems(path, policy)) add(path, problem);
    const key = collisionKey(path);
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, path);
    else if (earlier === path) add(path, 'appears more than once in the bundle');
    else add(path, `collides with "${earlier}" on case-insensitive file systems`);
  }
  for (const [key, path] of seen) {
    const inside = [...seen.keys()].find((other) => other.startsWith(`${key}/`));
    if (inside !== undefined)
      add(path, `is a file but also used as a directory by "${seen.get(inside) ?? inside}"`);
  }
  const { templatePath } = bundle;
  if (templatePath !== undefined && !bundle.files.some((file) => file.path === templatePath)) {
    add(templatePath, 'is named as the template but is not one of the files');
  }
  return findings;
}

function collisionKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}
