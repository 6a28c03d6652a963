/** `leaveRequest` → `leave request`: a camelCase resource name as a sentence says it. */
export function spokenName(name: string): string {
  return name.replace(/(?=[A-Z])/g, ' ').toLowerCase();
}
