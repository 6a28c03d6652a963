/** A clock that moves only when the code under test sleeps: no real waiting, no timed assertions. */
export function virtualClock(start = Date.parse('2024-05-01T10:00:00.000Z')) {
  let current = start;
  const sleeps: number[] = [];
  return {
    now: () => current,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      current += ms;
    },
    sleeps,
    elapsed: () => current - start,
  };
}

export function collectLog() {
  const lines: string[] = [];
  return { lines, log: (line: string) => void lines.push(line) };
}
