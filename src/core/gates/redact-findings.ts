import { redactSecrets } from '../secrets/redact-secrets.js';
import type { GateFinding } from './gate-report.js';

/**
 * The findings with any secret in their messages and paths redacted. Gates other than the secret
 * gate quote the text they check (a YAML error shows its line, a model answer is quoted when it
 * did not call the tool), and findings go back to the model and into comments, logs and files.
 */
export async function redactFindings(findings: readonly GateFinding[]): Promise<GateFinding[]> {
  const redacted: GateFinding[] = [];
  for (const finding of findings) {
    const message = await redactSecrets(finding.message);
    redacted.push(
      finding.path === undefined
        ? { ...finding, message }
        : { ...finding, message, path: await redactSecrets(finding.path) },
    );
  }
  return redacted;
}
