/** Whether one more feedback iteration may push a commit, and what to say when not. */
export type IterationDecision =
  | { readonly allowed: true; readonly iteration: number }
  | { readonly allowed: false; readonly message: string };

/**
 * The bound on review iterations (config `review.max_iterations`, issue #9 item 3): the agent
 * pushes at most `max` commits for feedback on one pull request; past it nothing is pushed and a
 * human is asked to take over, so a reviewer and the agent cannot loop forever. `done` counts the
 * commits already pushed for feedback (the marker's `feedback_iterations`).
 */
export function iterationBound(params: { done: number; max: number }): IterationDecision {
  if (params.done < params.max) return { allowed: true, iteration: params.done + 1 };
  return {
    allowed: false,
    message:
      `The agent has already pushed ${params.done} commit${params.done === 1 ? '' : 's'} for review feedback on this pull request, ` +
      `the limit set by \`review.max_iterations\` (${params.max}); it pushes nothing more. ` +
      'A person with write access can make the remaining changes on the branch, or raise the limit in `.github/implementation-agent.yml`.',
  };
}
