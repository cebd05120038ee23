// @ts-check
// The layer rule lives here. src/core is the pure engine: it may import only itself and zod
// (a pure schema library); no DOM, no Office.js, no Node, no exceljs, no React. Only src/excel
// may touch the Office.js globals. See ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const OFFICE_GLOBALS = ['Office', 'Excel', 'OfficeExtension', 'OfficeRuntime'].map((name) => ({
  name,
  message: 'Only src/excel may use the Office.js globals (see ARCHITECTURE.md).',
}));

const HOST_GLOBALS = [
  'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch',
  'XMLHttpRequest', 'WebSocket', 'Worker', 'self', 'process', 'Buffer', 'require',
  '__dirname', '__filename', 'module', 'global',
].map((name) => ({ name, message: 'src/core is pure: no DOM, no Node globals (see ARCHITECTURE.md).' }));

/** Packages src/core may import. Everything else that is not relative is refused. */
const CORE_ALLOWED = ['zod'];

/** Refuse bare imports outside the allow-list and relative imports that climb out of src/core. */
function coreImports(depth) {
  const climbOut = '^' + '\\.\\./'.repeat(depth + 1);
  return [
    'error',
    {
      patterns: [
        {
          regex: `^(?!\\.{1,2}/|(${CORE_ALLOWED.join('|')})$)`,
          message: 'src/core is pure: it may import only src/core and zod (see ARCHITECTURE.md).',
        },
        {
          regex: climbOut,
          message: 'src/core may not import from outside src/core (see ARCHITECTURE.md).',
        },
      ],
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'lib/**', 'out/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'reports/**', '.stryker-tmp/**', '**/*.generated.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/excel/**'],
    rules: { 'no-restricted-globals': ['error', ...OFFICE_GLOBALS] },
  },
  {
    // Built-ins newer than ES2020 are missing in the webviews the pane and the page support
    // (Safari 14, Chromium 86; the e2e "old webview" scenario removes them): never called.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['at', 'findLast', 'findLastIndex', 'replaceAll', 'toSorted', 'toReversed', 'toSpliced', 'hasOwn'].map((name) => ({
          selector: `CallExpression[callee.property.name='${name}'][callee.object.type!='ThisExpression']`,
          message: `${name}() is newer than ES2020 and missing in old webviews (Safari 14, Chromium 86)`,
        })),
        { selector: "CallExpression[callee.name='structuredClone']", message: 'structuredClone is missing in old webviews' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...OFFICE_GLOBALS, ...HOST_GLOBALS] },
  },
  { files: ['src/core/*.ts'], rules: { 'no-restricted-imports': coreImports(0) } },
  { files: ['src/core/*/*.ts'], rules: { 'no-restricted-imports': coreImports(1) } },
  { files: ['src/core/*/*/*.ts'], rules: { 'no-restricted-imports': coreImports(2) } },
  { files: ['src/core/*/*/*/*.ts'], rules: { 'no-restricted-imports': coreImports(3) } },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: {
      globals: {
        require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly',
        console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', URL: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
