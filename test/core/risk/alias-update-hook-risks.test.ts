import { describe, expect, it } from '@jest/globals';
import { reasonsOf } from './risk-of.js';

// A Lambda alias's UpdatePolicy.CodeDeployLambdaAliasUpdate (what SAM's DeploymentPreference makes)
// has CodeDeploy invoke hook functions on every deploy: a hook this template does not make is code
// the change does not hold. The blueprints' traffic shifting uses only resources of the template.

const ROLE_ARN = { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/worker' };
const fn = {
  Type: 'AWS::Lambda::Function',
  Properties: { Runtime: 'nodejs22.x', Handler: 'i.h', Role: ROLE_ARN, Code: { ZipFile: 'x' } },
};
const body = (update: unknown) => ({
  Resources: {
    Fn: fn,
    Hook: fn,
    App: { Type: 'AWS::CodeDeploy::Application', Properties: { ComputePlatform: 'Lambda' } },
    Group: {
      Type: 'AWS::CodeDeploy::DeploymentGroup',
      Properties: { ApplicationName: { Ref: 'App' }, ServiceRoleArn: ROLE_ARN },
    },
    Version: {
      Type: 'AWS::Lambda::Version',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { FunctionName: { Ref: 'Fn' } },
    },
    Alias: {
      Type: 'AWS::Lambda::Alias',
      UpdatePolicy: { CodeDeployLambdaAliasUpdate: update },
      Properties: {
        FunctionName: { Ref: 'Fn' },
        FunctionVersion: { 'Fn::GetAtt': ['Version', 'Version'] },
        Name: 'live',
      },
    },
  },
});
const aliasReasons = (update: unknown) =>
  reasonsOf(body(update)).filter((reason) => reason.includes('Resources.Alias'));
const OWN = { ApplicationName: { Ref: 'App' }, DeploymentGroupName: { Ref: 'Group' } };

describe('CodeDeployLambdaAliasUpdate', () => {
  it('an application, group and hooks of this template add nothing', () => {
    expect(
      aliasReasons({
        ...OWN,
        BeforeAllowTrafficHook: { Ref: 'Hook' },
        AfterAllowTrafficHook: { Ref: 'Hook' },
      }),
    ).toEqual([]);
  });

  it.each([
    [
      'a hook function by name',
      { ...OWN, BeforeAllowTrafficHook: 'ops-approval-hook' },
      'BeforeAllowTrafficHook',
    ],
    [
      'a hook from a parameter',
      { ...OWN, AfterAllowTrafficHook: { 'Fn::ImportValue': 'Hook' } },
      'AfterAllowTrafficHook',
    ],
    [
      'an existing deployment group',
      { ApplicationName: { Ref: 'App' }, DeploymentGroupName: 'shared-group' },
      'DeploymentGroupName',
    ],
    ['an unknown key', { ...OWN, Extra: 1 }, 'Extra'],
  ])('%s is unseen-effect at that key', (_name, update, key) => {
    expect(aliasReasons(update)).toEqual([
      `unseen-effect Resources.Alias.UpdatePolicy.CodeDeployLambdaAliasUpdate.${key}`,
    ]);
  });

  it('a computed alias update is unseen-effect as a whole', () => {
    expect(aliasReasons({ 'Fn::ImportValue': 'AliasUpdate' })).toEqual([
      'unseen-effect Resources.Alias.UpdatePolicy.CodeDeployLambdaAliasUpdate',
    ]);
  });
});
