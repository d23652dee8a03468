import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Ambient time is banned outside the system clock: membership and failover must be replayable.
const ambientTime = [
  { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'Use Clock.now() or Clock.wallTime().' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use Clock.wallTime().' },
  { selector: "CallExpression[callee.name=/^(setTimeout|setInterval)$/]", message: 'Use Clock.setTimeout/setInterval.' },
  { selector: "MemberExpression[object.name='performance'][property.name='now']", message: 'Use Clock.now().' },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...ambientTime],
    },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...ambientTime,
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
      ],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['packages/core/src/time/SystemClock.ts', '**/test/**', 'scripts/**', '**/bench/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
