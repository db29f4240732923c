import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/*
 * Import aliases (`@/components/OrderRow`, `~/lib/redis`), as TypeScript resolves them from the
 * nearest tsconfig.json or jsconfig.json: `compilerOptions.paths` (relative to `baseUrl`, or to the
 * config that declares them) and `baseUrl` alone. The cross-file checks match modules through
 * relative specifiers, so an alias that resolves to a file of the project is turned into the
 * relative specifier that names the same file; anything else (a package) stays out.
 */

/** The path mapping of one config: patterns in TypeScript's order of preference. */
interface PathsConfig {
  readonly paths: readonly { readonly prefix: string; readonly suffix: string; readonly exact: boolean; readonly targets: readonly string[] }[];
  /** Absolute `baseUrl`, when set: bare specifiers may resolve below it. */
  readonly baseUrl: string | undefined;
  /** Specifier -> absolute module path (without extension), or null for none. */
  readonly resolved: Map<string, string | null>;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const byDirectory = new Map<string, PathsConfig | null>();

/**
 * The specifier to use for `source` imported from `fromFile`: itself when relative, the relative
 * equivalent when a tsconfig alias or `baseUrl` maps it to an existing file of the project, and
 * undefined otherwise (packages, unresolvable names).
 */
export function projectSpecifier(source: string, fromFile: string): string | undefined {
  if (source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..') return source;
  if (source.startsWith('node:') || isAbsolute(source)) return undefined;
  const config = pathsConfigFor(dirname(fromFile));
  if (!config) return undefined;
  // A non-relative specifier resolves the same from every file under one config: cache it there.
  let target = config.resolved.get(source);
  if (target === undefined) {
    target = resolveAlias(source, config) ?? null;
    config.resolved.set(source, target);
  }
  if (!target) return undefined;
  const specifier = relative(dirname(fromFile), target).split(sep).join('/');
  return specifier.startsWith('.') ? specifier : `./${specifier}`;
}

function resolveAlias(source: string, config: PathsConfig): string | undefined {
  // TypeScript prefers an exact pattern, then the wildcard pattern with the longest prefix.
  for (const pattern of config.paths) {
    let star: string;
    if (pattern.exact) {
      if (source !== pattern.prefix) continue;
      star = '';
    } else {
      if (!source.startsWith(pattern.prefix) || !source.endsWith(pattern.suffix) || source.length < pattern.prefix.length + pattern.suffix.length) continue;
      star = source.slice(pattern.prefix.length, source.length - pattern.suffix.length);
    }
    for (const target of pattern.targets) {
      const found = existingModule(target.replace('*', star));
      if (found) return found;
    }
    // The best pattern matched but named no file: TypeScript tries `baseUrl` next.
    break;
  }
  return config.baseUrl ? existingModule(join(config.baseUrl, source)) : undefined;
}

/** The module file a path names, with TypeScript's extension and `index` lookup; without the extension. */
function existingModule(path: string): string | undefined {
  const base = path.replace(/\.(?:[cm]?[jt]s|[jt]sx)$/, '');
  for (const extension of EXTENSIONS) if (isFile(base + extension)) return base;
  for (const extension of EXTENSIONS) if (isFile(join(base, `index${extension}`))) return base;
  return undefined;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The paths config of the nearest tsconfig/jsconfig above `directory` (cached per directory). */
function pathsConfigFor(directory: string): PathsConfig | undefined {
  const seen: string[] = [];
  let found: PathsConfig | null = null;
  for (let current = directory; ; current = dirname(current)) {
    const cached = byDirectory.get(current);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    seen.push(current);
    const file = CONFIG_NAMES.map((name) => join(current, name)).find((candidate) => existsSync(candidate));
    if (file) {
      found = readPathsConfig(file);
      break;
    }
    if (dirname(current) === current) break;
  }
  for (const directoryOnTheWay of seen) byDirectory.set(directoryOnTheWay, found);
  return found ?? undefined;
}

interface RawOptions {
  baseUrl?: unknown;
  paths?: unknown;
}

/** Reads `baseUrl` and `paths` through relative `extends` chains; a broken config gives null. */
function readPathsConfig(file: string): PathsConfig | null {
  let baseUrl: string | undefined;
  let paths: Record<string, unknown> | undefined;
  let pathsBase: string | undefined;
  // Child first: the first config that sets an option wins.
  const visit = (configFile: string, depth: number): void => {
    if (depth > 8) return;
    let json: { compilerOptions?: RawOptions; extends?: unknown };
    try {
      json = parseJsonc(readFileSync(configFile, 'utf8')) as typeof json;
    } catch {
      return;
    }
    const options = json.compilerOptions ?? {};
    const here = dirname(configFile);
    if (baseUrl === undefined && typeof options.baseUrl === 'string') baseUrl = resolve(here, options.baseUrl);
    if (paths === undefined && options.paths && typeof options.paths === 'object') {
      paths = options.paths as Record<string, unknown>;
      pathsBase = here;
    }
    const parents = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends : [];
    // Later entries of an `extends` array override earlier ones: visit them first.
    for (const parent of [...parents].reverse()) {
      if (typeof parent !== 'string' || !parent.startsWith('.')) continue; // packages (@tsconfig/...) declare no project paths
      const target = resolve(here, parent);
      visit(existsSync(target) ? target : `${target}.json`, depth + 1);
    }
  };
  visit(file, 0);
  if (!paths && !baseUrl) return null;
  const root = baseUrl ?? pathsBase!;
  const entries = Object.entries(paths ?? {}).flatMap(([pattern, targets]) => {
    if (!Array.isArray(targets) || (pattern.match(/\*/g)?.length ?? 0) > 1) return [];
    const starAt = pattern.indexOf('*');
    return [
      {
        prefix: starAt === -1 ? pattern : pattern.slice(0, starAt),
        suffix: starAt === -1 ? '' : pattern.slice(starAt + 1),
        exact: starAt === -1,
        targets: targets.filter((target): target is string => typeof target === 'string').map((target) => resolve(root, target)),
      },
    ];
  });
  entries.sort((a, b) => Number(b.exact) - Number(a.exact) || b.prefix.length - a.prefix.length);
  return { paths: entries, baseUrl, resolved: new Map() };
}

/** JSON with comments and trailing commas, as tsconfig files are written. */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else {
      out += char;
    }
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1').replace(/^\uFEFF/, ''));
}
