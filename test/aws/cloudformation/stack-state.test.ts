import { classifyStackStatus } from '../../../src/aws/cloudformation/stack-state.js';

describe('classifyStackStatus', () => {
  it.each([
    [undefined, 'does-not-exist'],
    ['DELETE_COMPLETE', 'does-not-exist'],
    ['REVIEW_IN_PROGRESS', 'in-review'],
    ['CREATE_IN_PROGRESS', 'in-progress'],
    ['UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'in-progress'],
    ['UPDATE_ROLLBACK_IN_PROGRESS', 'in-progress'],
    ['DELETE_IN_PROGRESS', 'in-progress'],
    ['CREATE_COMPLETE', 'succeeded'],
    ['UPDATE_COMPLETE', 'succeeded'],
    ['IMPORT_COMPLETE', 'succeeded'],
    ['UPDATE_ROLLBACK_COMPLETE', 'failed'],
    ['IMPORT_ROLLBACK_COMPLETE', 'failed'],
    ['ROLLBACK_COMPLETE', 'needs-recreate'],
    ['ROLLBACK_FAILED', 'needs-operator'],
    ['UPDATE_ROLLBACK_FAILED', 'needs-operator'],
    ['DELETE_FAILED', 'needs-operator'],
    ['CREATE_FAILED', 'needs-operator'],
  ] as const)('%s is %s', (status, state) => {
    expect(classifyStackStatus(status)).toBe(state);
  });

  it('keeps polling through a status it does not know yet', () => {
    expect(classifyStackStatus('SOMETHING_NEW_IN_PROGRESS')).toBe('in-progress');
  });
});
