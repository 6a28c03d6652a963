import type { ArtifactBundle } from '../bundle/artifact-bundle.js';
import type { GateFinding, GatePolicy } from './gate-report.js';
import { pathCollisions } from './path-collisions.js';
import { pathProblems } from './path-problems.js';

/**
 * Path rules for every file in a bundle: each path on its own ({@link pathProblems}), then the paths
 * that cannot live side by side ({@link pathCollisions}), then the template path. Linear in the number
 * and length of the paths.
 */
export function checkPaths(bundle: ArtifactBundle, policy: GatePolicy): GateFinding[] {
  const findings: GateFinding[] = [];
  const add = (path: string, message: string): void => void findings.push({ gate: 'paths', path, message });
  const paths = bundle.files.map((file) => file.path);
  for (const path of paths) for (const problem of pathProblems(path, policy)) add(path, problem);
  for (const { path, message } of pathCollisions(paths)) add(path, message);
  const { templatePath } = bundle;
  if (templatePath !== undefined && !paths.includes(templatePath)) {
    add(templatePath, 'is named as the template but is not one of the files');
  }
  return findings;
}
