/** `['shipping', 'address']` → `shippingAddress`: words of `[a-z0-9]`, joined as one camelCase name. */
export function camel(words: readonly string[]): string {
  return words
    .map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('');
}
