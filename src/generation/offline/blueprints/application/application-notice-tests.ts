import { spokenName } from '../../naming/spoken-name.js';
import { withArticle } from '../../naming/article.js';
import { codeLiteral } from '../../naming/code-literal.js';
import { createCall } from './application-create-call.js';
import type { NoticeAsk, NoticeMoment } from './model/notice-stories.js';
import type { Resource, ResourceModel, Transition } from './model/resource-model-types.js';
import { routeKey } from './model/route-key.js';
import { movesFromNew } from './moves-from-new.js';

/** The test proving a notice that cannot be sent leaves the change standing and is logged. */
export function noticeFailureTitle(resource: Resource): string {
  return `${withArticle(resource.name)} change stands and is logged when its notice cannot be sent`;
}

/**
 * How a test reaches a notice's moment from a new item: nothing more for its making or its first
 * status, else the one move from new that sets the status. Undefined when no move from new does.
 */
export function noticePath(
  model: ResourceModel,
  moment: NoticeMoment,
): { resource: Resource; move?: Transition } | undefined {
  const resource = model.resources.find((candidate) => candidate.name === moment.resource);
  if (resource === undefined) return undefined;
  if (!('status' in moment) || moment.status === resource.status?.initial) return { resource };
  const move = resource.status?.transitions.find(
    (transition) => transition.to === moment.status && movesFromNew({ resource, model, transition }),
  );
  return move === undefined ? undefined : { resource, move };
}

/** Generated tests for notice stories: the topic is told at the moment the story names, and not before. */
export function noticeStoryTests(model: ResourceModel): { number: number; code: string }[] {
  return model.notices.flatMap((notice) => {
    if ('unmet' in notice.moment) return [];
    const path = noticePath(model, notice.moment);
    if (path === undefined) return [];
    return [{ number: notice.intent.number, code: storyCode(notice, notice.moment, path) }];
  });
}

function storyCode(
  notice: NoticeAsk,
  moment: NoticeMoment,
  path: { resource: Resource; move?: Transition },
): string {
  const happened = 'status' in moment ? moment.status : 'created';
  const said = spokenName(path.resource.name);
  const subject = `${said.charAt(0).toUpperCase()}${said.slice(1)} ${happened}: `;
  const told = `notifications.sent.filter((notice) => notice.resource === ${codeLiteral(path.resource.name)} && notice.happened === ${codeLiteral(happened)})`;
  const move =
    path.move === undefined
      ? ''
      : `    expect(${told}).toEqual([]);
    expect((await call(${codeLiteral(routeKey(path.resource.collection, 'transition', path.move.action))}, { id: created.body.id })).status).toBe(200);
`;
  return `  // ${notice.sentence === undefined ? 'Story' : 'Description sentence'} ${notice.intent.number}: ${notice.intent.text}
  it(${codeLiteral(notice.intent.testTitle)}, async () => {
    const { call, notifications } = setup();
    const created = await ${createCall(path.resource, `SAMPLES.${path.resource.name}`)};
    expect(created.status).toBe(201);
${move}    expect(${told}).toEqual([expect.objectContaining({ id: created.body.id, subject: ${codeLiteral(subject)} + created.body.id })]);
  });
`;
}

/** Per notified resource: a failing topic leaves the change stored and logs notification-not-sent. */
export function noticeFailureTests(model: ResourceModel): string {
  const seen = new Set<string>();
  return model.notices
    .flatMap((notice) => {
      if ('unmet' in notice.moment) return [];
      const path = noticePath(model, notice.moment);
      if (path === undefined || seen.has(path.resource.name)) return [];
      seen.add(path.resource.name);
      const read = codeLiteral(routeKey(path.resource.collection, 'read'));
      const move =
        path.move === undefined
          ? ''
          : `    expect((await call(${codeLiteral(routeKey(path.resource.collection, 'transition', path.move.action))}, { id: created.body.id })).status).toBe(200);
`;
      return [
        `
  it(${codeLiteral(noticeFailureTitle(path.resource))}, async () => {
    const failing = { notify: async () => Promise.reject(new Error('topic unavailable')) };
    const { call, logs } = setup({ notifications: failing });
    const created = await ${createCall(path.resource, `SAMPLES.${path.resource.name}`)};
    expect(created.status).toBe(201);
${move}    expect((await call(${read}, { id: created.body.id })).status).toBe(200);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'error', outcome: 'notification-not-sent', error: 'topic unavailable' }));
  });
`,
      ];
    })
    .join('');
}
