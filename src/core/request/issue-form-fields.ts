import { DEPLOYMENT_STRATEGIES, EXECUTION_MODES, TASK_TYPES } from './execution-request.js';

/**
 * How a field's rendered value becomes part of the payload:
 * `choice` a dropdown value, `text` one line, `paragraph` free text, `lines` one list item per line,
 * `number` a score, `json` extra fields merged into the payload.
 */
export type IssueFormFieldKind = 'choice' | 'text' | 'paragraph' | 'lines' | 'number' | 'json';

export interface IssueFormField {
  /** The form field's `id` in `.github/ISSUE_TEMPLATE/implementation-request.yml`. */
  readonly id: string;
  /** The label GitHub renders as the `### <label>` heading of the field's section. */
  readonly label: string;
  readonly kind: IssueFormFieldKind;
  readonly required: boolean;
  /** Where the value goes in the payload; absent for `json`, whose fields are merged at the top. */
  readonly path?: readonly string[];
  /** Dropdown options, exactly as the form lists them. */
  readonly options?: readonly string[];
}

/** The deployment-strategy option that means "leave it to the environment's configuration". */
export const DEFAULT_STRATEGY_OPTION = 'none / default';

/** What GitHub writes for a field left empty. */
export const NO_RESPONSE = '_No response_';

export const ISSUE_FORM_TITLE_PREFIX = '[Implementation]: ';
export const ISSUE_FORM_LABEL = 'implementation';

/**
 * The form's fields in form order: the one place their labels live. The form file is tested against
 * this list, so the form and the parser cannot drift apart.
 */
export const ISSUE_FORM_FIELDS: readonly IssueFormField[] = [
  {
    id: 'task_type',
    label: 'Task type',
    kind: 'choice',
    required: true,
    path: ['execution_request', 'task_type'],
    options: TASK_TYPES,
  },
  {
    id: 'task_name',
    label: 'Task name',
    kind: 'text',
    required: true,
    path: ['execution_request', 'task_name'],
  },
  {
    id: 'execution_mode',
    label: 'Execution mode',
    kind: 'choice',
    required: true,
    path: ['execution_request', 'execution_mode'],
    options: EXECUTION_MODES,
  },
  {
    id: 'target_environment',
    label: 'Target environment',
    kind: 'text',
    required: true,
    path: ['execution_request', 'target_environment'],
  },
  {
    id: 'description',
    label: 'Description',
    kind: 'paragraph',
    required: false,
    path: ['execution_request', 'description'],
  },
  {
    id: 'deployment_strategy',
    label: 'Deployment strategy',
    kind: 'choice',
    required: false,
    path: ['execution_request', 'deployment_strategy'],
    options: [DEFAULT_STRATEGY_OPTION, ...DEPLOYMENT_STRATEGIES],
  },
  {
    id: 'user_stories',
    label: 'User stories',
    kind: 'lines',
    required: false,
    path: ['support_artifacts', 'user_stories'],
  },
  {
    id: 'overall_score',
    label: 'Assessment overall score',
    kind: 'number',
    required: false,
    path: ['assessment_results', 'overall_score'],
  },
  {
    id: 'timeline',
    label: 'Planning timeline',
    kind: 'text',
    required: false,
    path: ['planning_results', 'timeline'],
  },
  { id: 'additional_context', label: 'Additional context', kind: 'json', required: false },
];
