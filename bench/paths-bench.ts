import { performance } from 'node:perf_hooks';
import type { ArtifactBundle } from '../src/core/bundle/artifact-bundle.js';
import { DEFAULT_CONFIG } from '../src/core/config/agent-config.js';
import { checkPaths } from '../src/core/gates/check-paths.js';
import { gatePolicyFrom } from '../src/core/gates/gate-policy.js';

export interface PathsBench {
  readonly files: number;
  readonly medianMs: number;
}

const SIZES = [5_000, 10_000] as const;
const RUNS = 9;

/** `count` files spread over nested directories, with non-ASCII names: what the collision checks walk. */
function bundleOf(count: number): ArtifactBundle {
  const files = Array.from({ length: count }, (_, i) => ({
    path: `src/module-${i % 97}/caf\u00e9-${i % 13}/handler-${i}.ts`,
    content: '',
    role: 'source' as const,
  }));
  return { summary: '', plan: [], riskNotes: [], files };
}

/**
 * The paths gate alone over 5,000 and 10,000 files: the rule set per path plus the collision and
 * file/directory checks over the whole bundle. Both sizes are warmed up, then timed in turn (median of
 * 9 each), so JIT warm-up and a busy machine weigh on both alike. Linear code doubles its time when the
 * files double (ratio ≈ 2); the nested scan it replaced quadrupled it.
 */
export function benchPaths(): { runs: PathsBench[]; ratio: number } {
  const policy = gatePolicyFrom(DEFAULT_CONFIG);
  const bundles = SIZES.map(bundleOf);
  for (const bundle of bundles) {
    if (checkPaths(bundle, policy).length > 0) throw new Error('the bench bundle should pass the paths gate');
    for (let warmUp = 0; warmUp < 3; warmUp++) checkPaths(bundle, policy);
  }
  const times = bundles.map((): number[] => []);
  for (let run = 0; run < RUNS; run++) {
    for (const [index, bundle] of bundles.entries()) {
      const start = performance.now();
      checkPaths(bundle, policy);
      times[index]!.push(performance.now() - start);
    }
  }
  const runs = SIZES.map((files, index) => ({ files, medianMs: median(times[index]!) }));
  return { runs, ratio: runs[1]!.medianMs / runs[0]!.medianMs };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
