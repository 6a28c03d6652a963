import { generatedPackages } from '../../../../core/bundle/generated-packages.js';
import { tableActions } from './table-actions.js';
import type { ArtifactBundle } from '../../../../core/bundle/artifact-bundle.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import { trafficShiftingPart } from '../../cfn/traffic-shifting-part.js';
import { logRetentionDefault } from '../../cfn/log-retention-asked.js';
import { projectFiles } from '../../project/project-files.js';
import { readmeSection } from '../../project/readme-section.js';
import { releasePlanStep, releaseRiskNotes } from '../../project/release-notes.js';
import { applicationCoverage } from './application-coverage.js';
import { applicationSource, publishesEvents } from './application-source.js';
import { applicationTemplate } from './application-template.js';
import { lifecycleSteps } from './application-test-titles.js';
import { applicationTests } from './application-tests.js';
import { describeModel } from './describe-model.js';
import { emailsNotices, metNotices } from './model/met-notices.js';
import { resourceModel } from './model/resource-model.js';
import { optionalAsked } from '../../coverage/asked-shift.js';

/** An HTTP API on one resource model derived from the user stories, backed by Lambda and DynamoDB. */
export function applicationBlueprint(input: BlueprintInput): ArtifactBundle {
  const { baseDir, names } = input;
  const model = resourceModel(input);
  const shifting = trafficShiftingPart({
    functionId: 'ApiFunction',
    slug: names.slug,
    ...(input.strategy === undefined ? {} : { strategy: input.strategy }),
    ...optionalAsked(input),
  });
  const coverage = applicationCoverage({ input, model, shifting });
  const events = publishesEvents(model);
  const notices = metNotices(model).length > 0;
  const routeList = model.operations.map((operation) => operation.routeKey).join(', ');
  const templatePath = `${baseDir}/template.yaml`;
  const readme = readmeSection({
    input,
    overview: describeModel(model),
    coverage,
    hasFunctionCode: true,
    ...(events || notices
      ? {
          extraParameters: [
            ...(events ? ['EventBusName=default'] : []),
            ...(emailsNotices(model) ? ['NotificationEmail=you@example.com'] : []),
          ],
        }
      : {}),
  });
  return {
    summary: `${names.title}: HTTP API on ${model.resources.map((resource) => resource.collection).join(', ')} with ${model.operations.length} routes on Lambda and DynamoDB${events ? ', status-change events on EventBridge' : ''}${notices ? ', notices on an SNS topic' : ''}, tests that drive the routes together, deployable template.`,
    plan: [
      `Derive one resource model from the stories: ${model.resources.map((resource) => `${resource.name} (${resource.fields.map((field) => `${field.name}: ${field.type}`).join(', ') || 'free-form fields'}${resource.status === undefined ? '' : `; status ${resource.status.initial}${resource.status.transitions.map((transition) => `, ${transition.action} → ${transition.to}`).join('')}`})`).join('; ')}.`,
      'Create a DynamoDB table (on-demand, encrypted, point-in-time recovery, retained on delete)' +
        (model.resources.some((resource) => resource.ownerField !== undefined)
          ? ', with an index by owner.'
          : '.'),
      `Add a Lambda handler that serves ${routeList} on that model, validating every body against it.`,
      ...(events
        ? ['Publish every status change to EventBridge; alarm when one could not be published.']
        : []),
      ...(notices
        ? [
            'Publish a notice to an SNS topic at each moment a story asks people to be told of; alarm when one could not be sent.',
          ]
        : []),
      'Expose it through an API Gateway HTTP API with throttling and access logs.',
      releasePlanStep(input),
      // Named from the routes generated: no step a route does not have, no adapter that is not there.
      `Test each story and each resource's lifecycle through its routes (${model.resources.map((resource) => `${resource.name}: ${lifecycleSteps(resource, model).join(', ')}`).join('; ')}), plus the DynamoDB${events ? ' and EventBridge adapters' : ' adapter'}.`,
    ],
    files: [
      { path: templatePath, role: 'template', content: applicationTemplate(input, model, shifting) },
      ...applicationSource({ baseDir, model, eventSource: names.slug }),
      ...applicationTests(baseDir, model, logRetentionDefault(input)),
      ...projectFiles({
        baseDir,
        slug: names.slug,
        entryPoints: ['src/handler.ts'],
        dependencies: generatedPackages(
          '@aws-sdk/client-dynamodb',
          '@aws-sdk/lib-dynamodb',
          ...(events ? (['@aws-sdk/client-eventbridge'] as const) : []),
          ...(notices ? (['@aws-sdk/client-sns'] as const) : []),
        ),
      }),
      { path: `${baseDir}/README.md`, role: 'doc', content: readme },
    ],
    templatePath,
    riskNotes: [
      'Public endpoint: the HTTP API routes have no authorizer; add a JWT or IAM authorizer before exposing real data.',
      ...(model.operations.some((operation) => operation.roles.length > 0)
        ? [
            `Role checks (${model.operations
              .filter((operation) => operation.roles.length > 0)
              .map((operation) => `${operation.routeKey}: ${operation.roles.join(' or ')}`)
              .join(
                '; ',
              )}) trust the x-caller-roles header: until an authorizer sets it from the verified identity, any client can claim a role.`,
          ]
        : []),
      // The same actions the template grants (tableActions), so the note never names one it does not.
      `Creates an IAM role for the function, scoped to its own log group and ${tableActions(model.operations)
        .map((action) => action.replace(/^dynamodb:/, ''))
        .join('/')} on its table` +
        (events ? ' and PutEvents on the one event bus named by EventBusName' : '') +
        (notices ? ' and Publish on its own NotificationTopic.' : '.'),
      'Data store: the DynamoDB table is retained when the stack is deleted or the table replaced; delete it by hand when no longer needed.',
      ...(events
        ? [
            'Status events are published after the change is stored: if EventBridge refuses one, the change stands and the event is logged (alarm StatusEventsNotPublishedAlarm) for replay; there is no outbox.',
          ]
        : []),
      ...(notices
        ? [
            'Notices are published after the change is stored: if SNS refuses one, the change stands and the notice is logged (alarm NotificationsNotSentAlarm); notice messages hold the whole item, so subscribe only people who may read it.',
          ]
        : []),
      ...releaseRiskNotes(input),
    ],
    coverage,
  };
}
