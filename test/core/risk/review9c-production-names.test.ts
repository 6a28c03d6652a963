import { agentConfigSchema } from '../../../src/core/config/agent-config.js';
import { isProductionEnvironment } from '../../../src/core/risk/is-production-environment.js';
import { isProductionName } from '../../../src/core/config/is-production-name.js';
import { isProduction } from '../../../src/generation/offline/cfn/standard-parameters.js';

// Review #9c: hybrid escalates a production target to guided (DESIGN §4). The offline generator
// calls every environment starting with `prod` production (`isProduction`: 365-day log retention,
// DynamoDB deletion protection), but the classifier's `isProductionEnvironment` (like the config's
// default `requires_approval` and the deployment's `production_environment`) only knows `prod`
// and `production`. A hybrid request for `prod-eu` gets production-shaped resources, is judged
// low risk and is auto-merged and deployed there on merge with no one's approval.

const config = agentConfigSchema.parse({ environments: { staging: {}, 'prod-eu': {}, 'production-us': {} } });

describe('review #9c attacks: which targets are production', () => {
  it('control: the generator builds prod-eu and production-us as production', () => {
    expect(isProduction('prod-eu')).toBe(true);
    expect(isProduction('production-us')).toBe(true);
  });

  it.each(['prod-eu', 'production-us'])(
    'FAULT: %s, which the generator builds as production, is a production target for the risk classifier',
    (name) => {
      expect(isProductionEnvironment({ name, config })).toBe(true);
    },
  );

  it.each([
    'prod',
    'PROD',
    'production',
    'prod-eu',
    'prod_eu',
    'prod-eu-west-1',
    'prod2',
    'Production-US',
    'prd',
    'PRD-EU',
    'live',
    'live-us',
    'us-prod',
    'eu_production',
    'eu-west-1-prod',
    'aws_prd',
    'prd2',
    'customer-live',
  ])('%s is production for the name rule, the classifier, the generator and the config defaults', (name) => {
    const listed = agentConfigSchema.parse({ environments: { [name]: {} } });
    expect(isProductionName(name)).toBe(true);
    expect(isProduction(name)).toBe(true);
    expect(isProductionEnvironment({ name, config: listed })).toBe(true);
    expect(listed.environments[name]?.requires_approval).toBe(true);
  });

  // GitHub compares environment names without regard to case, so `PRODucts` and `products` are one
  // environment: a production word inside a longer word counts (attacker 9n; was "not production").
  it.each(['products', 'prodigy', 'delivery', 'liveness', 'olive'])(
    '%s holds a production word, so it is production everywhere (the safe side)',
    (name) => {
      const listed = agentConfigSchema.parse({ environments: { [name]: {} } });
      expect(isProductionName(name)).toBe(true);
      expect(isProduction(name)).toBe(true);
      expect(isProductionEnvironment({ name, config: listed })).toBe(true);
      expect(listed.environments[name]?.requires_approval).toBe(true);
    },
  );

  it.each(['staging', 'preprod', 'dev-prod', 'pre-prod', 'non-prod', 'nonprod', 'qa-live', 'develop'])(
    '%s is not production anywhere (unless its config asks for approval)',
    (name) => {
      const listed = agentConfigSchema.parse({ environments: { [name]: {} } });
      expect(isProductionName(name)).toBe(false);
      expect(isProduction(name)).toBe(false);
      expect(isProductionEnvironment({ name, config: listed })).toBe(false);
      expect(listed.environments[name]?.requires_approval).toBe(false);
    },
  );
});
