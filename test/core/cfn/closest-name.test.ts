import { closestName } from '../../../src/core/cfn/closest-name.js';

describe('closestName', () => {
  it('prefers a case-only difference, then the fewest edits within two', () => {
    expect(closestName('ordersrole', ['OrdersTable', 'OrdersRole'])).toBe('OrdersRole');
    expect(closestName('OrderRole', ['OrdersRole', 'OrdersRule1'])).toBe('OrdersRole');
  });

  it('suggests nothing when every candidate is far away', () => {
    expect(closestName('Bucket', ['OrdersTable', 'OrdersRole'])).toBeUndefined();
  });
});
