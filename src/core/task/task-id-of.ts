import { canonicalRepository } from './canonical-repository.js';

/**
 * The id of the task of issue `issueNumber` in `owner/repo`: `owner/repo#issue` with the
 * repository in its one spelling (`canonicalRepository`: lower case), so a case-only rename keeps
 * the task's id, and with it its status marker, records and events. Pure.
 */
export function taskIdOf(params: { owner: string; repo: string; issueNumber: number }): string {
  return `${canonicalRepository(`${params.owner}/${params.repo}`)}#${params.issueNumber}`;
}
