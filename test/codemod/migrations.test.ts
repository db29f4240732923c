import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { typeCheckProject } from '../../perf/migration-typecheck.mjs';
import { migrateText, TODO_MARKER } from '../../src/codemod/migrations/apply.js';
import { MIGRATIONS } from '../../src/codemod/migrations/index.js';

// Fixtures: __fixtures__/migrate/<migration>/<case>.input.{ts,tsx,js} with <case>.output.* (the
// exact text), `no-change-*` cases without an output (the file must stay byte-identical), and
// `mark-*` cases whose output carries cache-codemod-todo markers. `<case>.options.json` holds
// --option values; `<case>.reports.json` the findings reported (`line:column message`). Each directory's package.json declares the version the inputs were written
// for, which the migrations read the way the CLI does.
const root = join(import.meta.dirname, '__fixtures__', 'migrate');
const directories = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory());

describe('migration fixtures', () => {
  it('has a fixture directory for every migration, with .ts, .tsx and .js inputs, no-change and mark cases', () => {
    expect(new Set(directories)).toEqual(new Set(MIGRATIONS.keys()));
    for (const name of directories) {
      const inputs = readdirSync(join(root, name)).filter((file) => file.includes('.input.'));
      expect(inputs.some((file) => file.endsWith('.ts')), `${name} has a .ts input`).toBe(true);
      expect(inputs.some((file) => file.endsWith('.tsx')), `${name} has a .tsx input`).toBe(true);
      expect(inputs.some((file) => file.endsWith('.js')), `${name} has a .js input`).toBe(true);
      expect(inputs.some((file) => file.startsWith('no-change-')), `${name} has a no-change case`).toBe(true);
      expect(inputs.some((file) => file.startsWith('mark-')), `${name} has a mark case`).toBe(true);
    }
  });
});

describe('migration docs', () => {
  const repoRoot = join(import.meta.dirname, '..', '..');
  it.each([...MIGRATIONS.keys()])('%s has docs/codemods/<name>.md, a row in docs/codemods/README.md and in the README migrations list', (name) => {
    const doc = readFileSync(join(repoRoot, 'docs', 'codemods', `${name}.md`), 'utf8');
    expect(doc.startsWith(`# cache-codemod migrate ${name}\n`)).toBe(true);
    for (const section of ['## What it changes', '## What it never changes', '## What it marks', '## Known gaps']) expect(doc).toContain(section);
    expect(readFileSync(join(repoRoot, 'docs', 'codemods', 'README.md'), 'utf8')).toContain(`| [\`${name}\`](${name}.md) |`);
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const list = readme.slice(readme.indexOf('<!-- begin migrations list -->'), readme.indexOf('<!-- end migrations list -->'));
    expect(list).toContain(`| [${name}](docs/codemods/${name}.md) |`);
  });
});

for (const name of directories) {
  const dir = join(root, name);
  const migration = MIGRATIONS.get(name);
  const inputs = readdirSync(dir)
    .filter((file) => /\.input\.(ts|tsx|js)$/.test(file))
    .sort();
  describe.each(inputs)(`migrate ${name}: %s`, (input) => {
    const caseName = input.slice(0, input.indexOf('.input.'));
    const filename = join(dir, input.replace('.input.', '.'));
    const outputPath = join(dir, input.replace('.input.', '.output.'));
    const optionsPath = join(dir, `${caseName}.options.json`);
    const options = existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as Record<string, string>) : {};
    const text = readFileSync(join(dir, input), 'utf8');
    const noChange = caseName.startsWith('no-change-');

    it(noChange ? 'changes nothing' : 'migrates to the expected text, byte for byte', () => {
      const result = migrateText(migration!, filename, text, options);
      if (noChange) {
        expect(existsSync(outputPath), 'a no-change case has no output file').toBe(false);
        expect(result.output).toBe(text);
        expect(result.marks).toBe(0);
        return;
      }
      const expected = readFileSync(outputPath, 'utf8');
      expect(result.output).toBe(expected);
      if (caseName.startsWith('mark-')) {
        expect(result.marks).toBeGreaterThan(0);
        expect(expected).toContain(`${TODO_MARKER}(${name})`);
      } else {
        expect(expected, 'only mark-* cases leave markers').not.toContain(TODO_MARKER);
      }
    });

    const reportsPath = join(dir, `${caseName}.reports.json`);
    if (existsSync(reportsPath)) {
      it('reports what it finds, line by line', () => {
        const result = migrateText(migration!, filename, text, options);
        const expected = JSON.parse(readFileSync(reportsPath, 'utf8')) as string[];
        expect(result.reports.map((report) => `${report.line}:${report.column} ${report.message}`)).toEqual(expected);
      });
    }

    it('changes nothing on a second run', () => {
      const once = noChange ? text : readFileSync(outputPath, 'utf8');
      const twice = migrateText(migration!, filename, once, options);
      expect(twice.output).toBe(once);
      expect(twice.marks).toBe(0);
    });
  });
}

describe('migrated outputs type-check against the target versions', () => {
  it('__fixtures__/migrate/tsconfig.json: no type error outside a mark-* case, none at an unmarked site', () => {
    // An error is allowed only inside code a cache-codemod-todo marker sits right above (the
    // migration said a human must finish it), and only in mark-* cases.
    const errors = typeCheckProject(join(root, 'tsconfig.json')).map((e) => ({ ...e, file: relative(root, e.file) }));
    expect(errors.filter((e) => !e.marked || !basename(e.file).startsWith('mark-'))).toEqual([]);
  });
});
