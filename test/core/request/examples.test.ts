import { readdirSync, readFileSync } from 'node:fs';
import { TASK_TYPES } from '../../../src/core/request/execution-request.js';
import { validateRequest } from '../../../src/core/request/validate-request.js';

const examplesFolder = new URL('../../../examples/', import.meta.url);
const requestFiles = readdirSync(examplesFolder).filter((name) => name.endsWith('.request.json'));

function load(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, examplesFolder), 'utf8'));
}

describe('examples/*.request.json', () => {
  it.each(requestFiles)('%s is a valid request', (name) => {
    expect(validateRequest(load(name), 'file')).toMatchObject({ ok: true });
  });

  it('cover every task type, with the orders API as an application request with user stories', () => {
    const taskTypes = requestFiles
      .map((name) => validateRequest(load(name), 'file'))
      .flatMap((result) => (result.ok ? [result.payload.execution_request.task_type] : []));
    expect(new Set(taskTypes)).toEqual(new Set(TASK_TYPES));
    const orders = validateRequest(load('orders-api.request.json'), 'file');
    expect(orders.ok && orders.payload.execution_request.task_type).toBe('application');
    expect(orders.ok ? orders.payload.support_artifacts?.user_stories?.length : 0).toBeGreaterThan(0);
  });
});
