import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ACTION_INPUTS, ACTION_OUTPUTS } from '../../../src/entry/action/action-io.js';

const root = new URL('../../../', import.meta.url);
const actionYml = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

describe('action.yml matches the inputs and outputs the code declares', () => {
  it('declares exactly the inputs the runner reads, with the same descriptions', () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual(Object.keys(ACTION_INPUTS).sort());
    for (const [name, description] of Object.entries(ACTION_INPUTS)) {
      expect(actionYml.inputs[name]?.description).toBe(description);
    }
    expect(actionYml.inputs.token?.default).toBe('${{ github.token }}');
    expect(actionYml.inputs.mode?.default).toBe('implement');
  });

  it('declares exactly the outputs the runner sets, with the same descriptions', () => {
    expect(Object.keys(actionYml.outputs).sort()).toEqual(Object.keys(ACTION_OUTPUTS).sort());
    for (const [name, description] of Object.entries(ACTION_OUTPUTS)) {
      expect(actionYml.outputs[name]?.description).toBe(description);
    }
  });

  it('runs the committed bundle on node24', () => {
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(existsSync(new URL('dist/index.js', root))).toBe(true);
  });
});

describe('the example workflow', () => {
  const workflow = parse(
    readFileSync(new URL('.github/workflows/implementation-agent.yml', root), 'utf8'),
  ) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
  };

  it('triggers on every event the Action handles', () => {
    expect(Object.keys(workflow.on).sort()).toEqual([
      'issue_comment',
      'issues',
      'repository_dispatch',
      'workflow_dispatch',
    ]);
  });

  it('grants the permissions the pipeline needs, and no more', () => {
    expect(workflow.permissions).toEqual({
      contents: 'write',
      issues: 'write',
      'pull-requests': 'write',
      checks: 'write',
      'id-token': 'write',
    });
  });
});
