import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

describe('importing the plugin', () => {
  it('loads neither typescript nor ts-morph', () => {
    const entry = join(root, 'dist', 'src', 'index.js');
    expect(existsSync(entry), 'dist/ is built (npm run build)').toBe(true);
    const script = [
      "import { createRequire } from 'node:module';",
      'const require = createRequire(import.meta.url);',
      `const plugin = (await import(${JSON.stringify(entry)})).default;`,
      'const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](typescript|ts-morph|@ts-morph)[\\\\/]/.test(k));',
      'console.log(JSON.stringify({ rules: Object.keys(plugin.rules).length, loaded }));',
    ].join('\n');
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    const result = JSON.parse(output) as { rules: number; loaded: string[] };
    expect(result.rules).toBeGreaterThan(0);
    expect(result.loaded).toEqual([]);
  });

  it('is detected by the probe when typescript is loaded (the check can fail)', () => {
    const script = [
      "import { createRequire } from 'node:module';",
      'const require = createRequire(import.meta.url);',
      "await import('typescript');",
      'console.log(Object.keys(require.cache).some((k) => /node_modules[\\\\/]typescript[\\\\/]/.test(k)));',
    ].join('\n');
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }).trim()).toBe('true');
  });
});
