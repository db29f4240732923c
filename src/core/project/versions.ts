import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface PackageInfo {
  readonly dir: string;
  readonly dependencies: Readonly<Record<string, string>>;
}

/** Nearest package.json per directory, cached for the life of the process (lint runs are short). */
const nearestCache = new Map<string, PackageInfo | null>();

function readPackage(dir: string): PackageInfo | null {
  try {
    const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    return {
      dir,
      dependencies: { ...json.peerDependencies, ...json.devDependencies, ...json.optionalDependencies, ...json.dependencies },
    };
  } catch {
    return null;
  }
}

/** The nearest package.json above a file (declared dependencies only), or null. */
export function nearestPackage(filename: string): PackageInfo | null {
  if (!filename || filename.startsWith('<')) return null;
  const visited: string[] = [];
  let dir = dirname(filename);
  let found: PackageInfo | null = null;
  for (;;) {
    const cached = nearestCache.get(dir);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(dir);
    const info = readPackage(dir);
    if (info) {
      found = info;
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const seen of visited) nearestCache.set(seen, found);
  return found;
}

/**
 * The major version of a dependency as the project states it: the installed copy's
 * package.json under node_modules when present, else the declared range's first number
 * (`^7.2.0`, `~5`, `7.x`). Undefined when neither says.
 */
export function dependencyMajor(filename: string, name: string): number | undefined {
  const pkg = nearestPackage(filename);
  if (!pkg) return undefined;
  const installed = installedVersion(pkg.dir, name);
  const text = installed ?? pkg.dependencies[name];
  if (!text) return undefined;
  const match = /(\d+)/.exec(text.replace(/^npm:[^@]+@/, ''));
  return match ? Number(match[1]) : undefined;
}

const installedCache = new Map<string, string | null>();

function installedVersion(dir: string, name: string): string | undefined {
  const key = `${dir}\0${name}`;
  const cached = installedCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let version: string | null;
  try {
    version = (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version ?? null;
  } catch {
    version = null;
  }
  installedCache.set(key, version);
  return version ?? undefined;
}

/** The range a dependency is declared with in the nearest package.json, and the installed copy's version. */
export function dependencyVersions(filename: string, name: string): { declared: string | undefined; installed: string | undefined } {
  const pkg = nearestPackage(filename);
  if (!pkg) return { declared: undefined, installed: undefined };
  return { declared: pkg.dependencies[name], installed: installedVersion(pkg.dir, name) };
}
