import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter, RuleTester } from 'eslint';
import rule from '../../rules/no-trivial-memo.js';
import { cjsRuleTester, code, jsRuleTester, ruleTester } from '../rule-tester.js';

/** `source` with `search` (which must occur exactly once) replaced: the expected text of a fix. */
function edit(source: string, search: string, replacement: string): string {
  const at = source.indexOf(search);
  if (at === -1 || source.indexOf(search, at + 1) !== -1) throw new Error(`expected exactly one ${JSON.stringify(search)}`);
  return source.slice(0, at) + replacement + source.slice(at + search.length);
}

const fixtures = join(import.meta.dirname, '..', 'fixtures');
/** A project whose package.json lists babel-plugin-react-compiler. */
const compilerApp = join(fixtures, 'react-compiler-app');
/** A TypeScript project with React type stubs, for typed linting and the type-check of fixed output. */
const typedDir = join(fixtures, 'typed', 'react');

// ---------------------------------------------------------------------------------------------
// Sources shared by several cases

const cartSummary = code(
  "import { useMemo } from 'react';",
  "import { formatMoney } from '../lib/money';",
  '',
  'interface CartSummaryProps {',
  '  price: number;',
  '  quantity: number;',
  '  currency: string;',
  '}',
  '',
  'export function CartSummary({ price, quantity, currency }: CartSummaryProps) {',
  '  const subtotal = useMemo(() => price * quantity, [price, quantity]);',
  '  return <p className="cart-summary">{formatMoney(subtotal, currency)}</p>;',
  '}',
);

const greeting = code(
  "import { useMemo, useState } from 'react';",
  '',
  'type User = { id: string; name?: string };',
  '',
  'export default function Greeting({ user }: { user?: User }) {',
  '  const [expanded, setExpanded] = useState(false);',
  "  const displayName = useMemo(() => user?.name ?? '', [user?.name]);",
  '  return (',
  '    <button onClick={() => setExpanded(!expanded)}>',
  '      Hello {displayName}',
  '    </button>',
  '  );',
  '}',
);

const namespaceReact = code(
  "import * as React from 'react';",
  '',
  'export function NotificationBadge({ items }: { items: readonly { id: string; read: boolean }[] }) {',
  '  const count = React.useMemo(() => items.length, [items]);',
  '  const [open, setOpen] = React.useState(false);',
  '  return (',
  '    <span className="badge" onClick={() => setOpen(!open)}>',
  '      {count}',
  '    </span>',
  '  );',
  '}',
);

const viewToggle = code(
  "import { useMemo, useState } from 'react';",
  "import { ProductGrid, ProductTable } from './views';",
  '',
  'export function ProductList({ products }: { products: Product[] }) {',
  '  const [compact, setCompact] = useState(false);',
  "  const view = useMemo(() => (compact ? 'table' : 'grid'), [compact]);",
  "  return view === 'table' ? <ProductTable rows={products} /> : <ProductGrid items={products} onToggle={() => setCompact(true)} />;",
  '}',
);

const fullName = code(
  "import { useMemo } from 'react';",
  '',
  'export function Avatar({ first, last, src }: { first: string; last: string; src: string }) {',
  '  const alt = useMemo(() => `${first} ${last}`, [first, last]);',
  '  return <img src={src} alt={alt} />;',
  '}',
);

const pageSize = code(
  "import { useMemo, useState } from 'react';",
  '',
  'export function OrdersTable({ orders }: { orders: Order[] }) {',
  '  const perPage = useMemo(() => 25, []);',
  '  const [page, setPage] = useState(0);',
  '  const rows = useMemo(() => orders.slice(page * perPage, (page + 1) * perPage), [orders, page, perPage]);',
  '  return <Table rows={rows} onNext={() => setPage(page + 1)} />;',
  '}',
);

const aliased = code(
  "import { useMemo as memoize } from 'react';",
  '',
  'export function FieldValue({ value }: { value: unknown }) {',
  "  const isText = memoize(() => typeof value === 'string', [value]);",
  '  return isText ? <span>{String(value)}</span> : <pre>{JSON.stringify(value)}</pre>;',
  '}',
);

const cjsHook = code(
  "const { useMemo } = require('react');",
  '',
  'function useIsActive(status) {',
  "  const active = useMemo(() => !!status && status !== 'archived', [status]);",
  '  return active;',
  '}',
  '',
  'module.exports = { useIsActive };',
);

const priceLabel = code(
  "import { useMemo } from 'react';",
  '',
  'export function PriceLabel({ amount, discount }: { amount: number; discount: number }) {',
  '  const rounded = useMemo(() => Math.round(amount * (1 - discount) * 100) / 100, [amount, discount]);',
  '  const label = useMemo(() => rounded.toFixed(2), [rounded]);',
  '  return <strong>{label}</strong>;',
  '}',
);

const blockBody = code(
  "import { useMemo } from 'react';",
  '',
  'export function useIsOwner(currentUserId: string, ownerId: string) {',
  '  const isOwner = useMemo(() => {',
  '    return currentUserId === ownerId;',
  '  }, [currentUserId, ownerId]);',
  '  return isOwner;',
  '}',
);

const commentKept = code(
  "import { useMemo } from 'react';",
  '',
  'export function useCents(amount: number) {',
  '  const cents = useMemo(() => /* the API wants integer cents */ Math.round(amount * 100), [amount]);',
  '  return cents;',
  '}',
);

const commentLost = code(
  "import { useMemo } from 'react';",
  '',
  'export function Progress({ done, total }: { done: number; total: number }) {',
  '  const percent = useMemo(',
  '    () => (total === 0 ? 0 : Math.round((done / total) * 100)),',
  '    // recompute only when the counts change',
  '    [done, total],',
  '  );',
  '  return <progress value={percent} max={100} />;',
  '}',
);

const depsVariable = code(
  "import { useMemo } from 'react';",
  '',
  'export function useDiscounted(price: number, rate: number, deps: readonly unknown[]) {',
  '  return useMemo(() => price * (1 - rate), deps);',
  '}',
);

const memoChild = code(
  "import { memo, useMemo } from 'react';",
  '',
  'const PriceTag = memo(function PriceTag({ label }: { label: string }) {',
  '  return <span className="price">{label}</span>;',
  '});',
  '',
  'export function ProductCard({ price, currency }: { price: number; currency: string }) {',
  '  // A primitive prop compares by value: PriceTag skips re-rendering either way.',
  '  const label = useMemo(() => currency + price.toFixed(2), [currency, price]);',
  '  return <PriceTag label={label} />;',
  '}',
);

const effectDep = code(
  "import { useEffect, useMemo } from 'react';",
  '',
  'export function useDocumentTitle(unread: number, appName: string) {',
  '  const title = useMemo(() => (unread > 0 ? `(${unread}) ${appName}` : appName), [unread, appName]);',
  '  useEffect(() => {',
  '    document.title = title;',
  '  }, [title]);',
  '}',
);

const contextValue = code(
  "import { createContext, useMemo, type ReactNode } from 'react';",
  '',
  'export const IsAdminContext = createContext(false);',
  '',
  'export function AdminProvider({ role, children }: { role: string; children: ReactNode }) {',
  "  const isAdmin = useMemo(() => role === 'admin' || role === 'owner', [role]);",
  '  return <IsAdminContext.Provider value={isAdmin}>{children}</IsAdminContext.Provider>;',
  '}',
);

const hoistCallback = code(
  "import { useCallback, useState } from 'react';",
  "import { analytics } from '../analytics';",
  '',
  'export function ExportButton({ onExport }: { onExport: () => void }) {',
  '  const [busy, setBusy] = useState(false);',
  '  const trackOpen = useCallback(() => {',
  "    analytics.track('export-menu-opened');",
  '  }, []);',
  '  return (',
  '    <button disabled={busy} onMouseEnter={trackOpen} onClick={() => { setBusy(true); onExport(); }}>',
  '      Export',
  '    </button>',
  '  );',
  '}',
);

const hoistFormatter = code(
  "import { useMemo } from 'react';",
  '',
  "const formatter = (value: number) => value.toLocaleString('en-US');",
  '',
  '/** Totals at the bottom of the invoice. */',
  'export function InvoiceTotals({ total, count }: { total: number; count: number }) {',
  '  // Intl formatters are costly to build: keep one.',
  '  const formatter = useMemo(',
  '    () =>',
  "      new Intl.NumberFormat('en-US', {",
  "        style: 'currency',",
  "        currency: 'USD',",
  '      }),',
  '    [],',
  '  );',
  '  return <tfoot>{count} items, {formatter.format(total)}</tfoot>;',
  '}',
);

const explicitTypeArg = code(
  "import { useMemo } from 'react';",
  '',
  "export function useSortLabel(direction: 'asc' | 'desc') {",
  "  const label = useMemo<string>(() => (direction === 'asc' ? 'Oldest first' : 'Newest first'), [direction]);",
  '  return label;',
  '}',
);

const precedence = code(
  "import React, { useMemo } from 'react';",
  '',
  'export function Meter({ used, reserved, quota }: { used: number; reserved: number; quota: number }) {',
  '  const ratio = useMemo(() => used + reserved, [used, reserved]) / quota;',
  '  return <meter value={ratio} />;',
  '}',
);

const compilerDirective = code(
  "'use memo';",
  "import { useMemo } from 'react';",
  '',
  'export function StockBadge({ stock }: { stock: number }) {',
  '  const low = useMemo(() => stock < 5, [stock]);',
  '  return low ? <em>Only {stock} left</em> : null;',
  '}',
);

const compilerProject = code(
  "import { useCallback, useMemo } from 'react';",
  '',
  'export function Checkout({ items, onPay }: { items: CartItem[]; onPay: (total: number) => void }) {',
  '  const count = useMemo(() => items.length, [items]);',
  '  const sorted = useMemo(() => [...items].sort((a, b) => a.price - b.price), [items]);',
  '  const pay = useCallback(() => onPay(sorted.length), [onPay, sorted]);',
  '  return <CheckoutView count={count} items={sorted} onPay={pay} />;',
  '}',
);

const optOut = code(
  "import { useMemo } from 'react';",
  '',
  'export function LegacyWidget({ width }: { width: number }) {',
  "  'use no memo';",
  '  const half = useMemo(() => width / 2, [width]);',
  '  return <div style={{ width: half }} />;',
  '}',
);

// Autofix outputs, reused as valid cases: a second pass changes nothing.
const dropImport = (source: string) => edit(source, "import { useMemo } from 'react';\n", '');
const cartSummaryFixed = edit(dropImport(cartSummary), 'useMemo(() => price * quantity, [price, quantity])', 'price * quantity');
const greetingFixed = edit(
  edit(greeting, "import { useMemo, useState } from 'react';", "import { useState } from 'react';"),
  "useMemo(() => user?.name ?? '', [user?.name])",
  "user?.name ?? ''",
);
const namespaceReactFixed = edit(namespaceReact, 'React.useMemo(() => items.length, [items])', 'items.length');
const viewToggleFixed = edit(
  edit(viewToggle, "import { useMemo, useState } from 'react';", "import { useState } from 'react';"),
  "useMemo(() => (compact ? 'table' : 'grid'), [compact])",
  "compact ? 'table' : 'grid'",
);
const fullNameFixed = edit(dropImport(fullName), 'useMemo(() => `${first} ${last}`, [first, last])', '`${first} ${last}`');
const pageSizeFixed = edit(pageSize, 'const perPage = useMemo(() => 25, []);', 'const perPage: number = 25;');
const aliasedFixed = edit(edit(aliased, "import { useMemo as memoize } from 'react';\n", ''), "memoize(() => typeof value === 'string', [value])", "typeof value === 'string'");
const commentKeptFixed = edit(
  dropImport(commentKept),
  'useMemo(() => /* the API wants integer cents */ Math.round(amount * 100), [amount])',
  '/* the API wants integer cents */ Math.round(amount * 100)',
);
const memoChildFixed = edit(
  edit(memoChild, "import { memo, useMemo } from 'react';", "import { memo } from 'react';"),
  'useMemo(() => currency + price.toFixed(2), [currency, price])',
  'currency + price.toFixed(2)',
);
const effectDepFixed = edit(
  edit(effectDep, "import { useEffect, useMemo } from 'react';", "import { useEffect } from 'react';"),
  'useMemo(() => (unread > 0 ? `(${unread}) ${appName}` : appName), [unread, appName])',
  'unread > 0 ? `(${unread}) ${appName}` : appName',
);
const contextValueFixed = edit(
  edit(contextValue, "import { createContext, useMemo, type ReactNode } from 'react';", "import { createContext, type ReactNode } from 'react';"),
  "useMemo(() => role === 'admin' || role === 'owner', [role])",
  "role === 'admin' || role === 'owner'",
);
const explicitTypeArgFixed = edit(
  dropImport(explicitTypeArg),
  "const label = useMemo<string>(() => (direction === 'asc' ? 'Oldest first' : 'Newest first'), [direction]);",
  "const label: string = direction === 'asc' ? 'Oldest first' : 'Newest first';",
);
const precedenceFixed = edit(
  edit(precedence, "import React, { useMemo } from 'react';", "import React from 'react';"),
  'useMemo(() => used + reserved, [used, reserved]) / quota',
  '(used + reserved) / quota',
);

// ---------------------------------------------------------------------------------------------
// TypeScript and TSX

ruleTester.run('no-trivial-memo', rule as never, {
  valid: [
    { name: 'real: an empty-deps memo that uses nothing from the component is not hoisted by default (hoist is opt-in)', code: hoistCallback, options: [{ reportUnobservedIdentity: false }] },
    {
      name: 'an object passed to a memo() child keeps its identity on purpose',
      filename: 'ProductRow.tsx',
      code: code(
        "import { memo, useMemo } from 'react';",
        '',
        'const Row = memo(function Row({ product }: { product: { id: string; title: string } }) {',
        '  return <li>{product.title}</li>;',
        '});',
        '',
        'export function ProductRow({ id, title }: { id: string; title: string }) {',
        '  const product = useMemo(() => ({ id, title }), [id, title]);',
        '  return <Row product={product} />;',
        '}',
      ),
    },
    {
      name: 'an array used as an effect dependency',
      filename: 'useSubscriptions.ts',
      code: code(
        "import { useEffect, useMemo } from 'react';",
        '',
        'export function useSubscriptions(channel: string, extra: string) {',
        '  const topics = useMemo(() => [channel, `${channel}:${extra}`], [channel, extra]);',
        '  useEffect(() => subscribe(topics), [topics]);',
        '}',
      ),
    },
    {
      name: 'a context value object',
      filename: 'ThemeProvider.tsx',
      code: code(
        "import { createContext, useMemo, useState, type ReactNode } from 'react';",
        '',
        "export const ThemeContext = createContext({ theme: 'light', toggle: () => {} });",
        '',
        'export function ThemeProvider({ children }: { children: ReactNode }) {',
        "  const [theme, setTheme] = useState('light');",
        "  const value = useMemo(() => ({ theme, toggle: () => setTheme(theme === 'light' ? 'dark' : 'light') }), [theme]);",
        '  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;',
        '}',
      ),
    },
    {
      name: 'Math.random() with empty deps keeps a value stable on purpose',
      filename: 'Skeleton.tsx',
      code: code(
        "import { useMemo } from 'react';",
        '',
        'export function SkeletonLine() {',
        '  const width = useMemo(() => Math.random() * 40 + 60, []);',
        '  return <div className="skeleton" style={{ width: `${width}%` }} />;',
        '}',
      ),
    },
    {
      name: 'new Date() with empty deps: the time of the first render',
      filename: 'SessionTimer.tsx',
      code: code(
        "import { useMemo } from 'react';",
        '',
        'export function SessionTimer() {',
        '  const startedAt = useMemo(() => new Date(), []);',
        '  return <time dateTime={startedAt.toISOString()}>{startedAt.toLocaleTimeString()}</time>;',
        '}',
      ),
    },
    {
      name: 'Date.now() with empty deps',
      filename: 'useMountTime.ts',
      code: code(
        "import { useMemo } from 'react';",
        '',
        'export function useMountTime() {',
        '  return useMemo(() => Date.now(), []);',
        '}',
      ),
    },
    {
      name: 'items.filter(...).length: a call of unknown cost',
      filename: 'TodoFooter.tsx',
      code: code(
        "import { useMemo } from 'react';",
        '',
        'export function TodoFooter({ todos }: { todos: { done: boolean }[] }) {',
        '  const remaining = useMemo(() => todos.filter((todo) => !todo.done).length, [todos]);',
        '  return <footer>{remaining} left</footer>;',
        '}',
      ),
    },
    {
      name: 'reportLookups: false: a bare identifier or a property read of unknown type is left alone',
      filename: 'useSelected.ts',
      options: [{ reportLookups: false }],
      code: code(
        "import { useMemo } from 'react';",
        '',
        'export function useSelected(selection: Selection, value: unknown) {',
        '  const current = useMemo(() => value, [value]);',
        '  const anchor = useMemo(() => selection.anchorNode, [selection.anchorNode]);',
        '  return { current, anchor };',
        '}',
      ),
    },
    {
      name: 'the result of an unknown call',
      filename: 'Price.tsx',
      code: code(
        "import { useMemo } from 'react';",
        "import { formatPrice } from './format';",
        '',
        'export function Price({ cents, locale }: { cents: number; locale: string }) {',
        '  const text = useMemo(() => formatPrice(cents, locale), [cents, locale]);',
        '  return <span>{text}</span>;',
        '}',
      ),
    },
    {
      name: 'deps that leave a prop out: a deliberate freeze of the first value',
      filename: 'Counter.tsx',
      code: code(
        "import { useMemo, useState } from 'react';",
        '',
        'export function Counter({ initialCount }: { initialCount: number }) {',
        '  // Only the first value counts: later changes must not reset the counter.',
        '  const start = useMemo(() => initialCount * 2, []);',
        '  const [count, setCount] = useState(start);',
        '  return <button onClick={() => setCount(count + 1)}>{count}</button>;',
        '}',
      ),
    },
    {
      name: "a ref's current value: it changes without a render",
      filename: 'useInputLength.ts',
      code: code(
        "import { useMemo, useRef } from 'react';",
        '',
        'export function useInputLength() {',
        '  const input = useRef<HTMLInputElement>(null);',
        "  const length = useMemo(() => input.current?.value.length ?? 0, [input]);",
        '  return { input, length };',
        '}',
      ),
    },
    {
      name: 'a global read once on purpose (window size at mount)',
      filename: 'Layout.tsx',
      code: code(
        "import { useMemo } from 'react';",
        '',
        'export function Layout({ children }: { children: React.ReactNode }) {',
        '  const wide = useMemo(() => window.innerWidth > 1024, []);',
        '  return <main className={wide ? "wide" : "narrow"}>{children}</main>;',
        '}',
      ),
    },
    {
      name: 'a local function that happens to be called useMemo',
      filename: 'cache.ts',
      code: code(
        'function useMemo<T>(compute: () => T, _key: unknown[]): T {',
        '  return compute();',
        '}',
        '',
        'export const area = (width: number, height: number) => useMemo(() => width * height, [width, height]);',
      ),
    },
    {
      name: "useMemo from another library (preact's is not React's)",
      filename: 'Widget.tsx',
      code: code(
        "import { useMemo } from 'preact/hooks';",
        '',
        'export function Widget({ a, b }: { a: number; b: number }) {',
        '  const sum = useMemo(() => a + b, [a, b]);',
        '  return <b>{sum}</b>;',
        '}',
      ),
    },
    {
      name: 'conditional values that can be objects',
      filename: 'Filters.tsx',
      code: code(
        "import { useMemo } from 'react';",
        '',
        'export function Filters({ open, filters, options }: { open: boolean; filters: Filter[]; options?: Options }) {',
        '  const visible = useMemo(() => (open ? filters : []), [open, filters]);',
        '  const resolved = useMemo(() => options || {}, [options]);',
        '  const fallback = useMemo(() => options?.items ?? [], [options?.items]);',
        '  return <FilterBar filters={visible} options={resolved} items={fallback} />;',
        '}',
      ),
    },
    {
      name: 'JSX with empty deps is neither trivial nor hoisted',
      filename: 'EmptyState.tsx',
      code: code(
        "import { useMemo } from 'react';",
        '',
        'export function EmptyState() {',
        '  const icon = useMemo(() => <SearchIcon size={48} />, []);',
        '  return <div className="empty">{icon}</div>;',
        '}',
      ),
    },
    {
      name: 'useCallback with empty deps that calls a state setter uses the component',
      filename: 'Disclosure.tsx',
      options: [{ reportUnobservedIdentity: false }],
      code: code(
        "import { useCallback, useState } from 'react';",
        '',
        'export function Disclosure({ children }: { children: React.ReactNode }) {',
        '  const [open, setOpen] = useState(false);',
        '  const toggle = useCallback(() => setOpen((value) => !value), []);',
        '  return <details open={open} onToggle={toggle}>{children}</details>;',
        '}',
      ),
    },
    {
      name: 'a component made inside a factory: module scope is not the next scope out',
      filename: 'createField.tsx',
      options: [{ reportUnobservedIdentity: false }],
      code: code(
        "import { useCallback } from 'react';",
        '',
        'export function createField(name: string) {',
        '  return function Field() {',
        "    const log = useCallback(() => console.log('changed'), []);",
        '    return <input name={name} onChange={log} />;',
        '  };',
        '}',
      ),
    },
    {
      name: 'a value that reads a module constant declared after the component (TDZ at module load)',
      filename: 'Columns.tsx',
      code: code(
        "import { useMemo } from 'react';",
        '',
        'export function ReportTable() {',
        "  const columns = useMemo(() => [{ key: 'name' }, { key: PRICE_KEY }], []);",
        '  return <Table columns={columns} />;',
        '}',
        '',
        "const PRICE_KEY = 'price';",
      ),
    },
    {
      name: 'a regex with empty deps is stateful: not hoisted',
      filename: 'Highlighter.tsx',
      code: code(
        "import { useMemo } from 'react';",
        '',
        'export function Highlighter({ text }: { text: string }) {',
        '  const pattern = useMemo(() => /\\b(TODO|FIXME)\\b/g, []);',
        '  return <pre>{text.replace(pattern, "**$1**")}</pre>;',
        '}',
      ),
    },
    {
      name: 'useCallback with deps that capture props',
      filename: 'SearchBox.tsx',
      code: code(
        "import { useCallback } from 'react';",
        '',
        'export function SearchBox({ onSearch }: { onSearch: (q: string) => void }) {',
        '  const submit = useCallback((query: string) => onSearch(query.trim()), [onSearch]);',
        '  return <SearchInput onSubmit={submit} />;',
        '}',
      ),
    },
    {
      name: "reportAllInCompiler is off by default: a non-trivial memo under 'use memo' is fine",
      filename: 'Sorted.tsx',
      code: code(
        "'use memo';",
        "import { useMemo } from 'react';",
        '',
        'export function Sorted({ items }: { items: number[] }) {',
        '  const sorted = useMemo(() => [...items].sort((a, b) => a - b), [items]);',
        '  return <List items={sorted} />;',
        '}',
      ),
    },
    // Fixed outputs: a second pass changes nothing.
    { name: 'fixed: arithmetic', filename: 'CartSummary.tsx', code: cartSummaryFixed },
    { name: "fixed: x?.y ?? ''", filename: 'Greeting.tsx', code: greetingFixed },
    { name: 'fixed: namespace import', filename: 'NotificationBadge.tsx', code: namespaceReactFixed },
    { name: 'fixed: literal union', filename: 'ProductList.tsx', code: viewToggleFixed },
    { name: 'fixed: template', filename: 'Avatar.tsx', code: fullNameFixed },
    { name: 'fixed: lone literal keeps its type', filename: 'OrdersTable.tsx', code: pageSizeFixed },
    { name: 'fixed: aliased import removed with the memo', filename: 'FieldValue.tsx', code: aliasedFixed },
    { name: 'fixed: comment kept', filename: 'useCents.ts', code: commentKeptFixed },
    { name: 'fixed: memo() child prop', filename: 'ProductCard.tsx', code: memoChildFixed },
    { name: 'fixed: effect dependency', filename: 'useDocumentTitle.ts', code: effectDepFixed },
    { name: 'fixed: context value', filename: 'AdminProvider.tsx', code: contextValueFixed },
    { name: 'fixed: explicit type argument', filename: 'useSortLabel.ts', code: explicitTypeArgFixed },
    { name: 'fixed: parenthesised by precedence', filename: 'Meter.tsx', code: precedenceFixed },
  ],
  invalid: [
    {
      name: 'arithmetic over props',
      filename: 'CartSummary.tsx',
      code: cartSummary,
      output: cartSummaryFixed,
      errors: [{ messageId: 'trivialMemo', line: 11 }],
    },
    {
      name: "optional chain with a string fallback (x?.y ?? '')",
      filename: 'Greeting.tsx',
      code: greeting,
      output: greetingFixed,
      errors: [{ messageId: 'trivialMemo', line: 7 }],
    },
    {
      name: 'React.useMemo on a namespace import, array length',
      filename: 'NotificationBadge.tsx',
      code: namespaceReact,
      output: namespaceReactFixed,
      errors: [{ messageId: 'trivialMemo', line: 4 }],
    },
    {
      name: 'a conditional between two literals keeps its literal union type unwrapped',
      filename: 'ProductList.tsx',
      code: viewToggle,
      output: viewToggleFixed,
      errors: [{ messageId: 'trivialMemo', line: 6 }],
    },
    {
      name: 'a template literal over props',
      filename: 'Avatar.tsx',
      code: fullName,
      output: fullNameFixed,
      errors: [{ messageId: 'trivialMemo', line: 4 }],
    },
    {
      name: 'a lone literal: the declaration keeps the widened type the memo had',
      filename: 'OrdersTable.tsx',
      code: pageSize,
      output: pageSizeFixed,
      errors: [{ messageId: 'trivialMemo', line: 4 }],
    },
    {
      name: 'an aliased import, typeof comparison; the now unused import goes too',
      filename: 'FieldValue.tsx',
      code: aliased,
      output: aliasedFixed,
      errors: [{ messageId: 'trivialMemo', line: 4 }],
    },
    {
      name: 'Math.round and toFixed are pure',
      filename: 'PriceLabel.tsx',
      code: priceLabel,
      output: edit(
        edit(priceLabel, 'useMemo(() => Math.round(amount * (1 - discount) * 100) / 100, [amount, discount])', 'Math.round(amount * (1 - discount) * 100) / 100'),
        'useMemo(() => rounded.toFixed(2), [rounded])',
        'rounded.toFixed(2)',
      ),
      errors: [
        { messageId: 'trivialMemo', line: 4 },
        { messageId: 'trivialMemo', line: 5 },
      ],
    },
    {
      name: 'a block body with a single return, in a custom hook (TS)',
      filename: 'useIsOwner.ts',
      code: blockBody,
      output: edit(
        edit(blockBody, "import { useMemo } from 'react';\n\n", '\n'),
        'useMemo(() => {\n    return currentUserId === ownerId;\n  }, [currentUserId, ownerId])',
        'currentUserId === ownerId',
      ),
      errors: [{ messageId: 'trivialMemo', line: 4 }],
    },
    {
      name: 'a comment between => and the expression is kept',
      filename: 'useCents.ts',
      code: commentKept,
      output: commentKeptFixed,
      errors: [{ messageId: 'trivialMemo', line: 4 }],
    },
    {
      name: 'a comment in the deps would be lost: suggestion only',
      filename: 'Progress.tsx',
      code: commentLost,
      output: null,
      errors: [
        {
          messageId: 'trivialMemo',
          line: 4,
          suggestions: [
            {
              messageId: 'unwrapMemo',
              output: edit(
                edit(commentLost, "import { useMemo } from 'react';\n\n", '\n'),
                'useMemo(\n    () => (total === 0 ? 0 : Math.round((done / total) * 100)),\n    // recompute only when the counts change\n    [done, total],\n  )',
                'total === 0 ? 0 : Math.round((done / total) * 100)',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'deps that are not a literal array cannot be checked: suggestion only',
      filename: 'useDiscounted.ts',
      code: depsVariable,
      output: null,
      errors: [
        {
          messageId: 'trivialMemo',
          line: 4,
          suggestions: [
            {
              messageId: 'unwrapMemo',
              output: edit(edit(depsVariable, "import { useMemo } from 'react';\n\n", '\n'), 'useMemo(() => price * (1 - rate), deps)', 'price * (1 - rate)'),
            },
          ],
        },
      ],
    },
    {
      name: 'a primitive passed to a memo() child compares by value: still trivial',
      filename: 'ProductCard.tsx',
      code: memoChild,
      output: memoChildFixed,
      errors: [{ messageId: 'trivialMemo', line: 9 }],
    },
    {
      name: 'a primitive in effect deps compares by value: still trivial',
      filename: 'useDocumentTitle.ts',
      code: effectDep,
      output: effectDepFixed,
      errors: [{ messageId: 'trivialMemo', line: 4 }],
    },
    {
      name: 'a primitive context value compares by value: still trivial',
      filename: 'AdminProvider.tsx',
      code: contextValue,
      output: contextValueFixed,
      errors: [{ messageId: 'trivialMemo', line: 6 }],
    },
    {
      name: 'useCallback with empty deps that uses nothing from the component: hoist',
      filename: 'ExportButton.tsx',
      code: hoistCallback,
      output: null,
      options: [{ hoist: true }],
      errors: [
        {
          messageId: 'hoist',
          data: { hook: 'useCallback' },
          line: 6,
          suggestions: [
            {
              messageId: 'hoistToModule',
              data: { name: 'trackOpen' },
              output: code(
                "import { useState } from 'react';",
                "import { analytics } from '../analytics';",
                '',
                'const trackOpen = () => {',
                "  analytics.track('export-menu-opened');",
                '};',
                '',
                'export function ExportButton({ onExport }: { onExport: () => void }) {',
                '  const [busy, setBusy] = useState(false);',
                '  return (',
                '    <button disabled={busy} onMouseEnter={trackOpen} onClick={() => { setBusy(true); onExport(); }}>',
                '      Export',
                '    </button>',
                '  );',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'useMemo of an Intl formatter with empty deps: hoisted under a collision-free name',
      filename: 'InvoiceTotals.tsx',
      code: hoistFormatter,
      output: null,
      options: [{ hoist: true }],
      errors: [
        {
          messageId: 'hoist',
          data: { hook: 'useMemo' },
          line: 8,
          suggestions: [
            {
              messageId: 'hoistToModule',
              data: { name: 'formatter2' },
              output: code(
                '',
                "const formatter = (value: number) => value.toLocaleString('en-US');",
                '',
                '// Intl formatters are costly to build: keep one.',
                "const formatter2 = new Intl.NumberFormat('en-US', {",
                "  style: 'currency',",
                "  currency: 'USD',",
                '});',
                '',
                '/** Totals at the bottom of the invoice. */',
                'export function InvoiceTotals({ total, count }: { total: number; count: number }) {',
                '  return <tfoot>{count} items, {formatter2.format(total)}</tfoot>;',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'an explicit type argument moves to the declaration',
      filename: 'useSortLabel.ts',
      code: explicitTypeArg,
      output: explicitTypeArgFixed,
      errors: [{ messageId: 'trivialMemo', line: 4 }],
    },
    {
      name: 'parentheses where precedence needs them; the default import stays',
      filename: 'Meter.tsx',
      code: precedence,
      output: precedenceFixed,
      errors: [{ messageId: 'trivialMemo', line: 4 }],
    },
    {
      name: "'use memo' file: the message says the compiler memoises",
      filename: 'StockBadge.tsx',
      code: compilerDirective,
      output: edit(edit(compilerDirective, "import { useMemo } from 'react';\n", ''), 'useMemo(() => stock < 5, [stock])', 'stock < 5'),
      errors: [{ messageId: 'trivialMemoCompiler', line: 5 }],
    },
    {
      name: 'babel-plugin-react-compiler in the nearest package.json',
      filename: join(compilerApp, 'src', 'Checkout.tsx'),
      code: compilerProject,
      output: edit(compilerProject, 'useMemo(() => items.length, [items])', 'items.length'),
      errors: [{ messageId: 'trivialMemoCompiler', line: 4 }],
    },
    {
      name: 'reportAllInCompiler: every manual memo in compiled code',
      filename: join(compilerApp, 'src', 'Checkout.tsx'),
      code: compilerProject,
      options: [{ reportAllInCompiler: true }],
      output: edit(compilerProject, 'useMemo(() => items.length, [items])', 'items.length'),
      errors: [
        { messageId: 'trivialMemoCompiler', line: 4 },
        {
          messageId: 'manualMemoCompiler',
          data: { hook: 'useMemo' },
          line: 5,
          suggestions: [
            {
              messageId: 'removeManualMemo',
              data: { hook: 'useMemo' },
              output: edit(compilerProject, 'useMemo(() => [...items].sort((a, b) => a.price - b.price), [items])', '[...items].sort((a, b) => a.price - b.price)'),
            },
          ],
        },
        {
          messageId: 'manualMemoCompiler',
          data: { hook: 'useCallback' },
          line: 6,
          suggestions: [
            {
              messageId: 'removeManualMemo',
              data: { hook: 'useCallback' },
              output: edit(
                edit(compilerProject, "import { useCallback, useMemo } from 'react';", "import { useMemo } from 'react';"),
                'useCallback(() => onPay(sorted.length), [onPay, sorted])',
                '() => onPay(sorted.length)',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "'use no memo' opts a component out, even with reactCompiler: true",
      filename: join(compilerApp, 'src', 'LegacyWidget.tsx'),
      code: optOut,
      options: [{ reactCompiler: true, reportAllInCompiler: true }],
      output: edit(edit(optOut, "import { useMemo } from 'react';\n\n", '\n'), 'useMemo(() => width / 2, [width])', 'width / 2'),
      errors: [{ messageId: 'trivialMemo', line: 5 }],
    },
    {
      name: 'reactCompiler: false turns the compiler note off',
      filename: join(compilerApp, 'src', 'Checkout.tsx'),
      code: compilerProject,
      options: [{ reactCompiler: false, reportAllInCompiler: true }],
      output: edit(compilerProject, 'useMemo(() => items.length, [items])', 'items.length'),
      errors: [{ messageId: 'trivialMemo', line: 4 }],
    },
    {
      name: "reactCompiler: true says so even without 'use memo' or the package",
      filename: 'useFlags.ts',
      code: code(
        "import { useMemo } from 'react';",
        '',
        'export function useFlags(flags: { beta?: boolean }) {',
        '  const beta = useMemo(() => flags.beta === true, [flags.beta]);',
        '  return { beta };',
        '}',
      ),
      options: [{ reactCompiler: true }],
      output: code('', 'export function useFlags(flags: { beta?: boolean }) {', '  const beta = flags.beta === true;', '  return { beta };', '}'),
      errors: [{ messageId: 'trivialMemoCompiler', line: 4 }],
    },
    {
      name: 'hoist under the compiler says so',
      filename: join(compilerApp, 'src', 'Toolbar.tsx'),
      code: code(
        "import { useCallback } from 'react';",
        "import { logger } from './logger';",
        '',
        'export const Toolbar = () => {',
        "  const onHelp = useCallback(() => logger.info('help opened'), []);",
        '  return <button onClick={onHelp}>Help</button>;',
        '};',
      ),
      output: null,
      options: [{ hoist: true }],
      errors: [
        {
          messageId: 'hoistCompiler',
          data: { hook: 'useCallback' },
          line: 5,
          suggestions: [
            {
              messageId: 'hoistToModule',
              data: { name: 'onHelp' },
              output: code(
                "import { logger } from './logger';",
                '',
                "const onHelp = () => logger.info('help opened');",
                '',
                'export const Toolbar = () => {',
                '  return <button onClick={onHelp}>Help</button>;',
                '};',
              ),
            },
          ],
        },
      ],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Real components: block bodies, primitive facts without types, lookups, identity never observed,
// memos defeated by their deps or by a wrapper

const taskLabel = code(
  "import { useMemo } from 'react';",
  '',
  'export function TaskRow({ task }: { task?: { done: boolean } }) {',
  '  const label = useMemo(() => {',
  "    if (!task) return '';",
  "    return task.done ? 'Done' : 'Open';",
  '  }, [task]);',
  '  return <li>{label}</li>;',
  '}',
);

const tabTitle = code(
  "import { useMemo } from 'react';",
  '',
  'export function TabTitle({ tab, token }: { tab: string; token?: string }) {',
  '  const title = useMemo(() => {',
  '    switch (tab) {',
  "      case 'a':",
  "        return 'Alpha';",
  '      default:',
  "        return 'Other';",
  '    }',
  '  }, [tab]);',
  '  const command = useMemo(() => {',
  "    const key = token || 'TOKEN';",
  '    return `tool login --key ${key}`;',
  '  }, [token]);',
  '  return <h2 title={command}>{title}</h2>;',
  '}',
);

const stateFacts = code(
  "import { useMemo, useState } from 'react';",
  "const STATUSES = ['draft', 'sent'] as const;",
  '',
  'export function SendButton({ name, state }: { name: string; state: string }) {',
  '  const [busy] = useState(false);',
  '  const blocked = useMemo(() => !name || busy, [name, busy]);',
  "  const invalid = useMemo(() => !['draft', 'sent'].includes(state), [state]);",
  '  const known = useMemo(() => STATUSES.includes(state as never), [state]);',
  "  const key = useMemo(() => JSON.stringify({ draft: !known, size: 10, kind: 'send' }), [known]);",
  '  return <button disabled={blocked || invalid} data-key={key}>Send</button>;',
  '}',
);

const sizeLookup = code(
  "import { useMemo } from 'react';",
  '',
  'const SIZES = { sm: { pad: 4 }, lg: { pad: 8 } } as const;',
  '',
  "export function Box({ variant, cols }: { variant: 'sm' | 'lg'; cols: 1 | 2 }) {",
  '  const size = useMemo(() => SIZES[variant], [variant]);',
  "  const table = { 1: 'w-1/2', 2: 'w-1/3' };",
  '  const width = useMemo(() => table[cols], [cols]);',
  '  return <Panel padding={size.pad} className={width} />;',
  '}',
);

const propLookups = code(
  "import { useMemo } from 'react';",
  '',
  'export function Picker({ current, list, rows, id }: { current?: Item; list: Item[]; rows: Item[]; id: string }) {',
  '  const pick = useMemo(() => current?.id || list[0]?.id, [current, list]);',
  '  const byId = useMemo(() => new Map(rows.map((row) => [row.id, row])), [rows]);',
  '  const row = useMemo(() => byId.get(id), [byId, id]);',
  '  return <Row pick={pick} row={row} />;',
  '}',
);

const mutatedTables = code(
  "import { useMemo } from 'react';",
  "const LABELS: Record<string, string> = { a: 'A', b: 'B' };",
  "Object.assign(LABELS, { c: 'C' });",
  "const KINDS = ['a', 'b'];",
  "KINDS.push('c');",
  'export function Label({ kind }: { kind: string }) {',
  '  const label = useMemo(() => LABELS[kind], [kind]);',
  '  const known = useMemo(() => KINDS.includes(kind), [kind]);',
  '  return <b data-known={known}>{label}</b>;',
  '}',
);

const pager = code(
  "import { useCallback } from 'react';",
  '',
  'export function Pager({ base, page, items, setIndex }: { base: string; page: number; items: Item[]; setIndex(i: number): void }) {',
  '  const hrefFor = useCallback((p: number) => `?${base}&page=${p}`, [base]);',
  '  const go = useCallback((i: number) => setIndex(i % items.length), [items.length, setIndex]);',
  '  return (',
  '    <nav>',
  '      <a href={hrefFor(page + 1)}>next</a>',
  '      {items.map((item, i) => <button key={item.id} onClick={() => go(i)}>{item.label}</button>)}',
  '    </nav>',
  '  );',
  '}',
);

const saveButton = code(
  "import { useCallback } from 'react';",
  "import { useMutation } from '@tanstack/react-query';",
  '',
  'export function SaveButton({ form }: { form: Values }) {',
  '  const save = useMutation({ mutationFn: put });',
  '  const onSave = useCallback(() => save.mutate(form), [save, form]);',
  '  return <Toolbar onSave={onSave} />;',
  '}',
);

const hookForm = code(
  "import { useCallback } from 'react';",
  "import { useForm } from 'react-hook-form';",
  '',
  'export function SignUp({ send }: { send(values: Values): void }) {',
  '  const form = useForm<Values>();',
  '  const onSubmit = useCallback((values: Values) => send(values), [send]);',
  '  return <form onSubmit={form.handleSubmit(onSubmit)} />;',
  '}',
);

ruleTester.run('no-trivial-memo (real components)', rule as never, {
  valid: [
    {
      name: 'block body: an if test that is not cheap (sort, join)',
      filename: 'Tags.tsx',
      code: code(
        "import { useMemo } from 'react';",
        'export function Tags({ tags }: { tags: string[] }) {',
        '  const label = useMemo(() => {',
        "    if (tags.sort().join(',') === '') return 'none';",
        "    return 'some';",
        '  }, [tags]);',
        '  return <b>{label}</b>;',
        '}',
      ),
    },
    {
      name: 'block body: a loop, a let, or an object in one branch',
      filename: 'Stats.tsx',
      code: code(
        "import { useMemo } from 'react';",
        'export function Stats({ rows, open }: { rows: number[]; open: boolean }) {',
        '  const total = useMemo(() => {',
        '    let sum = 0;',
        '    for (const row of rows) sum += row;',
        '    return sum;',
        '  }, [rows]);',
        '  const style = useMemo(() => {',
        "    if (!open) return 'hidden';",
        '    return { display: open };',
        '  }, [open]);',
        '  return <Chart total={total} style={style} />;',
        '}',
      ),
    },
    {
      name: 'block body: a local read that the deps leave out',
      filename: 'Greeting.tsx',
      code: code(
        "import { useMemo } from 'react';",
        'export function Greeting({ first, last }: { first: string; last: string }) {',
        '  const text = useMemo(() => {',
        '    const full = `${first} ${last}`;',
        '    return full.trim();',
        '  }, [first]);',
        '  return <p>{text}</p>;',
        '}',
      ),
    },
    {
      name: 'state from another library is not React state; a list with a non-literal is not a literal list',
      filename: 'Search.tsx',
      code: code(
        "import { useMemo } from 'react';",
        "import { useState } from 'preact/hooks';",
        'export function Search({ name, state, extra }: { name: string; state: string; extra: string }) {',
        '  const [busy] = useState(false);',
        '  const blocked = useMemo(() => !name || busy.valueOf(), [name, busy]);',
        '  const invalid = useMemo(() => [extra, state].indexOf(state), [extra, state]);',
        '  return <Form blocked={blocked} invalid={invalid} />;',
        '}',
      ),
    },
    {
      name: 'JSON.stringify of a value that may be large is not cheap',
      filename: 'useFilterKey.ts',
      code: code(
        "import { useMemo } from 'react';",
        'export function useFilterKey(filters: Filters) {',
        '  return useMemo(() => JSON.stringify(filters), [filters]);',
        '}',
      ),
    },
    {
      name: 'lookups: fresh literals, a freeze, a ref, a non-Map get, a render-local table of objects',
      filename: 'Panel.tsx',
      code: code(
        "import { useMemo, useRef } from 'react';",
        "import { api } from './api';",
        'export function Panel({ data, initial, size, url }: { data?: Data; initial: Item; size: string; url: string }) {',
        '  const pages = useMemo(() => data?.pages ?? [], [data]);',
        '  const first = useMemo(() => initial.item, []);',
        '  const input = useRef<HTMLInputElement>(null);',
        '  const node = useMemo(() => input.current?.parentNode, [input]);',
        '  const request = useMemo(() => api.get(url), [url]);',
        '  const styles = { sm: { pad: 4 }, lg: { pad: 8 } };',
        '  const style = useMemo(() => styles[size as keyof typeof styles], [size]);',
        '  return <View pages={pages} first={first} node={node} request={request} style={style} />;',
        '}',
      ),
    },
    {
      name: 'identity observed: a component prop, an effect dep, a context value, a hook return, a callback ref, storage',
      filename: 'Observed.tsx',
      code: code(
        "import { useCallback, useEffect, useMemo } from 'react';",
        "import { Ctx } from './ctx';",
        'export function useObserved({ id, setRef, onPick }: { id: string; setRef(n: Element | null): void; onPick(id: string): void }) {',
        '  const pick = useCallback(() => onPick(id), [id, onPick]);',
        '  const load = useCallback(() => fetchItem(id), [id]);',
        '  useEffect(() => { load(); }, [load]);',
        '  const value = useCallback(() => id, [id]);',
        '  const ref = useCallback((node: Element | null) => setRef(node), [setRef]);',
        '  const stored = useCallback(() => onPick(id), [id, onPick]);',
        "  window.addEventListener('focus', stored);",
        '  const returned = useCallback(() => onPick(id), [id, onPick]);',
        '  const box = useMemo(() => ({ id }), [id]);',
        '  return { returned, view: <Ctx.Provider value={value}><Row onPick={pick} box={box} /><div ref={ref} /></Ctx.Provider> };',
        '}',
      ),
    },
    {
      name: 'useCallback(throttle(...), []) keeps one throttled instance on purpose',
      filename: 'Scroller.tsx',
      code: code(
        "import { useCallback } from 'react';",
        "import throttle from 'lodash/throttle';",
        'export function Scroller({ onScroll }: { onScroll(): void }) {',
        '  const handle = useCallback(throttle(() => onScroll(), 200), []);',
        '  return <div onScroll={() => handle()} />;',
        '}',
      ),
    },
    {
      name: 'an object memo only member-read, but with deps that freeze it, or written to, or a fresh value inside',
      filename: 'Box.tsx',
      code: code(
        "import { useMemo } from 'react';",
        'export function Box({ w, h, items }: { w: number; h: number; items: Item[] }) {',
        '  const frozen = useMemo(() => ({ w, h }), []);',
        '  const written = useMemo(() => ({ w, h }), [w, h]);',
        '  written.w = 2;',
        '  const nested = useMemo(() => ({ w, list: items.filter(Boolean) }), [w, items]);',
        '  return <div style={{ width: frozen.w + written.w + nested.w }} data-n={nested.list.length} />;',
        '}',
      ),
    },
    {
      name: 'defeated: stable members of the mutation are fine, and a useMutation that is not TanStack',
      filename: 'Save.tsx',
      code: code(
        "import { useCallback } from 'react';",
        "import { useMutation } from '@tanstack/react-query';",
        "import { useMutation as useLocalMutation } from './mutations';",
        'export function Save({ form }: { form: Values }) {',
        '  const { mutate } = useMutation({ mutationFn: put });',
        '  const onSave = useCallback(() => mutate(form), [mutate, form]);',
        '  const save = useMutation({ mutationFn: put });',
        '  const onSaveAgain = useCallback(() => save.mutate(form), [save.mutate, form]);',
        '  const local = useLocalMutation();',
        '  const onLocal = useCallback(() => local.run(form), [local, form]);',
        '  return <Toolbar onSave={onSave} onSaveAgain={onSaveAgain} onLocal={onLocal} />;',
        '}',
      ),
    },
    {
      name: 'defeated: a handleSubmit that is not react-hook-form, or a callback that also reaches a component',
      filename: 'Form.tsx',
      code: code(
        "import { useCallback } from 'react';",
        "import { useForm } from 'react-hook-form';",
        "import { handleSubmit } from './forms';",
        'export function Form({ send }: { send(values: Values): void }) {',
        '  const form = useForm<Values>();',
        '  const onSubmit = useCallback((values: Values) => send(values), [send]);',
        '  const onLocal = useCallback((values: Values) => send(values), [send]);',
        '  return <form onSubmit={form.handleSubmit(onSubmit)}><Fields onSubmit={onSubmit} /><div onClick={handleSubmit(onLocal)} /></form>;',
        '}',
      ),
    },
    // Fixed outputs: a second pass changes nothing.
    {
      name: 'fixed: primitive facts',
      filename: 'SendButton.tsx',
      code: code(
        "import { useState } from 'react';",
        "const STATUSES = ['draft', 'sent'] as const;",
        'export function SendButton({ name, state }: { name: string; state: string }) {',
        '  const [busy] = useState(false);',
        '  const blocked = !name || busy;',
        "  const invalid = !['draft', 'sent'].includes(state);",
        '  const known = STATUSES.includes(state as never);',
        '  return <button disabled={blocked || invalid || !known}>Send</button>;',
        '}',
      ),
    },
    {
      name: 'fixed: lookups',
      filename: 'Box.tsx',
      code: code(
        "const SIZES = { sm: { pad: 4 }, lg: { pad: 8 } } as const;",
        "export function Box({ variant, cols }: { variant: 'sm' | 'lg'; cols: 1 | 2 }) {",
        '  const size = SIZES[variant];',
        "  const table = { 1: 'w-1/2', 2: 'w-1/3' };",
        '  const width = table[cols];',
        '  return <Panel padding={size.pad} className={width} />;',
        '}',
      ),
    },
    {
      name: 'options off: lookups, unobserved identity and defeated memos',
      filename: 'Off.tsx',
      options: [{ reportLookups: false, reportUnobservedIdentity: false, reportDefeatedMemos: false }],
      code: code(
        "import { useCallback, useMemo } from 'react';",
        "import { useMutation } from '@tanstack/react-query';",
        'export function Off({ current, base, form }: { current?: Item; base: string; form: Values }) {',
        '  const id = useMemo(() => current?.id, [current]);',
        '  const hrefFor = useCallback((p: number) => `?${base}&page=${p}`, [base]);',
        '  const save = useMutation({ mutationFn: put });',
        '  const onSave = useCallback(() => save.mutate(form), [save, form]);',
        '  return <Row id={id} href={hrefFor(1)} onSave={onSave} />;',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: 'block body: if/return is reported with a conditional as a suggestion',
      filename: 'TaskRow.tsx',
      code: taskLabel,
      output: null,
      errors: [
        {
          messageId: 'trivialMemo',
          line: 4,
          suggestions: [
            {
              messageId: 'unwrapMemo',
              output: edit(
                edit(taskLabel, "import { useMemo } from 'react';\n", ''),
                code('useMemo(() => {', "    if (!task) return '';", "    return task.done ? 'Done' : 'Open';", '  }, [task])'),
                "!task ? '' : (task.done ? 'Done' : 'Open')",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'block body: if / else if / else chains become one conditional in the suggestion',
      filename: 'Status.tsx',
      code: code(
        "import { useMemo } from 'react';",
        'export function Status({ error, count }: { error?: string; count: number }) {',
        '  const text = useMemo(() => {',
        '    if (error) {',
        "      return 'Failed';",
        '    } else if (count === 0) {',
        "      return 'Empty';",
        '    }',
        '    return `${count} items`;',
        '  }, [error, count]);',
        '  return <p>{text}</p>;',
        '}',
      ),
      output: null,
      errors: [
        {
          messageId: 'trivialMemo',
          line: 3,
          suggestions: [
            {
              messageId: 'unwrapMemo',
              output: code(
                'export function Status({ error, count }: { error?: string; count: number }) {',
                "  const text = error ? 'Failed' : count === 0 ? 'Empty' : `${count} items`;",
                '  return <p>{text}</p>;',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'block body: switch, and a local substituted (its reads are what the deps must cover)',
      filename: 'TabTitle.tsx',
      code: tabTitle,
      output: null,
      errors: [
        { messageId: 'trivialMemo', line: 4, suggestions: [] },
        { messageId: 'trivialMemo', line: 12, suggestions: [] },
      ],
    },
    {
      name: 'primitive facts: literal useState, array-literal includes, a const list, JSON.stringify of a small literal',
      filename: 'SendButton.tsx',
      code: stateFacts,
      output: edit(
        edit(
          edit(
            edit(stateFacts, 'useMemo(() => !name || busy, [name, busy])', '!name || busy'),
            "useMemo(() => !['draft', 'sent'].includes(state), [state])",
            "!['draft', 'sent'].includes(state)",
          ),
          'useMemo(() => STATUSES.includes(state as never), [state])',
          'STATUSES.includes(state as never)',
        ),
        "useMemo(() => JSON.stringify({ draft: !known, size: 10, kind: 'send' }), [known])",
        "JSON.stringify({ draft: !known, size: 10, kind: 'send' })",
      ),
      errors: [
        { messageId: 'trivialMemo', line: 6 },
        { messageId: 'trivialMemo', line: 7 },
        { messageId: 'trivialMemo', line: 8 },
        { messageId: 'trivialMemo', line: 9 },
      ],
    },
    {
      name: 'lookups: a module constant table (autofix), a render-local table of primitives is primitive and needs no dep',
      filename: 'Box.tsx',
      code: sizeLookup,
      output: edit(edit(sizeLookup, 'useMemo(() => SIZES[variant], [variant])', 'SIZES[variant]'), 'useMemo(() => table[cols], [cols])', 'table[cols]'),
      errors: [
        { messageId: 'lookupMemo', data: { expression: 'SIZES[variant]' }, line: 6 },
        { messageId: 'trivialMemo', line: 8 },
      ],
    },
    {
      name: 'lookups into props and a memoised Map: suggestions (a getter or an in-place mutation could tell them apart)',
      filename: 'Picker.tsx',
      code: propLookups,
      output: null,
      errors: [
        {
          messageId: 'lookupMemo',
          line: 4,
          suggestions: [{ messageId: 'unwrapMemo', output: edit(propLookups, 'useMemo(() => current?.id || list[0]?.id, [current, list])', 'current?.id || list[0]?.id') }],
        },
        {
          messageId: 'lookupMemo',
          line: 6,
          suggestions: [{ messageId: 'unwrapMemo', output: edit(propLookups, 'useMemo(() => byId.get(id), [byId, id])', 'byId.get(id)') }],
        },
      ],
    },
    {
      name: 'lookups: a bare binding, and null beside a read (the same reference either way)',
      filename: 'useSelected.ts',
      code: code(
        "import { useMemo } from 'react';",
        '',
        'export function useSelected(selection: Selection, value: unknown) {',
        '  const current = useMemo(() => value, [value]);',
        '  const anchor = useMemo(() => selection.anchorNode ?? null, [selection.anchorNode]);',
        '  return { current, anchor };',
        '}',
      ),
      output: code(
        "import { useMemo } from 'react';",
        '',
        'export function useSelected(selection: Selection, value: unknown) {',
        '  const current = value;',
        '  const anchor = useMemo(() => selection.anchorNode ?? null, [selection.anchorNode]);',
        '  return { current, anchor };',
        '}',
      ),
      errors: [
        { messageId: 'lookupMemo', line: 4 },
        { messageId: 'lookupMemo', line: 5, suggestions: 1 },
      ],
    },
    {
      name: 'a table that something may change is not a constant table: a lookup (suggested), and includes is unknown work',
      filename: 'Labels.tsx',
      code: mutatedTables,
      output: null,
      errors: [
        {
          messageId: 'lookupMemo',
          line: 7,
          suggestions: [{ messageId: 'unwrapMemo', output: edit(mutatedTables, 'useMemo(() => LABELS[kind], [kind])', 'LABELS[kind]') }],
        },
      ],
    },
    {
      name: 'identity never observed: callbacks only called, in render and inside closures',
      filename: 'Pager.tsx',
      code: pager,
      output: null,
      errors: [
        {
          messageId: 'identityNeverObserved',
          data: { name: 'hrefFor', hook: 'useCallback', use: 'called or set as a DOM event handler' },
          line: 4,
          suggestions: [
            {
              messageId: 'removeManualMemo',
              data: { hook: 'useCallback' },
              output: edit(pager, 'useCallback((p: number) => `?${base}&page=${p}`, [base])', '(p: number) => `?${base}&page=${p}`'),
            },
          ],
        },
        { messageId: 'identityNeverObserved', data: { name: 'go', hook: 'useCallback', use: 'called or set as a DOM event handler' }, line: 5, suggestions: 1 },
      ],
    },
    {
      name: 'identity never observed: a DOM handler, and an object literal only read through its members',
      filename: 'Disclosure.tsx',
      code: code(
        "import { useCallback, useMemo, useState } from 'react';",
        'export function Disclosure({ w, h }: { w: number; h: number }) {',
        '  const [open, setOpen] = useState(false);',
        '  const toggle = useCallback(() => setOpen((value) => !value), []);',
        '  const box = useMemo(() => ({ w, h }), [w, h]);',
        '  return <details open={open} onToggle={toggle} style={{ width: box.w, height: box.h }} />;',
        '}',
      ),
      output: null,
      errors: [
        { messageId: 'identityNeverObserved', data: { name: 'toggle', hook: 'useCallback', use: 'called or set as a DOM event handler' }, line: 4, suggestions: 1 },
        { messageId: 'identityNeverObserved', data: { name: 'box', hook: 'useMemo', use: 'read through its members' }, line: 5, suggestions: 1 },
      ],
    },
    {
      name: 'defeated by deps: the whole useMutation() result is new on every render',
      filename: 'SaveButton.tsx',
      code: saveButton,
      output: null,
      errors: [{ messageId: 'defeatedByDeps', data: { name: 'save', source: 'useMutation', hook: 'useCallback' }, line: 6, column: 56 }],
    },
    {
      name: "defeated by a wrapper: react-hook-form's handleSubmit makes a new function on every render",
      filename: 'SignUp.tsx',
      code: hookForm,
      output: null,
      errors: [
        {
          messageId: 'defeatedByWrapper',
          data: { name: 'onSubmit', wrapper: 'handleSubmit', hook: 'useCallback' },
          line: 6,
          suggestions: [
            {
              messageId: 'removeManualMemo',
              data: { hook: 'useCallback' },
              output: edit(
                edit(hookForm, "import { useCallback } from 'react';\n", ''),
                'useCallback((values: Values) => send(values), [send])',
                '(values: Values) => send(values)',
              ),
            },
          ],
        },
      ],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Plain JavaScript (ESLint's own parser): no type annotations are ever added

jsRuleTester.run('no-trivial-memo (JS)', rule as never, {
  valid: [
    {
      name: 'JS: an object memo',
      filename: 'useQueryOptions.js',
      code: code(
        "import { useMemo } from 'react';",
        'export function useQueryOptions(page) {',
        '  return useMemo(() => ({ page, pageSize: 20 }), [page]);',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: 'JS: a lone literal is unwrapped without an annotation',
      filename: 'usePageSize.js',
      code: code(
        "import React from 'react';",
        'export function usePageSize(dense) {',
        '  const base = React.useMemo(() => 20, []);',
        '  return dense ? base * 2 : base;',
        '}',
      ),
      output: code(
        "import React from 'react';",
        'export function usePageSize(dense) {',
        '  const base = 20;',
        '  return dense ? base * 2 : base;',
        '}',
      ),
      errors: [{ messageId: 'trivialMemo', line: 3 }],
    },
  ],
});

cjsRuleTester.run('no-trivial-memo (CommonJS)', rule as never, {
  valid: [
    {
      name: 'CommonJS: a useMemo that is not from react',
      filename: 'legacy.js',
      code: code(
        "const { useMemo } = require('./my-hooks');",
        'function useTotal(a, b) {',
        '  return useMemo(() => a + b, [a, b]);',
        '}',
        'module.exports = { useTotal };',
      ),
    },
  ],
  invalid: [
    {
      name: "CommonJS: const { useMemo } = require('react')",
      filename: 'useIsActive.js',
      code: cjsHook,
      output: edit(cjsHook, "useMemo(() => !!status && status !== 'archived', [status])", "!!status && status !== 'archived'"),
      errors: [{ messageId: 'trivialMemo', line: 4 }],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// With type information: the type decides identity, and annotations come from the checker

const typedRuleTester = new RuleTester({
  languageOptions: {
    parser: tsParser,
    // With CI=true typescript-eslint infers "single run" mode and builds the program from the files
    // on disk, not the test's code; the tests lint code that is not on disk, so opt out.
    parserOptions: { project: './tsconfig.json', tsconfigRootDir: typedDir, ecmaFeatures: { jsx: true }, disallowAutomaticSingleRunInference: true },
  },
});
const typedFile = join(typedDir, 'Component.tsx');

const typedProfile = code(
  "import { useMemo } from 'react';",
  '',
  'type Address = { city: string; zip: string };',
  'type User = { name: string; address: Address; nickname?: string };',
  '',
  'export function ProfileHeader({ user }: { user: User }) {',
  '  const name = useMemo(() => user.name, [user.name]);',
  '  const address = useMemo(() => user.address, [user.address]);',
  '  return <h1>{name}, {address.city}</h1>;',
  '}',
);

typedRuleTester.run('no-trivial-memo (typed)', rule as never, {
  valid: [
    {
      name: 'typed: a property whose type is an object',
      filename: typedFile,
      options: [{ reportLookups: false }],
      code: code(
        "import { useMemo } from 'react';",
        'type Settings = { theme: { dark: boolean } | string };',
        'export function ThemeName({ settings }: { settings: Settings }) {',
        "  const theme = useMemo(() => settings.theme || 'light', [settings.theme]);",
        '  return <span>{String(theme)}</span>;',
        '}',
      ),
    },
    {
      name: 'typed: calls whose type is an object, calls without arguments, and id generators stay',
      filename: typedFile,
      code: code(
        "import { useMemo } from 'react';",
        'declare function summarise(cents: number): { total: number };',
        'declare function currentLocale(): string;',
        'declare function nanoid(size: number): string;',
        'export function Totals({ cents }: { cents: number }) {',
        '  const totals = useMemo(() => summarise(cents), [cents]);',
        '  const locale = useMemo(() => currentLocale(), []);',
        '  const id = useMemo(() => nanoid(cents), [cents]);',
        '  return <span lang={locale} id={id}>{totals.total}</span>;',
        '}',
      ),
    },
    {
      name: 'typed: a fixed output with its annotation',
      filename: typedFile,
      code: code(
        'export function Density({ dense }: { dense: boolean }) {',
        '  const rowHeight: number = 32;',
        '  return <div style={{ height: dense ? rowHeight / 2 : rowHeight }} />;',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: 'typed: a called function whose return type is primitive, suggested only (its purity is assumed)',
      filename: typedFile,
      code: code(
        "import { useMemo } from 'react';",
        'declare function formatPrice(cents: number, locale: string): string;',
        'export function Price({ cents, locale }: { cents: number; locale: string }) {',
        '  const text = useMemo(() => formatPrice(cents, locale), [cents, locale]);',
        '  return <span>{text}</span>;',
        '}',
      ),
      output: null,
      errors: [
        {
          messageId: 'trivialMemo',
          line: 4,
          suggestions: [
            {
              messageId: 'unwrapMemo',
              output: code(
                'declare function formatPrice(cents: number, locale: string): string;',
                'export function Price({ cents, locale }: { cents: number; locale: string }) {',
                '  const text = formatPrice(cents, locale);',
                '  return <span>{text}</span>;',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'typed: a string property is a primitive; an object property is not',
      filename: typedFile,
      code: typedProfile,
      output: edit(typedProfile, 'useMemo(() => user.name, [user.name])', 'user.name'),
      errors: [
        { messageId: 'trivialMemo', line: 7 },
        // The object is a lookup: the same reference comes back, memoised or not.
        {
          messageId: 'lookupMemo',
          line: 8,
          suggestions: [{ messageId: 'unwrapMemo', output: edit(typedProfile, 'useMemo(() => user.address, [user.address])', 'user.address') }],
        },
      ],
    },
    {
      name: 'typed: a bare identifier of a primitive type',
      filename: typedFile,
      code: code(
        "import { useMemo } from 'react';",
        'export function Stepper({ step }: { step: number }) {',
        '  const current = useMemo(() => step, [step]);',
        '  return <output>{current}</output>;',
        '}',
      ),
      output: code('export function Stepper({ step }: { step: number }) {', '  const current = step;', '  return <output>{current}</output>;', '}'),
      errors: [{ messageId: 'trivialMemo', line: 3 }],
    },
    {
      name: "typed: the checker's type of the memo becomes the annotation",
      filename: typedFile,
      code: code(
        "import { useMemo } from 'react';",
        'export function Density({ dense }: { dense: boolean }) {',
        '  const rowHeight = useMemo(() => 32, []);',
        '  return <div style={{ height: dense ? rowHeight / 2 : rowHeight }} />;',
        '}',
      ),
      output: code(
        'export function Density({ dense }: { dense: boolean }) {',
        '  const rowHeight: number = 32;',
        '  return <div style={{ height: dense ? rowHeight / 2 : rowHeight }} />;',
        '}',
      ),
      errors: [{ messageId: 'trivialMemo', line: 3 }],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// The fixed fixture type-checks: `tsc --noEmit` (strict, jsx react-jsx, noUnusedLocals) over the
// autofix output and over each suggestion applied on its own, with the project's React stubs.

describe('no-trivial-memo: fixed output type-checks', () => {
  const require = createRequire(import.meta.url);
  const tsc = join(require.resolve('typescript/package.json'), '..', 'bin', 'tsc');
  const config = [
    {
      files: ['**/*.tsx'],
      languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
      plugins: { cache: { rules: { 'no-trivial-memo': rule } } },
      rules: { 'cache/no-trivial-memo': ['error', { hoist: true }] },
    },
  ] as never;
  /** Fixtures with autofixes, and one with suggestions only. */
  const fixable = ['Dashboard.tsx', 'SingleMemo.tsx'];
  const sources = [...fixable, 'Hoisted.tsx'];

  function typeCheck(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'no-trivial-memo-'));
    try {
      copyFileSync(join(typedDir, 'tsconfig.json'), join(dir, 'tsconfig.json'));
      copyFileSync(join(typedDir, 'react.d.ts'), join(dir, 'react.d.ts'));
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      try {
        execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { stdio: 'pipe' });
        return '';
      } catch (error) {
        return String((error as { stdout?: Buffer }).stdout ?? error);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('the fixtures type-check before the fix, and the rule reports on them', () => {
    const linter = new Linter({ configType: 'flat' });
    const files: Record<string, string> = {};
    for (const name of sources) {
      files[name] = readFileSync(join(typedDir, 'fixtures', name), 'utf8');
      expect(linter.verify(files[name]!, config, { filename: name }).length, name).toBeGreaterThan(0);
    }
    expect(typeCheck(files)).toBe('');
  });

  it('the autofixed fixtures type-check, and a second pass changes nothing', () => {
    const linter = new Linter({ configType: 'flat' });
    const files: Record<string, string> = {};
    for (const name of fixable) {
      const fixed = linter.verifyAndFix(readFileSync(join(typedDir, 'fixtures', name), 'utf8'), config, { filename: name });
      expect(fixed.fixed, name).toBe(true);
      expect(linter.verifyAndFix(fixed.output, config, { filename: name }).fixed, `${name} second pass`).toBe(false);
      files[name] = fixed.output;
    }
    expect(typeCheck(files)).toBe('');
  });

  it('every suggestion, applied on its own, type-checks', () => {
    const linter = new Linter({ configType: 'flat' });
    const files: Record<string, string> = {};
    for (const name of sources) {
      const text = readFileSync(join(typedDir, 'fixtures', name), 'utf8');
      const messages = linter.verify(text, config, { filename: name });
      messages.forEach((message, i) =>
        (message.suggestions ?? []).forEach((suggestion, j) => {
          const { range, text: replacement } = suggestion.fix;
          files[`${name.replace('.tsx', '')}_${i}_${j}.tsx`] = text.slice(0, range[0]) + replacement + text.slice(range[1]);
        }),
      );
    }
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(3);
    expect(typeCheck(files)).toBe('');
  });
});
