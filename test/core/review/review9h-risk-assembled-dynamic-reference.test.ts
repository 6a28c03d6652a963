// Review #9h attacker pass (fresh eyes), the risk classifier's dynamic-reference rule
// (src/core/risk/dynamic-reference-risks.ts: a `{{resolve:secretsmanager|ssm-secure|ssm:…}}` in a
// readable property is `data-egress`, the secret copied where whoever reads the resource reads it).
// The rule matches each literal string of the template on its own; CloudFormation resolves dynamic
// references in the value a property ends up with, after `Fn::Join` / `Fn::Sub` made it (the AWS
// CloudFormation User Guide's own RDS example builds one with `!Join ['', ['{{resolve:secretsmanager:',
// !Ref MySecret, ':SecretString:password}}']]`). Split the marker across the pieces of a join, or
// put the service name in a `Fn::Sub` variable, and the production database password is copied into a
// plain `String` parameter (readable by anyone with `ssm:GetParameter`) while the change is called low
// risk: hybrid mode auto-merges and deploys it.
//
// The FAULT cases were `it.failing` until the classifier assembled Fn::Join / Fn::Sub values
// (find-dynamic-references.ts). Held (ordinary tests): the written-out reference; a join whose first piece holds the whole
// `{{resolve:secretsmanager:` prefix (the AWS example's shape).

import { riskOf, reasonsOf } from '../risk/risk-of.js';

const PASSWORD = 'prod/db:SecretString:password';

/** A plain `String` SSM parameter whose value is `value`: readable by anyone who may read parameters. */
const copiedInto = (value: unknown) => ({
  Resources: {
    Copy: {
      Type: 'AWS::SSM::Parameter',
      Properties: { Name: '/orders/db-copy', Type: 'String', Value: value },
    },
  },
});

/** A `data-egress` reason at the parameter's `Value` (or a piece of it). */
const egressAtValue = (value: unknown) =>
  reasonsOf(copiedInto(value)).some((reason) =>
    reason.startsWith('data-egress Resources.Copy.Properties.Value'),
  );

describe('risk: a dynamic reference to a secret assembled by an intrinsic function', () => {
  it.each([
    [
      'a Fn::Join splitting `{{resolve:` from the service name',
      { 'Fn::Join': ['', ['{{resolve:', `secretsmanager:${PASSWORD}}}`]] },
    ],
    [
      'a Fn::Join whose delimiter is the service name',
      { 'Fn::Join': ['secretsmanager', ['{{resolve:', `:${PASSWORD}}}`]] },
    ],
    [
      'a Fn::Sub whose variable is the service name',
      { 'Fn::Sub': [`{{resolve:\${Kind}:${PASSWORD}}}`, { Kind: 'secretsmanager' }] },
    ],
    [
      'a Fn::Join splitting ssm-secure',
      { 'Fn::Join': ['', ['{{resolve:ssm-', 'secure:/prod/db/password}}']] },
    ],
  ])('FAULT: secret copied into a readable value through %s must be data-egress (high)', (_how, value) => {
    expect(egressAtValue(value)).toBe(true);
    expect(riskOf(copiedInto(value)).level).toBe('high');
  });

  it('held: the written-out reference is data-egress', () => {
    expect(reasonsOf(copiedInto(`{{resolve:secretsmanager:${PASSWORD}}}`))).toContain(
      'data-egress Resources.Copy.Properties.Value',
    );
  });

  it("held: a join whose first piece holds the whole prefix (the AWS example's shape) is data-egress", () => {
    const value = { 'Fn::Join': ['', ['{{resolve:secretsmanager:', 'prod/db', ':SecretString:password}}']] };
    expect(egressAtValue(value)).toBe(true);
  });
});
