import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nearestPackage } from '../../core/project/versions.js';
import type { Migration, MigrationOptions } from './types.js';

/**
 * The package versions around a migration: what the project declares and has installed, what the
 * migrated code needs, and the package.json edits `--update-package-json` makes (bumping the
 * declared ranges of the migrated packages, adding the ones a migration introduces), keeping the
 * file's indentation and final newline.
 */

const SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

interface Declared {
  readonly section: (typeof SECTIONS)[number];
  readonly range: string;
}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function declaredIn(json: Record<string, unknown>, name: string): Declared | undefined {
  for (const section of SECTIONS) {
    const deps = json[section] as Record<string, string> | undefined;
    if (deps && typeof deps[name] === 'string') return { section, range: deps[name] };
  }
  return undefined;
}

function installed(dir: string, name: string): string | undefined {
  return (readJson(join(dir, 'node_modules', name, 'package.json'))?.version as string | undefined) ?? undefined;
}

/** The first major number of a range (`^5.1.1` → 5); undefined for tags, paths, workspaces, aliases to other packages. */
function majorOf(range: string): number | undefined {
  if (/^(workspace|file|link|git|github|https?):/.test(range) || range === '*' || range === 'latest') return undefined;
  const match = /(\d+)/.exec(range.replace(/^npm:[^@]+@/, ''));
  return match ? Number(match[1]) : undefined;
}

/** The package.json files above the given files (one per package). */
export function packageJsonsOf(files: readonly string[]): string[] {
  const out = new Set<string>();
  for (const file of files) {
    const pkg = nearestPackage(file);
    if (pkg) out.add(join(pkg.dir, 'package.json'));
  }
  return [...out].sort();
}

/** The ranges the migrated code needs, per package (the migration's own and the ones it may introduce). */
export function targetRanges(migration: Migration, options: MigrationOptions): Readonly<Record<string, string>> {
  return migration.ranges?.(options) ?? {};
}

/**
 * Plain lines saying, per package.json, what is declared and installed and what to upgrade:
 * `lru-cache ^5.1.1 declared (5.1.1 installed): upgrade to ^11.0.0`.
 */
export function versionLines(migration: Migration, options: MigrationOptions, packageJsons: readonly string[], display: (path: string) => string): string[] {
  const ranges = targetRanges(migration, options);
  const lines: string[] = [];
  for (const path of packageJsons) {
    const json = readJson(path);
    if (!json) continue;
    const parts: string[] = [];
    const target = migration.targetPackage;
    for (const name of [migration.package, ...(migration.alsoFor ?? []), ...(target ? [target] : [])]) {
      const declared = declaredIn(json, name);
      if (!declared) {
        if (name === target) parts.push(`${name} not declared: add ${ranges[name] ?? `^${migration.targetMajor}`}`);
        continue;
      }
      const have = installed(dirname(path), name);
      const range = ranges[name];
      const current = majorOf(have ?? declared.range);
      const state = `${name} ${declared.range} declared${have ? ` (${have} installed)` : ''}`;
      if (target && name !== target) parts.push(`${state}: the migrated code uses ${target}`);
      else if (range === undefined) parts.push(`${state}: its code is migrated in place, no upgrade needed`);
      else if (current === undefined) parts.push(`${state}: the migrated code needs ${name} ${range}`);
      else if (current < (majorOf(range) ?? 0)) parts.push(`${state}: upgrade to ${range}`);
      else parts.push(`${state}: already ${range} or later`);
    }
    if (parts.length > 0) lines.push(`${display(path)}: ${parts.join('; ')}`);
  }
  return lines;
}

/** A package.json edit: the new text and what changed (`lru-cache ^5.1.1 -> ^11.0.0`). */
export interface PackageJsonUpdate {
  readonly path: string;
  readonly original: string;
  readonly updated: string;
  readonly changes: readonly string[];
}

/** Bare package names a file imports or requires. */
function importedPackages(text: string): Set<string> {
  const out = new Set<string>();
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])((?:@[\w.-]+\/)?[\w.-]+)(?:\/[^'"]*)?\1/gm;
  for (const match of text.matchAll(pattern)) out.add(match[2]!);
  return out;
}

/**
 * The package.json edits for `--update-package-json`: each migrated package declared below its
 * target major is bumped to the target range; a package the migrated files import that they did
 * not before (lru-cache for node-cache-to-lru-cache, cacheable for createKeyv) is added to
 * `dependencies` with its target range when the package.json does not declare it.
 */
export function packageJsonUpdates(
  migration: Migration,
  options: MigrationOptions,
  changed: readonly { readonly file: string; readonly original: string; readonly output: string }[],
  packageJsons: readonly string[],
): PackageJsonUpdate[] {
  const ranges = targetRanges(migration, options);
  const introduced = new Map<string, Set<string>>();
  for (const result of changed) {
    const pkg = nearestPackage(result.file);
    if (!pkg) continue;
    const path = join(pkg.dir, 'package.json');
    const before = importedPackages(result.original);
    for (const name of importedPackages(result.output)) {
      if (before.has(name) || ranges[name] === undefined) continue;
      if (!introduced.has(path)) introduced.set(path, new Set());
      introduced.get(path)!.add(name);
    }
  }
  const updates: PackageJsonUpdate[] = [];
  for (const path of packageJsons) {
    let original: string;
    try {
      original = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(original) as Record<string, unknown>;
    } catch {
      continue;
    }
    const changes: string[] = [];
    let text = original;
    for (const name of [migration.package, ...(migration.alsoFor ?? []), ...Object.keys(ranges)]) {
      const target = ranges[name];
      const declared = declaredIn(json, name);
      if (!target || !declared || changes.some((c) => c.startsWith(`${name} `))) continue;
      const current = majorOf(declared.range);
      if (current === undefined || current >= (majorOf(target) ?? 0)) continue;
      // Replace the one declaration in place: the rest of the file keeps its bytes.
      const entry = new RegExp(`("${escape(name)}"\\s*:\\s*)"${escape(declared.range)}"`);
      if (!entry.test(text)) continue;
      text = text.replace(entry, `$1"${target}"`);
      const own = name === migration.package || (migration.alsoFor ?? []).includes(name);
      changes.push(`${name} ${declared.range} -> ${target}${own ? '' : ` (code written for ${name} ${declared.range} needs its own migration)`}`);
    }
    const additions = [...(introduced.get(path) ?? [])].filter((name) => !declaredIn(json, name)).sort();
    if (additions.length > 0) {
      const added = addDependencies(text, additions.map((name) => [name, ranges[name]!] as const));
      if (added !== undefined) {
        text = added;
        for (const name of additions) changes.push(`${name} added at ${ranges[name]!}`);
      }
    }
    if (text !== original) updates.push({ path, original, updated: text, changes });
  }
  return updates;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Adds entries to `dependencies`, written with the file's own indentation and line ending (the
 * section is created when missing); entries are inserted in alphabetical position when the
 * section is sorted, else at its end. Undefined when the file's shape is not one this can edit.
 */
function addDependencies(text: string, entries: readonly (readonly [string, string])[]): string | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
  const json = JSON.parse(text) as Record<string, unknown>;
  const deps = json.dependencies as Record<string, string> | undefined;
  if (deps === undefined) {
    // Before the closing brace of the top-level object.
    const close = text.lastIndexOf('}');
    if (close < 0) return undefined;
    const before = text.slice(0, close).replace(/\s*$/, '');
    const lines = entries.map(([name, range]) => `${indent}${indent}"${name}": "${range}"`).join(`,${eol}`);
    const comma = before.endsWith('{') ? '' : ',';
    return `${before}${comma}${eol}${indent}"dependencies": {${eol}${lines}${eol}${indent}}${eol}${text.slice(close)}`;
  }
  const section = /("dependencies"\s*:\s*\{)([\s\S]*?)(\n?[ \t]*\})/.exec(text);
  if (!section) return undefined;
  const names = Object.keys(deps);
  const sorted = names.every((name, i) => i === 0 || names[i - 1]!.localeCompare(name) <= 0);
  const all = [...names.map((name) => [name, deps[name]!] as const), ...entries];
  if (sorted) all.sort((a, b) => a[0].localeCompare(b[0]));
  const inner = indent + indent;
  const body = all
    .map(([name, range]) => {
      // Existing entries keep their text; new ones are written as the file writes its entries.
      const existing = new RegExp(`^[ \\t]*"${escape(name)}"\\s*:\\s*"${escape(range)}"`, 'm').exec(section[2]!);
      return existing ? existing[0].trimStart() : `"${name}": "${range}"`;
    })
    .map((line) => `${inner}${line}`)
    .join(`,${eol}`);
  const start = section.index + section[1]!.length;
  const end = start + section[2]!.length;
  return `${text.slice(0, start)}${eol}${body}${text.slice(end)}`;
}
