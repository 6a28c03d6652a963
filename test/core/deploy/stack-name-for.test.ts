import { stackNameFor } from '../../../src/core/deploy/stack-name-for.js';

describe('stackNameFor', () => {
  it.each([
    [{ branch: 'implementation/12-orders-api', environment: 'staging' }, 'orders-api-staging'],
    [{ branch: 'implementation/local-orders-api', environment: 'dev' }, 'orders-api-dev'],
    [{ branch: 'implementation/3-2fa-service', environment: 'prod' }, 'fa-service-prod'],
    [{ branch: 'feature/x_y', environment: 'qa' }, 'feature-x-y-qa'],
    [
      { branch: 'implementation/1-orders', environment: 'production', configured: 'OrdersProd' },
      'OrdersProd',
    ],
  ])('%j → %s', (params, expected) => {
    const name = stackNameFor(params);
    expect(name).toBe(expected);
    expect(name).toMatch(/^[A-Za-z][A-Za-z0-9-]{0,127}$/);
  });
});
