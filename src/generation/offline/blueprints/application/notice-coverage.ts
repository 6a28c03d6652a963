import type { RequirementCoverage, TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import { withArticle } from '../../naming/article.js';
import { noticeFailureTitle, noticePath } from './application-notice-tests.js';
import type { NoticeAsk } from './model/notice-stories.js';
import { resourceRouteKey } from './model/resource-route-key.js';
import type { Resource, ResourceModel } from './model/resource-model-types.js';

/** Words that make the item the teller's or someone's own (`my booking`, `their order`). */
const OWN = new Set(['my', 'their', 'his', 'her', 'your', 'our']);

/**
 * `I am notified when my booking is confirmed`: the person to tell is the item's own, but the notice
 * goes to the topic's subscribers (parameter NotificationEmail, one fixed address), never to whoever
 * the item names; so the story is partial, saying who is told and that its own person is not.
 */
function ownPersonGap(notice: NoticeAsk, resource: Resource | undefined, name: string): string[] {
  const words = notice.intent.text.toLowerCase().match(/[a-z]+/g) ?? [];
  if (!words.some((word) => OWN.has(word))) return [];
  const address = resource?.fields.find((field) => /email$/i.test(field.name))?.name;
  return [
    `the notice goes to NotificationTopic's subscribers (one fixed address, parameter NotificationEmail), not to the person whose ${name} it is: ${
      address === undefined
        ? `${withArticle(name)} records no address of its own to send to`
        : `${withArticle(name)}'s own ${address} is never written to`
    }; sending to them needs the handler to send to that address (Amazon SES, ses:SendEmail) at that moment`,
  ];
}

/**
 * A notice story's row (or a description sentence's, asking the same): covered when the route that reaches the moment it names publishes to
 * NotificationTopic and a generated test proves it; each channel the template cannot deliver
 * (Slack, a text to a phone number...) is a gap naming what would; an unmet moment is not covered.
 */
export function noticeCoverage(params: {
  notice: NoticeAsk;
  model: ResourceModel;
  test: (title: string) => TestEvidence;
}): RequirementCoverage {
  const { notice, model } = params;
  const source =
    notice.sentence === undefined
      ? ({ kind: 'story', number: notice.intent.number } as const)
      : ({ kind: 'description', sentence: notice.sentence } as const);
  const channelGaps = notice.channels
    .filter((channel) => channel.name !== 'email')
    .map(
      (channel) =>
        `${channel.label} is not sent: the notice is published to NotificationTopic, and reaching people that way needs ${channel.how}`,
    );
  const moment = notice.moment;
  if ('unmet' in moment)
    return {
      source,
      text: notice.intent.text,
      status: 'not_covered',
      tests: [],
      resources: [],
      gaps: [moment.unmet, ...channelGaps],
    };
  const path = noticePath(model, moment);
  const resource = model.resources.find((candidate) => candidate.name === moment.resource);
  const reached = 'status' in moment ? `reaches ${moment.status}` : 'is made';
  const route =
    path?.move === undefined
      ? resourceRouteKey(
          resource ?? { name: moment.resource, pascal: '', collection: '', fields: [] },
          'create',
        )
      : resourceRouteKey(path.resource, 'transition', path.move.action);
  const emailed = notice.channels.some((channel) => channel.name === 'email');
  const who = emailed
    ? 'an address set as parameter NotificationEmail is subscribed by email (empty by default; the address must confirm the subscription first)'
    : 'whoever subscribes to it (output NotificationTopicArn) is told';
  const untested =
    path === undefined
      ? [`no generated test reaches it: no route moves a new ${moment.resource} there in one step`]
      : [];
  const gaps = [...untested, ...ownPersonGap(notice, resource ?? undefined, moment.resource), ...channelGaps];
  return {
    source,
    text: notice.intent.text,
    status: gaps.length === 0 ? 'covered' : 'partial',
    implementedBy: `when ${withArticle(moment.resource)} ${reached}${path === undefined ? '' : ` (${route})`}, the service publishes a notice to the SNS topic NotificationTopic; ${who}`,
    tests:
      path === undefined
        ? []
        : [params.test(notice.intent.testTitle), params.test(noticeFailureTitle(path.resource))],
    resources: ['NotificationTopic', 'ApiFunction', ...(emailed ? ['NotificationEmailSubscription'] : [])],
    gaps,
  };
}
