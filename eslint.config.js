import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { layers } from './packages/astro-status-page/eslint/layers.js';

export default defineConfig(
  { ignores: ['dist/', '**/.astro/', 'node_modules/', '**/tests/.tmp/', 'packages/*/dist/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['packages/*/src/**/*.{ts,astro,mjs,js}'],
    plugins: { layers },
    rules: { 'layers/downward-only': 'error' },
  },
);
