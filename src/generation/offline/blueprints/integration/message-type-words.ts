/** `PaymentSettled` → payment, settled. */
export function typeWords(type: string): string[] {
  return type
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** `PaymentSettled` → `payment.settled`, as a sender would likely spell it. */
export function dotted(type: string): string {
  return typeWords(type).join('.');
}
