import type { NoticeMoment } from './notice-stories.js';
import type { ResourceModel } from './resource-model-types.js';

/** The moments the model's notice stories name that it has: what the service publishes to its notification topic. */
export function metNotices(model: ResourceModel): NoticeMoment[] {
  return model.notices.flatMap((notice) => ('unmet' in notice.moment ? [] : [notice.moment]));
}

/** Whether a met notice story asked for email: the template then subscribes parameter NotificationEmail. */
export function emailsNotices(model: ResourceModel): boolean {
  return model.notices.some(
    (notice) => !('unmet' in notice.moment) && notice.channels.some((channel) => channel.name === 'email'),
  );
}
