import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { t } from '../../src/core/messages/index';

/**
 * The page's start-up check (src/web/start.es5.js) runs before the bundle and cannot import
 * the catalogue: its two sentences are copies of `web.unsupportedBrowser`, kept the same here.
 */
const source = readFileSync(path.resolve(__dirname, '../../src/web/start.es5.js'), 'utf8');
const literal = (name: string) => new RegExp(`var ${name} =\\s*'([^']*)'`).exec(source)?.[1];

test('the start-up check says what the catalogue says, in both languages', () => {
  expect(literal('UNSUPPORTED_ZH')).toBe(t('zh', 'web.unsupportedBrowser'));
  expect(literal('UNSUPPORTED_EN')).toBe(t('en', 'web.unsupportedBrowser'));
});

test('the page loads the check before its bundle, and the starting text is the catalogue’s', () => {
  const html = readFileSync(path.resolve(__dirname, '../../src/web/index.html'), 'utf8');
  expect(html).toContain('<script src="start.es5.js"></script>');
  expect(html).toContain(t('zh', 'web.starting'));
  expect(html).toContain(t('en', 'web.starting'));
});
