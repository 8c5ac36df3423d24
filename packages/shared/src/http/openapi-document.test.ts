import { plainPattern } from './openapi-document';

/** What zod-to-openapi 9.1 writes for a regex check: `regex.toString()` without its slashes. */
const written = (re: RegExp) => re.toString().replace(/^\/|\/$/g, '');

describe('plainPattern', () => {
  it('drops the flags the generator leaves behind', () => {
    expect(plainPattern(written(/^[^\s/\\]+$/u))).toBe('^[^\\s/\\\\]+$');
    expect(new RegExp(plainPattern(written(/^[^\s/\\]+$/u)), 'u').test('常人社监察〔2026〕12号')).toBe(true);
  });

  it('keeps patterns without flags, and escaped slashes before letters', () => {
    expect(plainPattern(written(/^\d{4}$/))).toBe('^\\d{4}$');
    expect(plainPattern(written(/a\/u/))).toBe('a\\/u');
  });

  it('refuses flags a JSON Schema pattern cannot say', () => {
    expect(() => plainPattern(written(/^abc$/iu))).toThrow(/flags/);
  });
});
