import { parseDispatch } from '../../../src/core/request/parse-dispatch.js';
import { validateParsedRequest } from '../../../src/core/request/validate-parsed-request.js';

const PAYLOAD = {
  execution_request: {
    task_type: 'deployment',
    task_name: 'Orders API rollout',
    execution_mode: 'automated',
    target_environment: 'production',
    deployment_strategy: 'linear',
  },
  planning_results: { timeline: '1 week' },
};

describe('parseDispatch: workflow_dispatch', () => {
  it('reads the whole payload from a JSON `request` input', () => {
    const result = parseDispatch({
      name: 'workflow_dispatch',
      payload: { inputs: { request: JSON.stringify(PAYLOAD) } },
    });
    expect(result).toMatchObject({ kind: 'parsed', channel: 'workflow_dispatch', candidate: PAYLOAD });
  });

  it('reads a YAML `request` input holding only the execution_request', () => {
    const request =
      'task_type: testing\ntask_name: Contract tests\nexecution_mode: manual\ntarget_environment: development\n';
    const result = parseDispatch({ name: 'workflow_dispatch', payload: { inputs: { request } } });
    if (result.kind === 'not-a-request') throw new Error('expected a request');
    expect(validateParsedRequest(result)).toMatchObject({
      ok: true,
      payload: { execution_request: { task_type: 'testing', task_name: 'Contract tests' } },
    });
  });

  it('reports a malformed `request` input with its position', () => {
    const result = parseDispatch({
      name: 'workflow_dispatch',
      payload: { inputs: { request: '{"execution_request": {' } },
    });
    expect(result).toMatchObject({
      kind: 'rejected',
      errors: [{ field: 'inputs.request', message: expect.stringMatching(/line 1, column 24/) }],
    });
  });

  it('builds the payload from individual inputs, skipping the empty ones GitHub sends for unset inputs', () => {
    const inputs = {
      task_type: 'Application',
      task_name: 'Orders API',
      execution_mode: 'guided',
      target_environment: 'staging',
      description: '',
      deployment_strategy: 'none',
      user_stories: 'As a customer I can place an order\n\n- As a customer I can track my order\n',
    };
    const result = parseDispatch({ name: 'workflow_dispatch', payload: { inputs } });
    expect(result).toMatchObject({
      kind: 'parsed',
      candidate: {
        execution_request: {
          task_type: 'application',
          task_name: 'Orders API',
          execution_mode: 'guided',
          target_environment: 'staging',
        },
        support_artifacts: {
          user_stories: ['As a customer I can place an order', 'As a customer I can track my order'],
        },
      },
    });
    expect(result.kind === 'parsed' ? Object.keys(result.candidate as object) : []).toEqual([
      'execution_request',
      'support_artifacts',
    ]);
  });

  it('is not a request when none of the request inputs were given', () => {
    expect(parseDispatch({ name: 'workflow_dispatch', payload: { inputs: { mode: 'deploy' } } }).kind).toBe(
      'not-a-request',
    );
    expect(parseDispatch({ name: 'workflow_dispatch', payload: {} }).kind).toBe('not-a-request');
  });

  it('rejects an oversized request input before parsing it', () => {
    const request = JSON.stringify({ ...PAYLOAD, padding: 'x'.repeat(70_000) });
    expect(parseDispatch({ name: 'workflow_dispatch', payload: { inputs: { request } } })).toMatchObject({
      kind: 'rejected',
      errors: [{ field: 'inputs.request', message: expect.stringContaining('limit') }],
    });
  });
});

describe('parseDispatch: repository_dispatch', () => {
  it('takes client_payload as the payload for the implementation-request event type', () => {
    const result = parseDispatch({
      name: 'repository_dispatch',
      payload: { action: 'implementation-request', client_payload: PAYLOAD },
    });
    expect(result).toMatchObject({ kind: 'parsed', channel: 'repository_dispatch', candidate: PAYLOAD });
  });

  it('also accepts client_payload.request, as an object or as text', () => {
    for (const request of [PAYLOAD, JSON.stringify(PAYLOAD)]) {
      const result = parseDispatch({
        name: 'repository_dispatch',
        payload: { action: 'implementation-request', client_payload: { request } },
      });
      expect(result).toMatchObject({ kind: 'parsed', candidate: PAYLOAD });
    }
  });

  it('reports every missing field when client_payload is absent', () => {
    const result = parseDispatch({
      name: 'repository_dispatch',
      payload: { action: 'implementation-request' },
    });
    if (result.kind === 'not-a-request') throw new Error('expected a request');
    const validation = validateParsedRequest(result);
    expect(validation.ok ? [] : validation.errors.map((error) => error.field)).toHaveLength(4);
  });

  it('rejects an oversized client_payload', () => {
    const result = parseDispatch({
      name: 'repository_dispatch',
      payload: {
        action: 'implementation-request',
        client_payload: { ...PAYLOAD, padding: 'x'.repeat(70_000) },
      },
    });
    expect(result).toMatchObject({ kind: 'rejected', errors: [{ field: 'client_payload' }] });
  });

  it('is not a request for other event types or other events', () => {
    expect(
      parseDispatch({ name: 'repository_dispatch', payload: { action: 'deploy', client_payload: PAYLOAD } })
        .kind,
    ).toBe('not-a-request');
    expect(parseDispatch({ name: 'push', payload: { ref: 'refs/heads/main' } }).kind).toBe('not-a-request');
  });
});
