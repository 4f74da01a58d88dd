// Lint: typescript-eslint's recommended rules plus the house rules (scripts/lint/house-rules.mjs), which
// encode the architecture of docs/architecture.md: layers, doors, simulators at the root, views that never
// touch main, no import cycles, no floating-point money. Part of `npm run test:all` (and so of CI).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import house from './scripts/lint/house-rules.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'bench-results/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { house },
    rules: {
      'house/layers': 'error',
      'house/no-cycles': 'error',
      'house/no-float-money': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // ESC/POS, SkyBand and CD5220 are binary protocols: control characters in their patterns are the point.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.mjs', '*.mts', 'vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
);
