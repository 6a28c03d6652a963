import { DEPLOYMENT_STRATEGIES, EXECUTION_MODES, TASK_TYPES } from './execution-request.js';

const HINTS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    '': 'Send a JSON object with an "execution_request" object inside, as in the example below.',
    execution_request:
      'Add an "execution_request" object with task_type, task_name, execution_mode and target_environment.',
    'execution_request.task_type': `Use one of: ${TASK_TYPES.join(', ')}.`,
    'execution_request.task_name': 'Give the work a short name of 1 to 100 characters, e.g. "Orders API".',
    'execution_request.execution_mode': `Use one of: ${EXECUTION_MODES.join(', ')} (guided if unsure).`,
    'execution_request.target_environment':
      'Name an environment such as development, staging or production: letters, digits, "-" or "_", at most 40 characters.',
    'execution_request.description': 'Describe the work in plain text, at most 20,000 characters.',
    'execution_request.deployment_strategy': `Use one of: ${DEPLOYMENT_STRATEGIES.join(', ')}, or leave it out for the environment's default.`,
    assessment_results: 'Make it an object, e.g. { "overall_score": 7.5 }.',
    'assessment_results.overall_score': 'Use a number from 0 to 10, e.g. 7.5, or leave it out.',
    planning_results: 'Make it an object, e.g. { "timeline": "12 months" }.',
    'planning_results.timeline': 'Use text such as "12 months", or leave it out.',
    support_artifacts: 'Make it an object, e.g. { "user_stories": ["As a customer I can place an order"] }.',
    'support_artifacts.user_stories':
      'Use a list of at most 100 stories, e.g. ["As a customer I can place an order"].',
    'support_artifacts.user_stories.*':
      'Write each story as text of 1 to 1,000 characters, e.g. "As a customer I can place an order".',
  }),
);

/** How to fix a field, by its dotted path; list positions match `*`. */
export function fieldHint(field: string): string {
  const pattern = field.replace(/\.\d+(?=\.|$)/g, '.*');
  return HINTS.get(pattern) ?? 'Correct this value, or remove it if it is not needed.';
}
