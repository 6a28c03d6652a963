import type { ArtifactBundle, GeneratedFile } from '../../../core/bundle/artifact-bundle.js';
import type { BlueprintInput } from '../blueprint-input.js';
import { acceptanceTests } from './acceptance-tests.js';
import { acceptanceTestPath, specificationPath } from './manual-paths.js';
import { scaffoldFiles } from './scaffold-files.js';
import { specificationDoc } from './specification-doc.js';

/**
 * Manual mode's bundle (DESIGN §4) from the bundle the blueprint makes in the other modes: the
 * specification (`docs/implementation/<slug>.md`), acceptance tests that are pending until a human
 * implements them, and scaffolding (the blueprint's package.json, tsconfig and .gitignore, a
 * template skeleton, a handler stub answering 501), but none of the implementation: no source,
 * no real template, no tests that import code that is not there. Every requirement is reported
 * `not_covered`, since nothing implements it yet.
 */
export function manualBundle(params: {
  readonly input: BlueprintInput;
  readonly full: ArtifactBundle;
}): ArtifactBundle {
  const { input, full } = params;
  const specification = specificationPath(input.names.slug);
  const testsPath = acceptanceTestPath(input.baseDir);
  const scaffold = scaffoldFiles({ baseDir: input.baseDir, title: input.names.title, specification });
  const projectFiles = full.files.filter((file) => file.role === 'config');
  const coverage = full.coverage ?? [];
  const tests: GeneratedFile = {
    path: testsPath,
    role: 'test',
    content: acceptanceTests({ coverage, specification }),
  };
  const scaffolding = [...projectFiles, ...scaffold.files, tests].map((file) => file.path);
  const doc: GeneratedFile = {
    path: specification,
    role: 'doc',
    content: specificationDoc({ input, full, acceptanceTests: testsPath, scaffolding }),
  };
  return {
    summary: `${input.names.title} (manual mode): specification, ${coverage.length} requirement${coverage.length === 1 ? '' : 's'} with pending acceptance tests, and scaffolding; a human writes the implementation.`,
    plan: [
      `Read the specification in \`${specification}\`.`,
      `Implement it under \`${input.baseDir}\`: replace the template placeholder and the handler stub.`,
      `Turn each pending test in \`${testsPath}\` into a real one and make it pass.`,
      'Push to this branch: the agent validates every push and reviews it.',
    ],
    files: [doc, tests, ...scaffold.files, ...projectFiles],
    templatePath: scaffold.templatePath,
    riskNotes: [
      'Manual mode: nothing here is implemented yet; the risks of the finished change are listed in the specification.',
    ],
    coverage: coverage.map((row) => ({
      source: row.source,
      text: row.text,
      status: 'not_covered',
      tests: [],
      resources: [],
      gaps: ['to be implemented by hand (manual mode); its acceptance tests are pending'],
    })),
  };
}
