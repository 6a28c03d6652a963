import { NO_ECHO_MARKER } from '../../../src/core/cfn/mask-no-echo-outputs.js';
import { noEchoWithholding } from '../../../src/core/cfn/no-echo-withholding.js';

// Review 14b (issue #10): one withholding for every channel that renders AWS text of a stack.
const template =
  'Parameters:\n  Secret: {Type: String, NoEcho: true}\n  Name: {Type: String}\nResources: {}\n';

describe('noEchoWithholding', () => {
  it("withholds the NoEcho parameters' values only", () => {
    const { withhold } = noEchoWithholding({
      template,
      parameters: { Secret: 's3cr3t-value', Name: 'orders' },
    });
    expect(withhold('got s3cr3t-value for orders')).toBe(`got ${NO_ECHO_MARKER} for orders`);
  });

  it('withholds every value when the template is not known', () => {
    const { withhold, values } = noEchoWithholding({
      template: undefined,
      parameters: { Secret: 's3cr3t-value', Name: 'orders', Empty: '', Kept: '[REDACTED:no-echo]' },
    });
    expect(values).toEqual(['s3cr3t-value', 'orders']);
    expect(withhold('got s3cr3t-value for orders')).toBe(`got ${NO_ECHO_MARKER} for ${NO_ECHO_MARKER}`);
  });

  it('withholding twice changes nothing, even for a value the marker spells', () => {
    const { withhold } = noEchoWithholding({ template, parameters: { Secret: 'echo' } });
    const once = withhold('an echo here');
    expect(once).toBe(`an ${NO_ECHO_MARKER} here`);
    expect(withhold(once)).toBe(once);
  });
});
