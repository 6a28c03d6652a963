import { describe, expect, it } from '@jest/globals';
import { parseAgentConfig } from '../../../src/core/config/parse-agent-config.js';
import { stackParametersOf } from '../../../src/core/risk/stack-parameters-of.js';

describe('stackParametersOf', () => {
  it("gives the named environment's parameters as text, whatever the case of its name", () => {
    const parsed = parseAgentConfig(
      'environments:\n  Staging:\n    parameters:\n      Image: /team/ami\n      Size: 3\n',
    );
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    expect(stackParametersOf(parsed.config, 'staging')).toEqual({
      stackParameters: { Image: '/team/ami', Size: '3' },
    });
  });

  it('gives nothing for an environment the configuration does not name', () => {
    const parsed = parseAgentConfig('environments:\n  staging: {}\n');
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    expect(stackParametersOf(parsed.config, 'prod')).toEqual({});
  });
});
