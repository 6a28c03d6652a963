import type { Stack } from '@aws-sdk/client-cloudformation';

/** A stack's Outputs as key → value; outputs without a value (a failed GetAtt) are left out. */
export function stackOutputs(stack: Stack): Record<string, string> {
  return Object.fromEntries(
    (stack.Outputs ?? []).flatMap((output) =>
      output.OutputKey !== undefined && output.OutputValue !== undefined
        ? [[output.OutputKey, output.OutputValue] as const]
        : [],
    ),
  );
}
