// Attacker pass 9n (test-only) on the stack's existing resources (src/core/risk/base-stack-resources.ts)
// as the pipeline reads them (src/pipeline/risk/read-reviewed-base.ts). baseStackResources treats
// every base file that is not a lockfile or manifest as a template, so an unreadable TypeScript
// configuration makes the whole base unknown; with an unknown base, dataExpiryRisks judges only the
// settings the change writes, never one it removes. readReviewedBase marks every tsconfig.json past
// 32 as unreadable, whether or not the base has it, and the change decides how many folders it
// has: 34 small templates in their own folders make the base unknown, and the change's removal of
// a table's point-in-time recovery (which deletes its continuous backups) is then low.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { readReviewedBase } from '../../../src/pipeline/risk/read-reviewed-base.js';

const TEMPLATE = 'infra/template.json';
const TABLE = {
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  BillingMode: 'PAY_PER_REQUEST',
};
const table = (properties: Record<string, unknown>) =>
  JSON.stringify({
    Resources: {
      Data: {
        Type: 'AWS::DynamoDB::Table',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: properties,
      },
    },
  });
const BASE_TABLE = table({
  ...TABLE,
  PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
});
const HEAD_TABLE = table(TABLE);
const QUEUE = JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: {} } } });

const classify = (
  files: { path: string; content: string }[],
  base: Parameters<typeof classifyRisk>[0]['base'],
) =>
  classifyRisk({
    files: files.map((file) => ({ ...file, role: 'template' as const })),
    templatePath: TEMPLATE,
    targetEnvironment: 'staging',
    production: false,
    ...(base === undefined ? {} : { base }),
  });

describe('attacker 9n: the base made unknown by files that are not templates', () => {
  it('control: point-in-time recovery removed from a table of the base is high', () => {
    const risk = classify(
      [{ path: TEMPLATE, content: HEAD_TABLE }],
      [{ path: TEMPLATE, content: BASE_TABLE }],
    );
    expect(risk.reasons.map((reason) => reason.code)).toEqual(['data-expiry']);
  });

  it('FAULT: an unreadable base tsconfig.json (no template) hides the removal of point-in-time recovery', () => {
    const risk = classify(
      [{ path: TEMPLATE, content: HEAD_TABLE }],
      [
        { path: TEMPLATE, content: BASE_TABLE },
        { path: 'infra/tsconfig.json', unreadable: 'more than 32 TypeScript configurations to read' },
      ],
    );
    expect(risk.level).toBe('high');
  });

  it('FAULT: 34 queue templates in folders of their own, read as the pipeline reads the base, hide the removal', async () => {
    const files = [
      { path: TEMPLATE, content: HEAD_TABLE },
      ...Array.from({ length: 34 }, (_, index) => ({
        path: `infra/queues/q${index}/stack.json`,
        content: QUEUE,
      })),
    ];
    const repository: Record<string, string> = { [TEMPLATE]: BASE_TABLE };
    const base = await readReviewedBase({
      paths: files.map((file) => file.path),
      files,
      read: async (path) => repository[path],
      templatePath: TEMPLATE,
    });
    expect(classify(files, base).level).toBe('high');
  });

  it('refused: an unreadable base lockfile leaves the base known (the removal is high)', () => {
    const risk = classify(
      [{ path: TEMPLATE, content: HEAD_TABLE }],
      [
        { path: TEMPLATE, content: BASE_TABLE },
        { path: 'package-lock.json', unreadable: 'too large' },
      ],
    );
    expect(risk.level).toBe('high');
  });
});
