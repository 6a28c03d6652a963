import type { RequestPayload } from '../../core/request/execution-request.js';
import type { BlueprintInput } from './blueprint-input.js';
import { commentSafe } from './naming/comment-safe.js';
import { descriptionSentences } from './naming/description-sentences.js';
import { serviceNames } from './naming/service-names.js';
import { storyIntents } from './naming/story-intent.js';

const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/** Reduces a request to the derived values blueprints use; the request schema has already run, this re-checks what reaches files. */
export function blueprintInputFrom(request: RequestPayload): BlueprintInput {
  const task = request.execution_request;
  const names = serviceNames(task.task_name);
  const description = commentSafe(task.description ?? '', 500);
  return {
    taskType: task.task_type,
    names,
    stories: storyIntents(request.support_artifacts?.user_stories),
    environment: ENVIRONMENT_NAME.test(task.target_environment) ? task.target_environment : 'development',
    ...(task.deployment_strategy === undefined ? {} : { strategy: task.deployment_strategy }),
    ...(description === '' ? {} : { description }),
    descriptionSentences: descriptionSentences(task.description ?? ''),
    baseDir: `services/${names.slug}`,
  };
}
