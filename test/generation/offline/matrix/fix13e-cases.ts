import { requestFor } from '../offline-test-requests.js';
import { TABLE_SETTINGS } from '../../../../src/generation/offline/blueprints/application/application-test-titles.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Issue #11 fix 13e: a list filtered by a field with listed values (`list samples by type`, the type
 * blood, urine or tissue; `list incidents by severity`, sev1 to sev3). The generated filter test must
 * create items the model accepts (listed values), so it fails when the filter is not applied: the
 * mutants drop the type and the severity from the list's where, and must fail the story test. The
 * template test of the items table must fail with point-in-time recovery removed from the template.
 */
const SAMPLES = requestFor({
  taskType: 'application',
  taskName: 'Lab samples',
  description:
    'A sample tracking API for the pathology lab. Each sample has a barcode, a collection time and a type (blood, urine or tissue). Samples are received, testing, reported or disposed.',
  stories: [
    'As a lab technician I can register a sample',
    'As a lab manager I can list samples received between two dates',
    'As a lab manager I can list samples by type',
  ],
});

const INCIDENTS = requestFor({
  taskType: 'application',
  taskName: 'Incident queue',
  description:
    'Each incident has a title and a severity (sev1, sev2 or sev3). Incidents are open or resolved.',
  stories: [
    'As an engineer I can open an incident',
    'As an engineer I can list incidents by severity',
    'As an engineer I can resolve an incident',
  ],
});

/** The list's where keeps every filter but the one named: that filter is read, and not applied. */
const notApplied = (field: string) => ({
  file: 'src/app.ts',
  find: 'else where[field] = value;',
  replace: `else if (field !== '${field}') where[field] = value;`,
});

export function fix13eCases(): MatrixCase[] {
  return [
    { id: 'application-listed-value-filter', request: SAMPLES },
    { id: 'application-listed-severity-filter', request: INCIDENTS },
    {
      id: 'mutant-listed-value-filter-not-applied',
      request: SAMPLES,
      mutation: { ...notApplied('type'), breaks: ['story 3 list samples'] },
    },
    {
      // The repository tests pass whatever the template says: the template test must not.
      id: 'mutant-table-without-recovery',
      request: INCIDENTS,
      mutation: {
        file: 'template.yaml',
        find: '      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true\n',
        replace: '',
        breaks: [TABLE_SETTINGS],
      },
    },
    {
      id: 'mutant-listed-severity-filter-not-applied',
      request: INCIDENTS,
      mutation: { ...notApplied('severity'), breaks: ['story 2 list incidents'] },
    },
  ];
}
