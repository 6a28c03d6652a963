import { secretLintProfiler } from '@secretlint/profiler';

/** The part of the profiler this module replaces; TypeScript declares it private. */
interface ProfilerTimeline {
  perf: { mark(name: string): void; measure(name: string, start: string, end: string): void };
}

/**
 * secretlint 11.x profiles every scan whether or not anyone reads the profile (secretlint/secretlint
 * #1633 and #1653; fixed in 13.x, which needs Node 22). Two effects matter to a long-running server:
 * - each scan adds about 36 marks to Node's global performance timeline, never cleared: a leak;
 * - its observer, started when the module loads, answers any `<name>::end` mark in the process by
 *   measuring from `<name>::start` inside an unhandled promise, so a mark without its start, or
 *   `performance.clearMarks()` anywhere, crashes the process.
 * Its timeline is swapped for one that records nothing, so neither can happen. Idempotent.
 */
export function silenceSecretlintProfiler(): void {
  // The one cast: the field is private in the typings but is what every mark and measure goes through.
  (secretLintProfiler as unknown as ProfilerTimeline).perf = {
    mark: () => undefined,
    measure: () => undefined,
  };
}
