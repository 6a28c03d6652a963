import { anyOf } from './capability.js';
import type { Capability } from './capability.js';

const VIEW_WORDS = [
  'see',
  'view',
  'watch',
  'look',
  'show',
  'shows',
  'visualise',
  'visualize',
  'graph',
  'chart',
];
const MEASURE_WORDS = [
  'latency',
  'latencies',
  'duration',
  'durations',
  'trend',
  'trends',
  'history',
  'metrics',
];

/**
 * A view a person asks for (`I can see the latency of each check on a dashboard`): no blueprint
 * generates a dashboard, and an alarm or a timeout on the same measure is not a view of it. The
 * pairs (`see` + `latency`) are more specific than a capability asked by the measure alone, so a
 * story asking to look at a measure is answered by this, not by what acts on it. `emitted` says
 * which metrics exist to put on one.
 */
export function dashboardNotGenerated(emitted: string): Capability {
  return {
    when: [
      ...anyOf('dashboard', 'dashboards', 'grafana'),
      ...VIEW_WORDS.flatMap((view) => MEASURE_WORDS.map((measure) => [view, measure])),
      ...MEASURE_WORDS.map((measure) => ['dashboard', measure]),
    ],
    implementedBy: '',
    tests: [],
    resources: [],
    notGenerated: `no dashboard or view is generated (no AWS::CloudWatch::Dashboard): ${emitted}; add a dashboard to template.yaml to see them`,
  };
}
