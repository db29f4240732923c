import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { TypedPrograms } from './engine.js';
import { UsageError } from './errors.js';

/** Files grouped under the tsconfig.json that governs them (the nearest one above each file). */
export function groupByTsconfig(files: readonly string[], explicit: string | undefined, cwd: string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  const nearest = new Map<string, string>();
  const find = (dir: string): string => {
    const cached = nearest.get(dir);
    if (cached !== undefined) return cached;
    const candidate = join(dir, 'tsconfig.json');
    const parent = dirname(dir);
    const found = existsSync(candidate) ? candidate : parent === dir ? '' : find(parent);
    nearest.set(dir, found);
    return found;
  };
  const forced = explicit ? resolve(cwd, explicit) : undefined;
  if (forced && !existsSync(forced)) throw new UsageError(`--project: ${explicit} does not exist`);
  for (const file of files) {
    const config = forced ?? find(dirname(file));
    const list = groups.get(config) ?? [];
    list.push(file);
    groups.set(config, list);
  }
  return groups;
}

/**
 * TypeScript programs built by ts-morph for one tsconfig and the given files, for the rules'
 * optional type-aware paths. Dependencies are not resolved (fast, as the performance notes
 * advise); ts-morph is loaded only here, never by the plugin. Its bundled TypeScript must be
 * the same minor version as the one typescript-eslint parses with, or node kinds differ.
 *
 * `programFor(file, text)` gives a program whose source file for `file` holds exactly `text`:
 * a fix pass parses text the first program never saw, and an AST taken from a program built
 * for other text has wrong ranges (fixes spliced into the wrong places).
 */
export async function programFor(tsconfig: string, files: readonly string[]): Promise<TypedPrograms & { contains(file: string): boolean }> {
  const { Project, ts } = await import('ts-morph');
  const require = createRequire(import.meta.url);
  const parserTs = require('typescript') as { version: string };
  const minor = (version: string) => version.split('.').slice(0, 2).join('.');
  if (minor(ts.version) !== minor(parserTs.version)) {
    throw new UsageError(`--type-aware needs ts-morph's TypeScript (${ts.version}) and typescript (${parserTs.version}) on the same minor version`);
  }
  const project = tsconfig
    ? new Project({ tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true })
    : new Project({ compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve, strict: true }, skipFileDependencyResolution: true });
  for (const file of files) project.addSourceFileAtPath(file);
  const first = project.getProgram().compilerObject;
  return {
    // Files the compiler options leave out (JavaScript without allowJs, say) are parsed without types.
    contains: (file) => first.getSourceFile(file) !== undefined,
    programFor(file, text) {
      const source = project.getSourceFile(file);
      if (source && source.getFullText() !== text) source.replaceWithText(text);
      return project.getProgram().compilerObject;
    },
  };
}
