import { findFailingResource } from '../../../src/aws/cloudformation/find-failing-resource.js';
import { stackEvent, stackItself } from './helpers/cloudformation-fixtures.js';

describe('findFailingResource', () => {
  it('names the resource that failed first, not the ones CloudFormation cancelled because of it', () => {
    const events = [
      stackItself('UPDATE_IN_PROGRESS', 0, 'User Initiated'),
      stackEvent({
        logicalId: 'OrdersQueue',
        resourceType: 'AWS::SQS::Queue',
        status: 'UPDATE_FAILED',
        second: 4,
        reason: 'Resource update cancelled',
      }),
      stackEvent({
        logicalId: 'OrdersFunction',
        resourceType: 'AWS::Lambda::Function',
        status: 'UPDATE_FAILED',
        second: 5,
        reason: 'Resource handler returned message: "Uploaded file must be a non-empty zip"',
      }),
      stackItself(
        'UPDATE_ROLLBACK_IN_PROGRESS',
        6,
        'The following resource(s) failed to update: [OrdersFunction].',
      ),
    ];
    expect(findFailingResource(events)).toEqual({
      logicalId: 'OrdersFunction',
      resourceType: 'AWS::Lambda::Function',
      status: 'UPDATE_FAILED',
      reason: 'Resource handler returned message: "Uploaded file must be a non-empty zip"',
    });
  });

  it("falls back to the stack's own failure when no resource gives a reason", () => {
    const events = [stackItself('UPDATE_FAILED', 3, 'Parameter validation failed')];
    expect(findFailingResource(events)?.reason).toBe('Parameter validation failed');
  });

  it('finds nothing when nothing failed', () => {
    expect(findFailingResource([stackItself('UPDATE_COMPLETE', 9)])).toBeUndefined();
  });
});
