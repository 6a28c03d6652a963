import type { TaskOutcome } from '../task/task-outcome.js';

/**
 * The comment channel's rendering of a deployment request's outcome (`requestDeployment`,
 * `requestRollback`): a refusal is answered (and becomes `answered`), a created deployment's
 * paragraph is posted and left off the returned outcome, anything else carrying a message is
 * posted as it is. `answer` posts one markdown comment and returns the `answered` outcome.
 */
export async function renderDeploymentOutcome(
  outcome: TaskOutcome,
  answer: (body: string) => Promise<TaskOutcome>,
): Promise<TaskOutcome> {
  switch (outcome.status) {
    case 'refused':
      return answer(outcome.message);
    case 'deployment_created': {
      const { message, ...created } = outcome;
      await answer(message ?? '');
      return created;
    }
    default:
      if ('message' in outcome && outcome.message !== undefined) await answer(outcome.message);
      return outcome;
  }
}
