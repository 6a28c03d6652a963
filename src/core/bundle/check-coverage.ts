import { parseTemplate } from '../cfn/parse-template.js';
import { isPlainObject } from '../cfn/is-plain-object.js';
import type { ArtifactBundle } from './artifact-bundle.js';
import type { CoverageStatus, RequirementCoverage, TestEvidence } from './requirement-coverage.js';

/**
 * The bundle's coverage claims, checked against the bundle itself: a test counts only when its file
 * is among the generated tests and declares a test with that exact title; a resource only when the
 * template declares it. A claim without its evidence is demoted and the missing piece named, and a
 * story or description row claimed covered with no test is at most partial. So what a PR says is
 * met is computed from what was generated, never taken on trust.
 */
export function checkCoverage(bundle: ArtifactBundle): RequirementCoverage[] {
  const resources = templateResourceIds(bundle);
  return (bundle.coverage ?? []).map((row) => {
    if (row.status === 'not_covered') return row;
    const missing = [
      ...row.tests.filter((test) => !declaresTest(bundle, test)).map(describeMissingTest),
      ...row.resources
        .filter((id) => !resources.has(id))
        .map((id) => `claimed resource ${id} is not in the template`),
    ];
    const untested = row.source.kind !== 'setting' && row.tests.length === 0;
    if (missing.length === 0 && !untested) return row;
    const evidence = row.tests.length + row.resources.length;
    const status: CoverageStatus =
      evidence > 0 && missing.length === evidence ? 'not_covered' : demote(row.status);
    return {
      ...row,
      status,
      gaps: [...row.gaps, ...missing, ...(untested ? ['no generated test proves it'] : [])],
    };
  });
}

function demote(status: CoverageStatus): CoverageStatus {
  return status === 'covered' ? 'partial' : status;
}

function describeMissingTest(test: TestEvidence): string {
  return `claimed test "${test.title}" is not in ${test.path}`;
}

function declaresTest(bundle: ArtifactBundle, test: TestEvidence): boolean {
  const file = bundle.files.find((candidate) => candidate.path === test.path && candidate.role === 'test');
  if (file === undefined) return false;
  return ["'", '"', '`'].some((quote) =>
    ['it(', 'test('].some((call) => file.content.includes(`${call}${quote}${test.title}${quote}`)),
  );
}

function templateResourceIds(bundle: ArtifactBundle): ReadonlySet<string> {
  const file = bundle.files.find((candidate) => candidate.path === bundle.templatePath);
  if (file === undefined) return new Set();
  const parsed = parseTemplate(file.content);
  if (!parsed.ok || !isPlainObject(parsed.template)) return new Set();
  const resources = parsed.template['Resources'];
  return new Set(isPlainObject(resources) ? Object.keys(resources) : []);
}
