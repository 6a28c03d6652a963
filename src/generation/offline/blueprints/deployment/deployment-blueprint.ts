import { generatedPackages } from '../../../../core/bundle/generated-packages.js';
import type { ArtifactBundle } from '../../../../core/bundle/artifact-bundle.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import { preTrafficHookRiskNote } from '../../cfn/pre-traffic-hook-part.js';
import { projectFiles } from '../../project/project-files.js';
import { READ_TEMPLATE_DEV_DEPENDENCIES } from '../../project/read-template-file.js';
import { readmeSection } from '../../project/readme-section.js';
import { deploymentAsks } from './deployment-asks.js';
import { deploymentCoverage } from './deployment-coverage.js';
import { deploymentSource } from './deployment-source.js';
import { deploymentShifting, deploymentTemplate } from './deployment-template.js';
import { deploymentTests } from './deployment-tests.js';
import { releaseProbes } from './release-probes.js';

/**
 * A Lambda service behind a `live` alias, released through CodeDeploy with the requested strategy
 * (all-at-once as CodeDeployDefault.LambdaAllAtOnce) and gated by a pre-traffic hook that runs one
 * probe per story against each new version.
 */
export function deploymentBlueprint(input: BlueprintInput): ArtifactBundle {
  const { baseDir, names } = input;
  const asks = deploymentAsks(input);
  const probes = releaseProbes(input.stories, names);
  const shifting = deploymentShifting(input, asks);
  const configName = shifting.configName ?? '';
  const coverage = deploymentCoverage({ input, asks, probes, shifting });
  const templatePath = `${baseDir}/template.yaml`;
  const probeList = probes.map((probe) => `\`${probe.name}\``).join(', ');
  const latency =
    asks.latency === undefined
      ? ''
      : ` A p99 latency alarm (${asks.latency.thresholdMs} ms) rolls a slow release back too.`;
  const readme = readmeSection({
    input,
    overview: `A Lambda service released through CodeDeploy (\`${configName}\`): each deploy publishes a version, a pre-traffic hook invokes it with the release probes ${probeList}, and only if all pass does the \`live\` alias move to it; the alias's error alarm rolls a bad release back.${latency} Callers invoke the alias (output \`ServiceFunctionAliasArn\`).`,
    coverage,
    hasFunctionCode: true,
    alwaysShifts: true,
  });
  return {
    summary: `${names.title}: Lambda service released ${input.strategy ?? 'all-at-once'} through CodeDeploy (${configName}) behind a live alias with a pre-traffic hook, a release probe per user story.`,
    plan: [
      `Add the service function with release probes ${probeList}.`,
      'Add a pre-traffic hook function that probes each new version and reports to CodeDeploy.',
      `Release through CodeDeploy (${configName}): a new version behind the \`live\` alias, rolled back automatically on its alarms${asks.latency === undefined ? '' : ' (errors and p99 latency)'}.`,
      'Test the service, each story probe, the hook, and the release the template declares.',
    ],
    files: [
      { path: templatePath, role: 'template', content: deploymentTemplate(input, shifting) },
      ...deploymentSource({ baseDir, probes, withHook: true }),
      ...deploymentTests({ baseDir, probes, configName, shift: shifting.shift, asks }),
      ...projectFiles({
        baseDir,
        slug: names.slug,
        entryPoints: ['src/handler.ts', 'src/pre-traffic-hook.ts'],
        dependencies: generatedPackages('@aws-sdk/client-codedeploy', '@aws-sdk/client-lambda'),
        devDependencies: READ_TEMPLATE_DEV_DEPENDENCIES,
      }),
      { path: `${baseDir}/README.md`, role: 'doc', content: readme },
    ],
    templatePath,
    riskNotes: [
      'Creates an IAM role for the service function that may only write its own logs.',
      preTrafficHookRiskNote('service'),
      'Creates a CodeDeploy service role with the AWS managed policy AWSCodeDeployRoleForLambda (it may update any alias in the account).',
      'Function versions are retained on stack deletion and replacement so a rollback has something to return to.',
    ],
    coverage,
  };
}
