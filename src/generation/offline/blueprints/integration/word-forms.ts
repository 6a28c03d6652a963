/** `succeed` → succeed, succeeds, succeeded, succeeding, plus the irregular forms given. */
export function forms(base: string, ...irregular: string[]): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  return [base, `${base}s`, `${stem}ed`, `${stem}ing`, ...irregular];
}
