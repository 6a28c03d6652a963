import { defaultIntents } from '../../naming/default-intents.js';
import type { ServiceNames } from '../../naming/service-names.js';
import type { StoryIntent } from '../../naming/story-intent.js';

/** Stack outputs the foundation exposes, by the key the TypeScript helper reads them under. */
export const FOUNDATION_OUTPUTS = {
  dataBucketName: 'DataBucketName',
  dataBucketArn: 'DataBucketArn',
  dataKeyArn: 'DataKeyArn',
  notificationsTopicArn: 'NotificationsTopicArn',
} as const;

export type FoundationOutput = keyof typeof FOUNDATION_OUTPUTS;

/** A story (or a default) and the foundation outputs that must exist for it to be met. */
export interface FoundationRequirement {
  readonly intent: StoryIntent;
  readonly name: string;
  readonly needs: readonly FoundationOutput[];
}

const NEEDS_BY_WORD: readonly [readonly string[], readonly FoundationOutput[]][] = [
  [
    [
      'encrypt',
      'encrypted',
      'encryption',
      'key',
      'keys',
      'kms',
      'secure',
      'secret',
      'secrets',
      'protect',
      'compliance',
    ],
    ['dataKeyArn'],
  ],
  [
    [
      'notify',
      'notified',
      'notification',
      'notifications',
      'alert',
      'alerts',
      'alarm',
      'alarms',
      'email',
      'event',
      'events',
      'publish',
      'subscribe',
      'message',
      'messages',
    ],
    ['notificationsTopicArn'],
  ],
  [
    [
      'store',
      'upload',
      'archive',
      'backup',
      'back',
      'file',
      'files',
      'document',
      'documents',
      'data',
      'artifact',
      'artifacts',
      'object',
      'objects',
      'log',
      'logs',
      'report',
      'reports',
      'bucket',
      'save',
      'keep',
      'retain',
    ],
    ['dataBucketName', 'dataBucketArn'],
  ],
];

/** Each story needs what its words point at (storage, encryption, notifications); storage when nothing matches. */
export function foundationRequirements(
  stories: readonly StoryIntent[],
  names: ServiceNames,
): FoundationRequirement[] {
  const intents = stories.length > 0 ? stories : defaultIntents(names, ['store']);
  return intents.map((intent) => {
    const words = new Set([intent.verb, ...intent.objectWords, ...wordsOfText(intent.text)]);
    const needs = NEEDS_BY_WORD.filter(([keywords]) => keywords.some((word) => words.has(word))).flatMap(
      ([, outputs]) => outputs,
    );
    return {
      intent,
      name: `story-${intent.number}`,
      needs: needs.length === 0 ? ['dataBucketName', 'dataBucketArn'] : needs,
    };
  });
}

function wordsOfText(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}
