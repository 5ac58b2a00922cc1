import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
if (process.argv.includes('--tests')) {
  // Unit tests of the vscode-free modules, bundled to plain JS for node's test runner.
  await esbuild.build({
    entryPoints: ['test/unit.test.ts'],
    bundle: true,
    outfile: 'dist/test/unit.test.js',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
} else {
  await esbuild.build({
    entryPoints: ['src/extension.ts'],
    bundle: true,
    outfile: 'dist/extension.js',
    external: ['vscode'],
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  });
  console.log(`esbuild: dist/extension.js${production ? ' (production)' : ''}`);
}
