import { placeholderIn } from '../../toolkit/statement/placeholders';

describe('placeholder detection', () => {
  it.each([
    ['https://example.com/privacy', 'placeholder-host', 'example.com'],
    ['privacy@mail.example.org', 'placeholder-host', 'mail.example.org'],
    ['host-not-stated.invalid', 'placeholder-host', 'host-not-stated.invalid'],
    ['api.vendor.example', 'placeholder-host', 'api.vendor.example'],
    ['Retention: TBD', 'placeholder-text', 'TBD'],
    ['todo: write this', 'placeholder-text', 'todo'],
    ['Lorem ipsum dolor', 'placeholder-text', 'Lorem'],
  ])('finds %s', (text, rule, found) => {
    expect(placeholderIn(text)).toEqual({ rule, found });
  });

  it.each([
    'https://example-analytics.com',
    'https://myexample.com',
    'counterexample.net is a real-looking host',
    'todos and loremaster are words',
    'We do not store anything.',
  ])('leaves %s alone', (text) => {
    expect(placeholderIn(text)).toBeUndefined();
  });
});
