import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { crossFileFindings } from '../../src/codemod/crossfile.js';
import { extractFacts, type FileFacts } from '../../src/codemod/facts.js';
import { runCli, tempRepo } from './helpers.js';

const fixtures = join(import.meta.dirname, '__fixtures__', 'cross-file-memo', 'input');
const ROOT = '/repo';
const linter = new Linter({ configType: 'flat', cwd: ROOT });
const config: Linter.Config[] = [
  { files: ['**/*.{ts,tsx,js,jsx}'], languageOptions: { parser: tsParser as unknown as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
];

/** Facts of in-memory files (paths relative to /repo), as the scan would collect them. */
function factsOf(files: Record<string, string>): Map<string, FileFacts> {
  const facts = new Map<string, FileFacts>();
  for (const [path, text] of Object.entries(files)) {
    const filename = `${ROOT}/${path}`;
    const messages = linter.verify(text, config, { filename });
    const fatal = messages.find((message) => message.fatal);
    if (fatal) throw new Error(`${path}: ${fatal.message}`);
    facts.set(filename, extractFacts(filename, linter.getSourceCode()!));
  }
  return facts;
}

/** `file:line check` for every memo finding of the files. */
function memoFindings(files: Record<string, string>): string[] {
  return crossFileFindings(factsOf(files), (path) => path.slice(ROOT.length + 1))
    .filter(({ finding }) => finding.ruleId.startsWith('cache-codemod/memo-'))
    .map(({ file, finding }) => `${file.slice(ROOT.length + 1)}:${finding.line} ${finding.ruleId.slice('cache-codemod/'.length)}`);
}

function messagesOf(files: Record<string, string>): string[] {
  return crossFileFindings(factsOf(files), (path) => path.slice(ROOT.length + 1)).map(({ finding }) => finding.message);
}

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

// A memoised row, in the shapes real code uses.
const MEMO_ROW = lines(
  "import { memo } from 'react';",
  '',
  'export const Row = memo(function Row({ label, onSelect }: { label: string; onSelect: () => void }) {',
  '  return <li onClick={onSelect}>{label}</li>;',
  '});',
);
const PLAIN_ROW = lines(
  'export function Row({ label, onSelect }: { label: string; onSelect: () => void }) {',
  '  return <li onClick={() => onSelect()}>{label}</li>;',
  '}',
);

/** A parent component rendering `<Row>` from './Row' with the given attributes, after the given body lines. */
function parent(attributes: string, body: string[] = [], imports: string[] = []): string {
  return lines(
    "import { useCallback, useMemo, useRef, useState } from 'react';",
    "import { Row } from './Row';",
    ...imports,
    '',
    'export function List({ items }: { items: { id: string; label: string }[] }) {',
    ...body.map((line) => `  ${line}`),
    '  return (',
    '    <ul>',
    `      {items.map((item) => <Row key={item.id} label={item.label} ${attributes} />)}`,
    '    </ul>',
    '  );',
    '}',
  );
}
// The line of the <Row> element in `parent(...)`, given how many body lines and extra imports.
const rowLine = (body = 0, imports = 0): number => 7 + body + imports;

describe('cache-codemod/memo-defeated-by-prop', () => {
  it('reports fresh values passed to a React.memo child of another module', () => {
    expect(memoFindings({ 'src/Row.tsx': MEMO_ROW, 'src/List.tsx': parent('onSelect={() => console.log(item.id)}') })).toEqual([
      `src/List.tsx:${rowLine()} memo-defeated-by-prop`,
    ]);
    expect(memoFindings({ 'src/Row.tsx': MEMO_ROW, 'src/List.tsx': parent('style={{ color: "red" }}') })).toEqual([`src/List.tsx:${rowLine()} memo-defeated-by-prop`]);
    expect(memoFindings({ 'src/Row.tsx': MEMO_ROW, 'src/List.tsx': parent('tags={[item.id]}') })).toEqual([`src/List.tsx:${rowLine()} memo-defeated-by-prop`]);
    expect(memoFindings({ 'src/Row.tsx': MEMO_ROW, 'src/List.tsx': parent('icon={<svg />}') })).toEqual([`src/List.tsx:${rowLine()} memo-defeated-by-prop`]);
    expect(memoFindings({ 'src/Row.tsx': MEMO_ROW, 'src/List.tsx': parent('since={new Date()}') })).toEqual([`src/List.tsx:${rowLine()} memo-defeated-by-prop`]);
    expect(memoFindings({ 'src/Row.tsx': MEMO_ROW, 'src/List.tsx': parent('onSelect={function () {}}') })).toEqual([`src/List.tsx:${rowLine()} memo-defeated-by-prop`]);
  });

  it('follows local consts and functions of the render', () => {
    const local = ['const rowStyle = { padding: 4 } as const;', 'const select = () => undefined;', 'function open() {}'];
    expect(memoFindings({ 'src/Row.tsx': MEMO_ROW, 'src/List.tsx': parent('style={rowStyle} onSelect={select} onOpen={open}', local) })).toEqual([
      `src/List.tsx:${rowLine(3)} memo-defeated-by-prop`,
      `src/List.tsx:${rowLine(3)} memo-defeated-by-prop`,
      `src/List.tsx:${rowLine(3)} memo-defeated-by-prop`,
    ]);
    const [message] = messagesOf({ 'src/Row.tsx': MEMO_ROW, 'src/List.tsx': parent('style={rowStyle}', local) });
    expect(message).toBe(
      '`style` gets `rowStyle`, an object literal created on every render (line 5), so `<Row>` re-renders with its parent every time although it is `React.memo` (src/Row.tsx:3): the memo is defeated. Wrap the value in `useMemo`, or move it to module scope if it uses nothing from the component.',
    );
  });

  it('recognises memo however React is imported, with default and named exports', () => {
    const namespace = lines(
      "import * as React from 'react';",
      'type Props = { label: string; onSelect: () => void };',
      'const Row = React.memo((props: Props) => <li onClick={props.onSelect}>{props.label}</li>);',
      'export default Row;',
    );
    const defaultReact = lines("import React from 'react';", 'export default React.memo(function Row(props: { onSelect: () => void }) {', '  return <li onClick={props.onSelect} />;', '});');
    const aliased = lines(
      "import { forwardRef, memo as m } from 'react';",
      'function RowImpl({ onSelect }: { onSelect: () => void }, ref: React.Ref<HTMLLIElement>) {',
      '  return <li ref={ref} onClick={onSelect} />;',
      '}',
      'const Row = m(forwardRef(RowImpl));',
      'export { Row as default };',
    );
    const withDefault = (child: string) =>
      memoFindings({ 'src/Row.tsx': child, 'src/List.tsx': parent('onSelect={() => undefined}').replace("import { Row } from './Row';", "import Row from './Row';") });
    expect(withDefault(namespace)).toEqual([`src/List.tsx:${rowLine()} memo-defeated-by-prop`]);
    expect(withDefault(defaultReact)).toEqual([`src/List.tsx:${rowLine()} memo-defeated-by-prop`]);
    expect(withDefault(aliased)).toEqual([`src/List.tsx:${rowLine()} memo-defeated-by-prop`]);
  });

  it('follows barrel re-exports, import-then-export and namespace imports', () => {
    const files = {
      'src/rows/Row.tsx': MEMO_ROW,
      'src/rows/index.ts': lines("export { Row } from './Row';"),
      'src/star/index.ts': lines("export * from '../rows/Row';"),
      'src/again.ts': lines("import { Row } from './rows/Row';", 'export { Row };'),
      'src/List.tsx': lines(
        "import { Row } from './rows';",
        "import { Row as StarRow } from './star';",
        "import { Row as AgainRow } from './again';",
        "import * as Rows from './rows/Row';",
        '',
        'export default function List() {',
        '  return (',
        '    <>',
        '      <Row label="a" onSelect={() => 1} />',
        '      <StarRow label="b" onSelect={() => 2} />',
        '      <AgainRow label="c" onSelect={() => 3} />',
        '      <Rows.Row label="d" onSelect={() => 4} />',
        '    </>',
        '  );',
        '}',
      ),
    };
    expect(memoFindings(files)).toEqual([9, 10, 11, 12].map((line) => `src/List.tsx:${line} memo-defeated-by-prop`));
    expect(messagesOf(files)[3]).toContain('`<Rows.Row>`');
  });

  it('reads plain .js files with JSX, and memo components defined in a .ts module', () => {
    const jsParent = lines("import { Row } from './Row';", 'export function List({ items }) {', '  return items.map((item) => <Row key={item.id} onSelect={() => item.open()} />);', '}');
    expect(memoFindings({ 'src/Row.tsx': MEMO_ROW, 'src/List.js': jsParent })).toEqual(['src/List.js:3 memo-defeated-by-prop']);
    const tsMemo = lines("import { memo } from 'react';", "import { RowView } from './RowView';", 'export const Row = memo(RowView);');
    expect(memoFindings({ 'src/RowView.tsx': PLAIN_ROW.replace('function Row', 'function RowView'), 'src/Row.ts': tsMemo, 'src/List.js': jsParent })).toEqual([
      'src/List.js:3 memo-defeated-by-prop',
    ]);
  });

  it('leaves elements alone whose nested children already defeat the memo', () => {
    const nested = (children: string) =>
      memoFindings({
        'src/Row.tsx': MEMO_ROW,
        'src/List.tsx': lines("import { Row } from './Row';", 'export function List({ label }: { label: string }) {', `  return <Row onSelect={() => undefined}>${children}</Row>;`, '}'),
      });
    expect(nested('<b>{label}</b>')).toEqual([]);
    expect(nested('{[label].map((text) => text)}')).toEqual([]);
    // Text and plain reads are equal from one render to the next.
    expect(nested('Open {label}')).toEqual(['src/List.tsx:3 memo-defeated-by-prop']);
  });

  it('hard negatives: nothing for values that keep their identity, or children that do not memo', () => {
    const stable = [
      'const [filters] = useState(() => ({ open: true }));',
      'const ref = useRef({ count: 0 });',
      'const select = useCallback(() => undefined, []);',
      'const style = useMemo(() => ({ padding: 4 }), []);',
    ];
    // Hooks, module scope, primitives, strings, key/ref, spread, nested children.
    expect(memoFindings({ 'src/Row.tsx': MEMO_ROW, 'src/List.tsx': parent('filters={filters} counter={ref} onSelect={select} style={style}', stable) })).toEqual([]);
    expect(memoFindings({ 'src/Row.tsx': MEMO_ROW, 'src/List.tsx': parent('style={STYLE} onSelect={noop}').replace('export function', 'const STYLE = { padding: 4 };\nconst noop = () => undefined;\nexport function') })).toEqual([]);
    expect(memoFindings({ 'src/Row.tsx': MEMO_ROW, 'src/List.tsx': parent('count={3} title="Orders" dense={true} tone={`x-${item.id}`}') })).toEqual([]);
    expect(memoFindings({ 'src/Row.tsx': MEMO_ROW, 'src/List.tsx': parent('ref={(node) => node?.focus()} {...{ onSelect: () => undefined }}') })).toEqual([]);
    expect(
      memoFindings({
        'src/Row.tsx': MEMO_ROW,
        'src/List.tsx': lines("import { Row } from './Row';", 'export function List() {', '  return <Row label="x"><span>{() => 1}</span>{{ a: 1 }.a}</Row>;', '}'),
      }),
    ).toEqual([]);
    // Not memo, memo with a comparator, memo from elsewhere, not a scanned file, a package, same file.
    expect(memoFindings({ 'src/Row.tsx': PLAIN_ROW, 'src/List.tsx': parent('onSelect={() => undefined}') })).toEqual([]);
    const comparator = MEMO_ROW.replace('});', '}, (a, b) => a.label === b.label);');
    expect(memoFindings({ 'src/Row.tsx': comparator, 'src/List.tsx': parent('onSelect={() => undefined}') })).toEqual([]);
    const notReact = MEMO_ROW.replace("from 'react'", "from './memo'");
    expect(memoFindings({ 'src/Row.tsx': notReact, 'src/List.tsx': parent('onSelect={() => undefined}') })).toEqual([]);
    expect(memoFindings({ 'src/List.tsx': parent('onSelect={() => undefined}') })).toEqual([]);
    expect(memoFindings({ 'src/Row.tsx': MEMO_ROW, 'src/List.tsx': parent('onSelect={() => undefined}').replace("from './Row'", "from '@acme/ui'") })).toEqual([]);
    const sameFile = lines(
      "import { memo } from 'react';",
      'const Row = memo(function Row({ onSelect }: { onSelect: () => void }) {',
      '  return <li onClick={onSelect} />;',
      '});',
      'export function List() {',
      '  return <Row onSelect={() => undefined} />;',
      '}',
    );
    expect(memoFindings({ 'src/Row.tsx': MEMO_ROW, 'src/List.tsx': sameFile })).toEqual([]);
    // Built inside useMemo/useCallback: rebuilt only when the deps change.
    const memoised = lines(
      "import { useCallback, useMemo } from 'react';",
      "import { Row } from './Row';",
      'export function List({ items }: { items: string[] }) {',
      '  const rows = useMemo(() => items.map((label) => <Row key={label} label={label} onSelect={() => console.log(label)} />), [items]);',
      '  const renderRow = useCallback((label: string) => <Row label={label} style={{ padding: 4 }} />, []);',
      '  return <ul>{rows}{items.map(renderRow)}</ul>;',
      '}',
    );
    expect(memoFindings({ 'src/Row.tsx': MEMO_ROW, 'src/List.tsx': memoised })).toEqual([]);
    // Stories and tests render once to show or check a component.
    expect(memoFindings({ 'src/Row.tsx': MEMO_ROW, 'src/List.stories.tsx': parent('onSelect={() => undefined}'), 'src/__tests__/List.tsx': parent('style={{}}') })).toEqual([]);
    // JSX evaluated once at module scope is not per render.
    const moduleScope = lines("import { Row } from './Row';", 'export const row = <Row label="x" onSelect={() => undefined} />;');
    expect(memoFindings({ 'src/Row.tsx': MEMO_ROW, 'src/List.tsx': moduleScope })).toEqual([]);
  });
});

describe('cache-codemod/memo-for-unmemoized-child', () => {
  function page(hookLine: string, jsx: string, more: string[] = []): string {
    return lines(
      "import { useCallback, useEffect, useMemo, useState } from 'react';",
      "import { Row } from './Row';",
      '',
      'export default function Page() {',
      '  const [selected, setSelected] = useState<string | null>(null);',
      `  ${hookLine}`,
      ...more.map((line) => `  ${line}`),
      `  return <ul>${jsx}</ul>;`,
      '}',
    );
  }
  const CALLBACK = 'const select = useCallback(() => setSelected("a"), []);';

  it('reports a useCallback or cheap useMemo that only reaches plain components of other modules', () => {
    expect(memoFindings({ 'src/Row.tsx': PLAIN_ROW, 'src/Page.tsx': page(CALLBACK, '<Row label="a" onSelect={select} />') })).toEqual(['src/Page.tsx:6 memo-for-unmemoized-child']);
    const propsRow = lines('export function Row(props: { label: string; onSelect: () => void }) {', '  return <button onClick={props.onSelect}>{props.label}</button>;', '}');
    expect(memoFindings({ 'src/Row.tsx': propsRow, 'src/Page.tsx': page(CALLBACK, '<Row label="a" onSelect={select} />') })).toEqual(['src/Page.tsx:6 memo-for-unmemoized-child']);
    const styleRow = lines(
      "import { forwardRef } from 'react';",
      'export const Row = forwardRef<HTMLLIElement, { style: object }>(function Row(props, ref) {',
      '  const { style } = props;',
      '  return <li ref={ref} style={style} />;',
      '});',
    );
    expect(memoFindings({ 'src/Row.tsx': styleRow, 'src/Page.tsx': page('const style = useMemo(() => ({ padding: 4, color: selected ? "red" : "black" }), [selected]);', '<Row style={style} />') })).toEqual([
      'src/Page.tsx:6 memo-for-unmemoized-child',
    ]);
    const [message] = messagesOf({ 'src/Row.tsx': PLAIN_ROW, 'src/Page.tsx': page(CALLBACK, '<Row label="a" onSelect={select} />') });
    expect(message).toBe(
      '`useCallback` buys nothing here: `select` only goes to `<Row>` as `onSelect` (src/Row.tsx:1), which is not `React.memo` and re-renders with its parent anyway. Wrap `Row` in `memo(...)`, or drop the `useCallback`.',
    );
  });

  it('names every plain child when the value goes to several', () => {
    const files = {
      'src/Row.tsx': PLAIN_ROW,
      'src/Other.tsx': lines('export default function Other({ onPick }: { onPick: () => void }) {', '  return <a onClick={() => onPick && onPick()} />;', '}'),
      'src/Page.tsx': page(CALLBACK, '<Row label="a" onSelect={select} /><Other onPick={select} />').replace("import { Row } from './Row';", "import { Row } from './Row';\nimport Other from './Other';"),
    };
    expect(memoFindings(files)).toEqual(['src/Page.tsx:7 memo-for-unmemoized-child']);
    expect(messagesOf(files)[0]).toContain('`<Row>` as `onSelect` (src/Row.tsx:1) and `<Other>` as `onPick` (src/Other.tsx:1), none of which is `React.memo`');
  });

  it('hard negatives: the child memoises, the prop escapes in the child, or the value is used elsewhere', () => {
    const run = (row: string, hookLine = CALLBACK, jsx = '<Row label="a" onSelect={select} />', more: string[] = []) =>
      memoFindings({ 'src/Row.tsx': row, 'src/Page.tsx': page(hookLine, jsx, more) });
    expect(run(MEMO_ROW)).toEqual([]);
    const childRow = (body: string[], params = '{ label, onSelect }: { label: string; onSelect: () => void }') =>
      lines("import { useEffect, createContext } from 'react';", "import { Button } from './Button';", 'const Ctx = createContext<unknown>(null);', `export function Row(${params}) {`, ...body, '}');
    // In the child: deps array, another component, a context value, a call argument, a return, rest props, props passed whole, a callback ref.
    expect(run(childRow(['  useEffect(() => { onSelect(); }, [onSelect]);', '  return <li>{label}</li>;']))).toEqual([]);
    expect(run(childRow(['  return <Button onClick={onSelect}>{label}</Button>;']))).toEqual([]);
    expect(run(childRow(['  return <Ctx.Provider value={{ onSelect }}>{label}</Ctx.Provider>;']))).toEqual([]);
    expect(run(childRow(['  register(onSelect);', '  return <li>{label}</li>;']))).toEqual([]);
    expect(run(childRow(['  return onSelect;']))).toEqual([]);
    expect(run(childRow(['  return <li {...rest}>{label}</li>;'], '{ label, ...rest }: { label: string; onSelect: () => void }'))).toEqual([]);
    expect(run(childRow(['  return <Button {...props} />;'], 'props: { label: string; onSelect: () => void }'))).toEqual([]);
    expect(run(childRow(['  return <li ref={onSelect} />;']))).toEqual([]);
    expect(run(childRow(['  const { onSelect } = props;', '  useEffect(onSelect, [onSelect]);', '  return null;'], 'props: { onSelect: () => void }'))).toEqual([]);
    const configRow = childRow(['  useEffect(() => config.onOpen(), [config.onOpen]);', '  return <li onClick={config.onOpen}>{config.title.trim()}</li>;'], '{ config }: { config: { title: string; onOpen: () => void } }');
    const configMemo = 'const config = useMemo(() => ({ title: "Orders", onOpen: () => setSelected("a") }), []);';
    expect(run(configRow, configMemo, '<Row config={config} />')).toEqual([]);
    // Without the effect, the same object only has members read, called and rendered: reported.
    expect(run(configRow.replace('  useEffect(() => config.onOpen(), [config.onOpen]);\n', ''), configMemo, '<Row config={config} />')).toEqual(['src/Page.tsx:6 memo-for-unmemoized-child']);
    // In the parent: an effect dependency, a same-file component, a package component, a context value, an expensive or non-literal useMemo.
    expect(run(PLAIN_ROW, CALLBACK, '<Row label="a" onSelect={select} />', ['useEffect(() => select(), [select]);'])).toEqual([]);
    const local = page(CALLBACK, '<Row label="a" onSelect={select} /><Local onSelect={select} />').replace('export default', 'function Local(props: { onSelect: () => void }) { return <b onClick={props.onSelect} />; }\nexport default');
    expect(memoFindings({ 'src/Row.tsx': PLAIN_ROW, 'src/Page.tsx': local })).toEqual([]);
    const pkg = page(CALLBACK, '<Row label="a" onSelect={select} /><Picker onSelect={select} />').replace("import { Row } from './Row';", "import { Row } from './Row';\nimport { Picker } from '@acme/ui';");
    expect(memoFindings({ 'src/Row.tsx': PLAIN_ROW, 'src/Page.tsx': pkg })).toEqual([]);
    expect(run(PLAIN_ROW, CALLBACK, '<Row label="a" onSelect={select} /><Row label="b" onSelect={() => select()} value={{ select }} />')).toEqual([]);
    expect(run(PLAIN_ROW, 'const items = useMemo(() => [selected].filter(Boolean), [selected]);', '<Row label="a" onSelect={items} />')).toEqual([]);
    expect(run(PLAIN_ROW, 'const view = useMemo(() => ({ total: expensiveTotal(selected) }), [selected]);', '<Row label="a" onSelect={view} />')).toEqual([]);
    // A child outside the scan.
    expect(memoFindings({ 'src/Page.tsx': page(CALLBACK, '<Row label="a" onSelect={select} />') })).toEqual([]);
  });
});

// The CLI tests run whole scans: kept to two.
describe('cross-file memo checks through cache-codemod scan', () => {
  interface Report {
    files: { path: string; findings: { ruleId: string; line: number; message: string }[] }[];
  }
  const memoOf = (report: Report): string[] =>
    report.files.flatMap((file) => file.findings.filter((f) => f.ruleId.startsWith('cache-codemod/')).map((f) => `${file.path}:${f.line} ${f.ruleId}`));

  it('finds the memo findings of a Next.js + TanStack Query app, and nothing on its hard negatives', async () => {
    const repo = tempRepo(fixtures);
    try {
      const { stdout } = await runCli(repo.dir, 'scan', '--format', 'json', '--fail-on', 'none');
      const report = JSON.parse(stdout) as Report;
      expect(memoOf(report)).toEqual([
        'src/app/orders/OrdersTable.tsx:37 cache-codemod/memo-defeated-by-prop',
        'src/app/orders/OrdersTable.tsx:50 cache-codemod/memo-defeated-by-prop',
        'src/app/orders/OrdersTable.tsx:51 cache-codemod/memo-defeated-by-prop',
        'src/app/orders/OrdersTable.tsx:63 cache-codemod/memo-defeated-by-prop',
        'src/app/orders/page.tsx:28 cache-codemod/memo-for-unmemoized-child',
        'src/app/orders/page.tsx:30 cache-codemod/memo-for-unmemoized-child',
      ]);
      const table = report.files.find((file) => file.path === 'src/app/orders/OrdersTable.tsx')!.findings;
      expect(table.find((f) => f.line === 37)!.message).toContain('`<SearchInput>` re-renders with its parent every time although it is `React.memo` (src/components/orders/SearchInput.tsx:9)');
      expect(table.find((f) => f.line === 63)!.message).toContain('`actions` gets a JSX element created inline');
    } finally {
      repo.cleanup();
    }
  });

  it('cache-codemod-ignore silences a memo finding on the next line', async () => {
    const repo = tempRepo(fixtures);
    try {
      const path = join(repo.dir, 'src/app/orders/page.tsx');
      writeFileSync(path, readFileSync(path, 'utf8').replace('  const handlePage =', '  // cache-codemod-ignore Pager becomes memo in the next release\n  const handlePage ='));
      const { stdout } = await runCli(repo.dir, 'scan', '--format', 'json', '--fail-on', 'none', 'src/app', 'src/components');
      expect(memoOf(JSON.parse(stdout) as Report).filter((finding) => finding.startsWith('src/app/orders/page.tsx'))).toEqual([
        'src/app/orders/page.tsx:28 cache-codemod/memo-for-unmemoized-child',
      ]);
    } finally {
      repo.cleanup();
    }
  });
});
