// Lint: typescript-eslint's recommended rules, no import cycles, and the boundaries of STYLE.md habit 1.
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

const PURE_DOMAIN =
  'Domain code (server/domain, server/questionnaires, server/scoring) is pure: it takes plain data and returns plain data, so it may not import the database, routes, services or Express (STYLE.md, habit 1).'

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'test-results/', 'static/vendor/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // The repositories answer with Promises: a forgotten await (a Promise in an if, a save never awaited) is an error.
    files: ['server/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['server/domain/**/*.ts', 'server/questionnaires/**/*.ts', 'server/scoring/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'express', message: PURE_DOMAIN },
            { name: 'better-sqlite3', message: PURE_DOMAIN },
            { name: 'pg', message: PURE_DOMAIN },
            { name: 'kysely', message: PURE_DOMAIN },
          ],
          patterns: [{ group: ['**/data/**', '**/data', '**/routes/**', '**/services/**', '**/middleware/**'], message: PURE_DOMAIN }],
        },
      ],
    },
  },
  {
    files: ['server/data/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/routes/**', '**/middleware/**'],
              message: 'The data layer serves the services; it may not import routes or middleware (STYLE.md, habit 2).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['static/js/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', Chart: 'readonly', console: 'readonly' } },
  },
  prettier,
)
