import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import { checkCoverage } from '../../../src/core/bundle/check-coverage.js';
import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';

const ROW: RequirementCoverage = {
  source: { kind: 'story', number: 1 },
  text: 'As a customer I can place an order',
  status: 'covered',
  implementedBy: 'POST /orders creates an order',
  tests: [{ path: 'svc/test/app.test.ts', title: 'story 1 place order' }],
  resources: ['RoutePostOrders'],
  gaps: [],
};

function bundle(
  rows: readonly RequirementCoverage[],
  testFile = "it('story 1 place order', async () => {});",
): ArtifactBundle {
  return {
    summary: 's',
    plan: [],
    riskNotes: [],
    templatePath: 'svc/template.yaml',
    files: [
      {
        path: 'svc/template.yaml',
        role: 'template',
        content: 'Resources:\n  RoutePostOrders:\n    Type: AWS::ApiGatewayV2::Route\n',
      },
      { path: 'svc/test/app.test.ts', role: 'test', content: testFile },
    ],
    coverage: rows,
  };
}

describe('checkCoverage', () => {
  it('keeps a claim whose test is declared in its file and whose resource is in the template', () => {
    expect(checkCoverage(bundle([ROW]))).toEqual([ROW]);
  });

  it('demotes a claim whose test is missing, and drops it to not covered when no evidence holds', () => {
    const [partial] = checkCoverage(
      bundle([{ ...ROW, tests: [...ROW.tests, { path: 'svc/test/app.test.ts', title: 'story 1 other' }] }]),
    );
    expect(partial).toMatchObject({
      status: 'partial',
      gaps: ['claimed test "story 1 other" is not in svc/test/app.test.ts'],
    });
    const [none] = checkCoverage(bundle([ROW], "it('something else', () => {});\n// story 1 place order"));
    expect(none).toMatchObject({ status: 'partial' });
    const [gone] = checkCoverage(bundle([{ ...ROW, resources: ['Missing'] }], ''));
    expect(gone).toMatchObject({
      status: 'not_covered',
      gaps: expect.arrayContaining(['claimed resource Missing is not in the template']),
    });
  });

  it('never counts a story or sentence as covered without a test, but a setting may rest on resources alone', () => {
    expect(checkCoverage(bundle([{ ...ROW, tests: [] }]))[0]).toMatchObject({
      status: 'partial',
      gaps: ['no generated test proves it'],
    });
    const setting: RequirementCoverage = {
      ...ROW,
      source: { kind: 'setting', name: 'deployment_strategy' },
      text: 'canary',
      tests: [],
    };
    expect(checkCoverage(bundle([setting]))).toEqual([setting]);
  });

  it('reports nothing when the provider reported nothing', () => {
    const { coverage: _coverage, ...unreported } = bundle([]);
    expect(checkCoverage(unreported)).toEqual([]);
  });
});
