import type { ArtifactBundle } from '../../../../core/bundle/artifact-bundle.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import { deploymentConfigName } from '../../cfn/deployment-config-name.js';
import { projectFiles } from '../../project/project-files.js';
import { readmeSection } from '../../project/readme-section.js';
import { releasePlanStep, releaseRiskNotes } from '../../project/release-notes.js';
import { deploymentSource } from './deployment-source.js';
import { deploymentTemplate } from './deployment-template.js';
import { deploymentTests } from './deployment-tests.js';
import { releaseProbes } from './release-probes.js';

/** A Lambda service released by strategy: CodeDeploy traffic shifting behind an alias, gated by a pre-traffic hook that runs one probe per story. */
export function deploymentBlueprint(input: BlueprintInput): ArtifactBundle {
  const { baseDir, names } = input;
  const probes = releaseProbes(input.stories, names);
  const withHook = deploymentConfigName(input.strategy) !== undefined;
  const templatePath = `${baseDir}/template.yaml`;
  const probeList = probes.map((probe) => `\`${probe.name}\``).join(', ');
  const overview = withHook
    ? `A Lambda service released through CodeDeploy: each deploy publishes a version, a pre-traffic hook invokes it with the release probes ${probeList}, and only if all pass does the \`live\` alias shift to it; the alias's error alarm rolls a bad release back.`
    : `A Lambda service updated in place (all-at-once) that answers requests and the release probes ${probeList}; invoke it with \`{"probe": "<name>"}\` after a deploy to verify it.`;
  const readme = readmeSection({
    input,
    overview,
    storyOutcomes: probes
      .slice(0, input.stories.length)
      .map(({ name, intent }) => `release probe \`${name}\`, tested by \`${intent.testTitle}\``),
    hasFunctionCode: true,
  });
  const entryPoints = withHook ? ['src/handler.ts', 'src/pre-traffic-hook.ts'] : ['src/handler.ts'];
  return {
    summary: `${names.title}: Lambda service released ${input.strategy ?? 'all-at-once'}${withHook ? ' through CodeDeploy with a pre-traffic hook' : ''}, with a release probe per user story.`,
    plan: [
      `Add the service function with release probes ${probeList}.`,
      ...(withHook
        ? ['Add a pre-traffic hook function that probes each new version and reports to CodeDeploy.']
        : []),
      releasePlanStep(input),
      'Cover the service, each story probe' + (withHook ? ' and the hook' : '') + ' with jest tests.',
    ],
    files: [
      { path: templatePath, role: 'template', content: deploymentTemplate(input, withHook) },
      ...deploymentSource({ baseDir, probes, withHook }),
      ...deploymentTests({ baseDir, probes, withHook }),
      ...projectFiles({
        baseDir,
        slug: names.slug,
        entryPoints,
        ...(withHook
          ? {
              dependencies: {
                '@aws-sdk/client-codedeploy': '^3.600.0',
                '@aws-sdk/client-lambda': '^3.600.0',
              },
            }
          : {}),
      }),
      { path: `${baseDir}/README.md`, role: 'doc', content: readme },
    ],
    templatePath,
    riskNotes: [
      'Creates an IAM role for the service function that may only write its own logs.',
      ...(withHook
        ? [
            'Creates an IAM role for the pre-traffic hook: invoke versions of the service function and report hook status to this CodeDeploy application.',
          ]
        : []),
      ...releaseRiskNotes(input),
    ],
  };
}
