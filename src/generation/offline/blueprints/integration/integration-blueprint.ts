import type { ArtifactBundle } from '../../../../core/bundle/artifact-bundle.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import { projectFiles } from '../../project/project-files.js';
import { readmeSection } from '../../project/readme-section.js';
import { releasePlanStep, releaseRiskNotes } from '../../project/release-notes.js';
import { integrationSource } from './integration-source.js';
import { integrationTemplate, MAX_RECEIVE_COUNT } from './integration-template.js';
import { integrationTests } from './integration-tests.js';
import { distinctMessageTypes, storyMessages } from './message-types.js';

/** An SQS queue with a dead-letter queue and a Lambda consumer that processes each message once. */
export function integrationBlueprint(input: BlueprintInput): ArtifactBundle {
  const { baseDir, names } = input;
  const messages = storyMessages(input.stories, names);
  const types = distinctMessageTypes(messages)
    .map((type) => `\`${type}\``)
    .join(', ');
  const templatePath = `${baseDir}/template.yaml`;
  const readme = readmeSection({
    input,
    overview: `An SQS consumer: producers send \`{ "id", "type", "payload" }\` messages (types ${types}) to the queue; the Lambda consumer claims each \`id\` in a DynamoDB table before processing, so redeliveries are skipped, and reports failures per message so only those are retried — after ${MAX_RECEIVE_COUNT} receives they move to the dead-letter queue, which raises an alarm.`,
    storyOutcomes: messages
      .slice(0, input.stories.length)
      .map(
        ({ messageType, intent }) =>
          `message type \`${messageType}\`, checked by test \`${intent.testTitle}\``,
      ),
    hasFunctionCode: true,
  });
  return {
    summary: `${names.title}: SQS queue, dead-letter queue and idempotent Lambda consumer for ${types}, with tests for each user story.`,
    plan: [
      `Create the queue and a dead-letter queue (SSE, redrive after ${MAX_RECEIVE_COUNT} receives) and an alarm on dead letters.`,
      'Create a DynamoDB table of processed message keys (TTL, encrypted, retained) used as idempotency claims.',
      `Add a Lambda consumer with partial batch failure reporting and handlers for ${types}.`,
      releasePlanStep(input),
      'Cover duplicates, retries, poison messages and each user story with jest tests against an in-memory store.',
    ],
    files: [
      { path: templatePath, role: 'template', content: integrationTemplate(input) },
      ...integrationSource(baseDir, messages),
      ...integrationTests(baseDir, messages),
      ...projectFiles({
        baseDir,
        slug: names.slug,
        entryPoints: ['src/handler.ts'],
        dependencies: { '@aws-sdk/client-dynamodb': '^3.600.0', '@aws-sdk/lib-dynamodb': '^3.600.0' },
      }),
      { path: `${baseDir}/README.md`, role: 'doc', content: readme },
    ],
    templatePath,
    riskNotes: [
      'Creates an IAM role for the consumer, scoped to its queue, its idempotency table and its own log group.',
      'Data stores: the dead-letter queue (messages kept 14 days) and the processed-messages table are retained when the stack is deleted.',
      'Message payloads are written to the processed-messages table; keep personal data out of payloads or shorten the TTL.',
      ...releaseRiskNotes(input),
    ],
  };
}
