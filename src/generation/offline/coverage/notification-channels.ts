import { wordsOf } from '../naming/words-of.js';

/** A way of reaching a person that a request may name (`I get an email`, `text me`, `a Slack message`). */
export interface NotificationChannel {
  readonly name: 'email' | 'sms' | 'slack' | 'teams' | 'chat' | 'pager' | 'phone' | 'push';
  /** As prose: `an email`. */
  readonly label: string;
  /** Word sets naming it, as `Capability.when`: a text names it when it holds every word of one set. */
  readonly when: readonly (readonly string[])[];
  /** How AWS would reach someone this way, for the gap that says it was not built. */
  readonly how: string;
}

const words = (...phrases: string[]) => phrases.map((phrase) => phrase.split(' '));

/** The channels, with the AWS route each would take (SNS subscription protocols: https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html). */
export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = [
  {
    name: 'email',
    label: 'an email',
    when: words('email', 'emails', 'emailed', 'mail', 'mailed', 'inbox'),
    how: 'an SNS topic with an email subscription',
  },
  {
    name: 'sms',
    label: 'a text message',
    when: words('sms', 'texted', 'text me', 'text us', 'text message', 'text messages', 'texts'),
    how: 'an SNS topic with an sms subscription to a phone number',
  },
  {
    name: 'slack',
    label: 'a Slack message',
    when: words('slack'),
    how: 'AWS Chatbot (AWS::Chatbot::SlackChannelConfiguration) on an SNS topic, or a Slack incoming webhook',
  },
  {
    name: 'teams',
    label: 'a Microsoft Teams message',
    when: words('microsoft teams', 'teams channel', 'teams message', 'msteams'),
    how: 'AWS Chatbot (AWS::Chatbot::MicrosoftTeamsChannelConfiguration) on an SNS topic',
  },
  {
    name: 'chat',
    label: 'a chat message',
    when: words('discord', 'telegram', 'whatsapp', 'mattermost'),
    how: "a Lambda subscribed to an SNS topic that calls the chat service's API",
  },
  {
    name: 'pager',
    label: 'a page',
    when: words('pagerduty', 'opsgenie', 'victorops'),
    how: "an SNS topic with an https subscription to the paging service's integration URL",
  },
  {
    name: 'phone',
    label: 'a phone call',
    when: words('phone call', 'phone calls', 'called on the phone', 'voice call'),
    how: 'AWS Systems Manager Incident Manager contacts, or a paging service',
  },
  {
    name: 'push',
    label: 'a push notification',
    when: words('push notification', 'push notifications', 'mobile notification'),
    how: 'an SNS platform application for the mobile platform',
  },
];

/**
 * Words that make a channel word a delivery rather than data: `an email when…`, `email me`, `is
 * emailed`, but not `each user has an email` (a field) or `an email address`.
 */
const DELIVERY_WORDS = new Set([
  'get',
  'gets',
  'getting',
  'receive',
  'receives',
  'received',
  'send',
  'sends',
  'sent',
  'notify',
  'notified',
  'notification',
  'notifications',
  'alert',
  'alerts',
  'alerted',
  'tell',
  'told',
  'message',
  'messaged',
  'page',
  'paged',
  'me',
  'us',
  'when',
  'whenever',
  'emailed',
  'mailed',
  'texted',
  'call',
  'called',
]);

/**
 * Words after a channel's name that make it data or a sender, not a way to reach someone: `an
 * email address`, `Slack events`, `receive Slack webhooks`, `Slack slash commands`, `Slack's request
 * signature` (the service receives from it, nobody is messaged).
 */
const NOT_DELIVERY_NEXT = new Set([
  'address',
  'addresses',
  'event',
  'events',
  'webhook',
  'webhooks',
  'callback',
  'callbacks',
  'api',
  'field',
  'column',
  'slash',
  'command',
  'commands',
  'interaction',
  'interactions',
  'interactive',
  'request',
  'requests',
  'signature',
  'signing',
  'payload',
  'payloads',
  's',
]);
/** Words before a channel's name that make it the sender (`commands from Slack`); `by email`, `via Slack` stay deliveries. */
const SENDER_BEFORE = new Set(['from']);
/**
 * Words that end the noun phrase a channel's name starts (`email me when`, `a page on failure`): a
 * word after the name that is none of these is a noun the name qualifies (`PagerDuty incident
 * webhooks`), so what follows it still says whether the name is data or a sender.
 */
const PHRASE_ENDS = new Set([
  'me',
  'us',
  'when',
  'whenever',
  'if',
  'on',
  'to',
  'for',
  'at',
  'about',
  'after',
  'and',
  'or',
  'with',
  'by',
  'via',
  'the',
  'a',
  'an',
  'each',
  'every',
  'is',
  'are',
]);

/** Whether the channel's name at `index` starts data or a sender (`an email address`, `PagerDuty incident webhooks`). */
function notDeliveryAfter(present: readonly string[], index: number): boolean {
  const next = present[index + 1] ?? '';
  if (NOT_DELIVERY_NEXT.has(next)) return true;
  return next !== '' && !PHRASE_ENDS.has(next) && NOT_DELIVERY_NEXT.has(present[index + 2] ?? '');
}

/** The channels a text asks to be reached by; none when it only speaks of them as data (`an email address`). */
export function channelsNamed(text: string): NotificationChannel[] {
  const present = wordsOf(text);
  const set = new Set(present);
  if (!present.some((word) => DELIVERY_WORDS.has(word))) return [];
  return NOTIFICATION_CHANNELS.filter((channel) =>
    channel.when.some((phrase) =>
      phrase.length > 1
        ? phrase.every((word) => set.has(word))
        : present.some(
            (word, index) =>
              word === phrase[0] &&
              !notDeliveryAfter(present, index) &&
              !SENDER_BEFORE.has(present[index - 1] ?? ''),
          ),
    ),
  );
}
