import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// Works from src/ (tests) and dist/src/ (published): walk up to the package.json that names us.
function readPackage(): { name: string; version: string } {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const pkg = require(candidate) as { name?: string; version?: string };
      if (pkg.name === 'eslint-plugin-cache') return { name: pkg.name, version: pkg.version ?? '0.0.0' };
    } catch {
      // try the next candidate
    }
  }
  return { name: 'eslint-plugin-cache', version: '0.0.0' };
}

/** The package's name and version, for `plugin.meta` (ESLint's cache keys on them). */
export const { name, version } = readPackage();
