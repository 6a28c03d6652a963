import { TASK_TYPES } from '../../../src/core/request/execution-request.js';
import { MINIMAL_REQUEST_EXAMPLE } from '../../../src/core/request/minimal-request-example.js';
import { validateRequest } from '../../../src/core/request/validate-request.js';

const VALID = {
  execution_request: {
    task_type: 'application',
    task_name: 'Orders API',
    execution_mode: 'guided',
    target_environment: 'development',
  },
};

function errorsOf(candidate: unknown) {
  const result = validateRequest(candidate, 'api');
  if (result.ok) throw new Error('expected validation to fail');
  return result.errors;
}

describe('validateRequest', () => {
  it('accepts a valid payload and keeps unknown extra fields at every level', () => {
    const candidate = {
      ...VALID,
      execution_request: { ...VALID.execution_request, runtime: 'nodejs20.x' },
      assessment_results: { overall_score: 7.5, risk: 'low' },
      upstream: { ticket: 'PLAT-42' },
    };
    expect(validateRequest(candidate, 'file')).toEqual({ ok: true, channel: 'file', payload: candidate });
  });

  it('reports all four required fields for an empty object', () => {
    expect(errorsOf({})).toEqual([
      {
        field: 'execution_request.task_type',
        message: 'is required but missing',
        fix: expect.stringContaining('application'),
      },
      {
        field: 'execution_request.task_name',
        message: 'is required but missing',
        fix: expect.stringContaining('Orders API'),
      },
      {
        field: 'execution_request.execution_mode',
        message: 'is required but missing',
        fix: expect.stringContaining('guided'),
      },
      {
        field: 'execution_request.target_environment',
        message: 'is required but missing',
        fix: expect.stringContaining('staging'),
      },
    ]);
  });

  it('says an execution_request that is not an object is wrong, and still lists the required fields', () => {
    expect(errorsOf({ execution_request: 'build it' }).map((error) => error.field)).toEqual([
      'execution_request',
      'execution_request.task_type',
      'execution_request.task_name',
      'execution_request.execution_mode',
      'execution_request.target_environment',
    ]);
  });

  it('names the received task type and lists the allowed ones in the fix', () => {
    const [error, ...others] = errorsOf({
      execution_request: { ...VALID.execution_request, task_type: 'app' },
    });
    expect(others).toEqual([]);
    expect(error).toEqual({
      field: 'execution_request.task_type',
      message: '"app" is not one of the allowed values',
      fix: `Use one of: ${TASK_TYPES.join(', ')}.`,
    });
  });

  it('reports every error, not only the first, across sections', () => {
    const errors = errorsOf({
      execution_request: {
        task_type: 'application',
        task_name: ' ',
        execution_mode: 'yolo',
        target_environment: 'prod env!',
      },
      assessment_results: { overall_score: 11 },
      support_artifacts: { user_stories: ['ok', ''] },
    });
    expect(errors.map((error) => [error.field, error.message])).toEqual([
      ['execution_request.task_name', 'must not be empty'],
      ['execution_request.execution_mode', '"yolo" is not one of the allowed values'],
      ['execution_request.target_environment', expect.stringContaining('(received "prod env!")')],
      ['assessment_results.overall_score', 'must be at most 10, but is 11'],
      ['support_artifacts.user_stories.1', 'must not be empty'],
    ]);
    expect(errors.every((error) => error.fix.length > 0)).toBe(true);
  });

  it('does not echo long values back', () => {
    const [error] = errorsOf({
      execution_request: { ...VALID.execution_request, task_type: 'x'.repeat(500) },
    });
    expect(error?.message).toBe('a text of 500 characters is not one of the allowed values');
  });

  it('refuses anything that is not an object', () => {
    for (const candidate of [null, [], 'task_type: application', 42]) {
      expect(errorsOf(candidate)).toEqual([expect.objectContaining({ field: '(request)' })]);
    }
  });

  it('refuses an oversized candidate without running the schema', () => {
    const errors = errorsOf({ padding: 'x'.repeat(70_000) });
    expect(errors).toEqual([
      expect.objectContaining({
        field: '(request)',
        message: expect.stringContaining('65,536-character limit'),
      }),
    ]);
  });

  it('accepts the minimal example shown to refused requesters', () => {
    expect(validateRequest(MINIMAL_REQUEST_EXAMPLE, 'api').ok).toBe(true);
  });
});
