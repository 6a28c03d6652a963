import type { GatePolicy } from './gate-report.js';
import { githubPathProblem } from './github-path-problem.js';
import { isUnder } from './is-under.js';
import { pathNameProblem } from './path-name-problem.js';

/**
 * Why one path may not be written, judged on its own (collisions need the whole bundle; see
 * check-paths): the first problem with the name itself ({@link pathNameProblem}) and nothing more, since
 * no other rule can be matched safely against a bad name; otherwise each policy rule it breaks —
 * `.github/` protection ({@link githubPathProblem}) and `paths.allowed`. All matching is on the NFC form.
 */
export function pathProblems(path: string, policy: GatePolicy): string[] {
  const nameProblem = pathNameProblem(path);
  if (nameProblem !== undefined) return [nameProblem];
  const normal = path.normalize('NFC');
  const problems: string[] = [];
  const github = githubPathProblem({ path: normal, allowed: policy.allowedGithubPaths });
  if (github !== undefined) problems.push(github);
  const { allowedPaths } = policy;
  if (allowedPaths.length > 0 && !allowedPaths.some((allowed) => isUnder(normal, allowed.normalize('NFC')))) {
    problems.push(`is outside the allowed paths (${allowedPaths.join(', ')})`);
  }
  return problems;
}
