import { generatedPackages } from '../../../../core/bundle/generated-packages.js';
import type { ArtifactBundle } from '../../../../core/bundle/artifact-bundle.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import { logRetentionDefault } from '../../cfn/log-retention-asked.js';
import { trafficShiftingPart } from '../../cfn/traffic-shifting-part.js';
import { projectFiles } from '../../project/project-files.js';
import { READ_TEMPLATE_DEV_DEPENDENCIES } from '../../project/read-template-file.js';
import { readmeSection } from '../../project/readme-section.js';
import { releasePlanStep, releaseRiskNotes } from '../../project/release-notes.js';
import { withBranchFilters } from './branch-filters.js';
import { integrationAsks } from './integration-asks.js';
import { integrationCoverage } from './integration-coverage.js';
import { integrationSource } from './integration-source.js';
import { integrationTemplate, MAX_RECEIVE_COUNT } from './integration-template.js';
import { integrationTests } from './integration-tests.js';
import { deliveryTypeMap, distinctMessageTypes, storyMessages } from './message-types.js';
import { optionalAsked } from '../../coverage/asked-shift.js';
import { consumedTypes } from './bus-routes.js';
import { SOURCE_RULE_ID } from './source-bus-part.js';

/** An SQS queue with a dead-letter queue and an idempotent Lambda consumer; a signed webhook endpoint in front and an event bus behind when asked. */
export function integrationBlueprint(input: BlueprintInput): ArtifactBundle {
  const { baseDir, names } = input;
  const asks = integrationAsks(input);
  // A branch a story names (`on the main branch`) is matched on its events' branch field.
  const messages = withBranchFilters(
    storyMessages({
      stories: input.stories,
      names,
      asks,
      clauses: input.descriptionSentences.flatMap((sentence) => sentence.clauses),
      sentences: input.descriptionSentences,
    }),
  );
  const shifting = trafficShiftingPart({
    functionId: 'ConsumerFunction',
    slug: names.slug,
    ...(input.strategy === undefined ? {} : { strategy: input.strategy }),
    ...optionalAsked(input),
  });
  const coverage = integrationCoverage({ input, asks, messages, shifting });
  const consumed = consumedTypes(asks, distinctMessageTypes(messages));
  const types = distinctMessageTypes(messages)
    .map((type) => `\`${type}\``)
    .join(', ');
  const templatePath = `${baseDir}/template.yaml`;
  const signing =
    asks.provider?.scheme === 'stripe'
      ? `signed the Stripe way (header \`SignatureHeader\`, default \`${asks.signatureHeader ?? 'stripe-signature'}\`: \`t=<unix seconds>,v1=<hex>\`, HMAC-SHA256 of \`<t>.<raw body>\`, refused more than 300 s from now)`
      : `signed with HMAC-SHA256 of the raw body (hex, header \`SignatureHeader\`, default \`${asks.signatureHeader ?? 'x-signature'}\`)`;
  const mapped = deliveryTypeMap(messages)
    .map(([delivery, message]) => `\`${delivery}\` is \`${message}\``)
    .join(', ');
  const front = asks.webhook
    ? `Senders POST webhooks to \`<ApiUrl>/webhooks\`, ${signing} under the secret \`WebhookSecretArn\`; a delivery that fails the check is refused (401), logged and counted (alarm \`SignatureRejectedAlarm\`), one of types ${types} (read from ${asks.provider?.eventHeader === undefined ? '' : `the \`${asks.provider.eventHeader}\` header, then `}\`type\`, \`event\` or \`eventType\`; ${mapped === '' ? '`payment.settled` names `PaymentSettled`' : `${asks.provider?.name ?? 'the sender'}'s ${mapped}`}) is queued under its ${asks.provider?.deliveryHeader === undefined ? '' : `\`${asks.provider.deliveryHeader}\` header, else its `}\`id\`, others are acknowledged and dropped.`
    : `Producers send \`{ "id", "type", "payload" }\` messages (types ${types}) to the queue${asks.fifo === undefined ? '' : ` with \`fifoSend\` (src/send-message.ts), which sets MessageGroupId${asks.fifo.groupField === undefined ? '' : ` from \`payload.${asks.fifo.groupField}\``} and MessageDeduplicationId the \`id\``}.`;
  const fifo =
    asks.fifo === undefined
      ? ''
      : ' The queue and its dead-letter queue are FIFO: messages of one group are delivered in the order sent, and after a failure the consumer returns the rest of the batch unprocessed.';
  const source =
    asks.sourceBus === undefined
      ? ''
      : ` The rule \`${SOURCE_RULE_ID}\` on the \`${asks.sourceBus.name}\` bus (parameter \`SourceEventBusName\`) queues its ${consumed.map((type) => `\`${type}\``).join(', ')} events, whole, for the consumer; the queue's policy lets only that rule send them.`;
  const back =
    asks.eventBus === undefined
      ? ''
      : asks.sourceBus === undefined
        ? ` Each message then becomes an event of its type on the \`${asks.eventBus}\` bus (parameter \`EventBusName\`).`
        : ` The events the consumer publishes (src/message-handlers.ts) go on the \`${asks.eventBus}\` bus (parameter \`EventBusName\`).`;
  const readme = readmeSection({
    input,
    overview: `${front}${fifo} The Lambda consumer claims each \`id\` in a DynamoDB table before processing, so redeliveries are skipped, and reports failures per message so only those are retried — after ${MAX_RECEIVE_COUNT} receives they move to the dead-letter queue, which raises an alarm; an operator whose role attaches \`DeadLetterRedrivePolicy\` replays them with \`aws sqs start-message-move-task --source-arn <DeadLetterQueueArn>\`.${source}${back}`,
    coverage,
    hasFunctionCode: true,
    extraParameters: [
      ...(asks.sourceBus === undefined ? [] : [`SourceEventBusName=${asks.sourceBus.name}`]),
      ...(asks.eventBus === undefined ? [] : [`EventBusName=${asks.eventBus}`]),
    ],
  });
  const dependencies = generatedPackages(
    '@aws-sdk/client-dynamodb',
    '@aws-sdk/lib-dynamodb',
    ...(asks.eventBus === undefined ? [] : (['@aws-sdk/client-eventbridge'] as const)),
    ...(asks.webhook ? (['@aws-sdk/client-secrets-manager', '@aws-sdk/client-sqs'] as const) : []),
  );
  return {
    summary: `${names.title}: ${asks.webhook ? 'signed webhook endpoint, ' : ''}${asks.sourceBus === undefined ? '' : `EventBridge rule on the ${asks.sourceBus.name} bus, `}SQS queue, dead-letter queue and idempotent Lambda consumer for ${types}${asks.eventBus === undefined ? '' : `, forwarded to the ${asks.eventBus} event bus`}, tested end to end.`,
    plan: [
      ...(asks.sourceBus === undefined
        ? []
        : [
            `Add an EventBridge rule on the ${asks.sourceBus.name} bus matching ${consumed.join(', ')} that targets the queue, and a queue policy letting only that rule send.`,
          ]),
      ...(asks.webhook
        ? [
            'Add POST /webhooks: check the HMAC signature with a stack-made secret, queue each delivery under its id, count and alarm on rejections.',
          ]
        : []),
      `Create the queue and a dead-letter queue (SSE, redrive after ${MAX_RECEIVE_COUNT} receives) and an alarm on dead letters.`,
      'Create a DynamoDB table of processed message keys (TTL, encrypted, retained) used as idempotency claims.',
      `Add a Lambda consumer with partial batch failure reporting and handlers for ${types}${asks.eventBus === undefined ? '' : ' that put each on the event bus'}.`,
      releasePlanStep(input),
      'Test duplicates, retries, poison messages and each type end to end' +
        (asks.webhook ? ', and the signature check' : '') +
        '.',
    ],
    files: [
      { path: templatePath, role: 'template', content: integrationTemplate(input, asks, shifting, consumed) },
      ...integrationSource({ baseDir, messages, asks, eventSource: names.slug }),
      ...integrationTests({ baseDir, messages, asks, logDays: logRetentionDefault(input) }),
      ...projectFiles({
        baseDir,
        slug: names.slug,
        entryPoints: asks.webhook ? ['src/handler.ts', 'src/webhook-handler.ts'] : ['src/handler.ts'],
        dependencies,
        devDependencies: READ_TEMPLATE_DEV_DEPENDENCIES,
      }),
      { path: `${baseDir}/README.md`, role: 'doc', content: readme },
    ],
    templatePath,
    riskNotes: [
      'Creates an IAM role for the consumer, scoped to its queue, its idempotency table' +
        (asks.eventBus === undefined ? '' : ', PutEvents on one bus') +
        ' and its own log group.',
      ...(asks.sourceBus === undefined
        ? []
        : [
            `Adds a queue policy: EventBridge may send to the queue only for the rule ${SOURCE_RULE_ID} on the ${asks.sourceBus.name} bus (aws:SourceArn).`,
          ]),
      ...(asks.webhook
        ? [
            'Public endpoint: POST /webhooks accepts requests from anywhere; only the signature check keeps forged deliveries out. Rotate WebhookSecret with the sender.',
            'Creates an IAM role for the receiver: SendMessage to the queue and GetSecretValue on its own secret.',
          ]
        : []),
      ...(asks.fifo === undefined
        ? []
        : [
            'FIFO queues are named from the stack (`<stack>.fifo`, `<stack>-dead-letter.fifo`; SQS allows 80 characters, so a stack name of at most 64). The dead-letter queue is retained: recreating a deleted stack of the same name needs the old one removed first.',
          ]),
      'Creates a managed policy, DeadLetterRedrivePolicy, attached to nobody: an operator role that attaches it can move dead letters back to the queue.',
      'Data stores: the dead-letter queue (messages kept 14 days) and the processed-messages table are retained when the stack is deleted.',
      'Message payloads are written to the processed-messages table; keep personal data out of payloads or shorten the TTL.',
      ...releaseRiskNotes(input),
    ],
    coverage,
  };
}
