import type { ArtifactBundle } from '../bundle/artifact-bundle.js';
import type { GateFinding, GatePolicy } from './gate-report.js';
import { utf8ByteLength } from './utf8-byte-length.js';

/** File count, per-file size and total size in UTF-8 bytes; an empty bundle is never a valid change. */
export function checkLimits(bundle: ArtifactBundle, policy: GatePolicy): GateFinding[] {
  const findings: GateFinding[] = [];
  if (bundle.files.length === 0) {
    findings.push({ gate: 'limits', message: 'the bundle has no files; a change needs at least one' });
  }
  if (bundle.files.length > policy.maxFiles) {
    findings.push({
      gate: 'limits',
      message: `${count(bundle.files.length)} files is over the limit of ${count(policy.maxFiles)}`,
    });
  }
  let total = 0;
  for (const file of bundle.files) {
    const bytes = utf8ByteLength(file.content);
    total += bytes;
    if (bytes > policy.maxFileBytes) {
      findings.push({
        gate: 'limits',
        path: file.path,
        message: `${count(bytes)} bytes is over the per-file limit of ${count(policy.maxFileBytes)} bytes`,
      });
    }
  }
  if (total > policy.maxTotalBytes) {
    findings.push({
      gate: 'limits',
      message: `${count(total)} bytes in all is over the total limit of ${count(policy.maxTotalBytes)} bytes`,
    });
  }
  return findings;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
