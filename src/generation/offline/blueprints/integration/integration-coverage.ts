import type { RequirementCoverage, TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import type { TrafficShifting } from '../../cfn/traffic-shifting-part.js';
import { mostSpecificAskedBy } from '../../coverage/capability.js';
import { combine, describeSentences } from '../../coverage/describe-coverage.js';
import { releaseCoverage } from '../../coverage/release-coverage.js';
import { shiftCapability } from '../../coverage/shift-capability.js';
import type { IntegrationAsks } from './integration-asks.js';
import { FILES } from './integration-test-titles.js';
import type { StoryMessage } from './message-types.js';
import { storyDroppedQualifiers } from './story-dropped-qualifiers.js';
import { branchGaps } from './branch-filters.js';
import { distinctMessageTypes } from './message-types.js';
import { typeCapability } from './message-type-capability.js';
import { sharedGaps, spelledTypeGaps } from './shared-type-gaps.js';
import { fixedCapabilities } from './fixed-capabilities.js';
import { namedQueueCapabilities } from './named-queue-capabilities.js';
import { isViewStory, viewStoryGap } from './view-story.js';
import { logRetentionCapability } from '../../coverage/log-retention-capability.js';
import { logRetentionTitle } from '../../cfn/log-retention-test.js';
import { logRetentionDefault } from '../../cfn/log-retention-asked.js';

const TIMING_WORDS = [
  'within',
  'minute',
  'minutes',
  'second',
  'seconds',
  'immediately',
  'realtime',
  'latency',
  'hour',
  'hours',
];

/** What each story, description sentence and the strategy became in the integration, with the tests that prove it. */
export function integrationCoverage(params: {
  input: BlueprintInput;
  asks: IntegrationAsks;
  messages: readonly StoryMessage[];
  shifting: TrafficShifting;
}): RequirementCoverage[] {
  const { input, asks, messages } = params;
  const test = (file: keyof typeof FILES, title: string): TestEvidence => ({
    path: `${input.baseDir}/${FILES[file]}`,
    title,
  });
  const types = distinctMessageTypes(messages);
  const headerTyped = asks.provider?.eventHeader !== undefined && messages.length === 1;
  // Taken by their spelling only: a webhook type none of the sender's known names is.
  const spelled =
    asks.webhook && !headerTyped
      ? types.filter(
          (type) => messages.find((message) => message.messageType === type)?.deliveryTypes === undefined,
        )
      : [];
  const shared = sharedGaps({ asks, types, spelled });
  const byType = new Map(
    types.map((type) => [
      type,
      typeCapability({
        type,
        asks,
        test,
        deliveryTypes: messages.find((message) => message.messageType === type)?.deliveryTypes,
        deliveryActions: messages.find((message) => message.messageType === type)?.deliveryActions ?? [],
        headerTyped,
        sharedGaps: shared,
        types,
      }),
    ]),
  );
  const capabilities = [
    ...byType.values(),
    ...fixedCapabilities({ asks, test, typeGaps: spelledTypeGaps(asks, spelled) }),
    ...namedQueueCapabilities(asks),
    logRetentionCapability({
      days: logRetentionDefault(input),
      evidence: test('template', logRetentionTitle(logRetentionDefault(input))),
      logGroups: [
        'ConsumerFunctionLogGroup',
        ...(asks.webhook ? ['ReceiverFunctionLogGroup', 'HttpApiAccessLogs'] : []),
      ],
    }),
    shiftCapability({
      functionId: 'ConsumerFunction',
      configName: params.shifting.configName,
      shift: params.shifting.shift,
    }),
  ];
  const stories = input.stories.map((intent) => {
    const words = intent.text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    const own = messages
      .filter((message) => message.intent === intent)
      .flatMap((message) => byType.get(message.messageType) ?? []);
    const found = [...own, ...mostSpecificAskedBy(words, capabilities)];
    const dropped = storyDroppedQualifiers({ intent, messages, asks });
    return combine({
      source: { kind: 'story', number: intent.number },
      text: intent.text,
      parts: [{ text: intent.text, capabilities: [...new Set(found)] }],
      extraGaps: [
        ...dropped,
        ...branchGaps({ text: intent.text, messages }),
        // A view a generated part answers (rejections logged and counted) needs no gap of its own.
        ...(isViewStory(intent) && found.length === 0 ? [viewStoryGap(intent)] : []),
        ...(words.some((word) => TIMING_WORDS.includes(word))
          ? [
              'the timing is not proven by a test: the path adds SQS (a batching window of up to 5 s) and one Lambda run',
            ]
          : []),
      ],
    });
  });
  return [
    ...stories,
    ...describeSentences(input.descriptionSentences, capabilities),
    ...releaseCoverage({
      input,
      functionId: 'ConsumerFunction',
      shifting: params.shifting,
      ...(asks.webhook && params.shifting.configName !== undefined
        ? { gaps: ['the webhook receiver is updated in place; only the consumer shifts traffic'] }
        : {}),
    }),
  ];
}
