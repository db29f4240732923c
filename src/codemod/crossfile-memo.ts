import type { FileFacts } from './facts.js';
import type { ExportedComponent, FreshProp, ImportedChild } from './react-facts.js';

/** A memo finding before it becomes a CodemodFinding. */
export interface MemoFinding {
  readonly check: 'memo-defeated-by-prop' | 'memo-for-unmemoized-child';
  readonly file: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

type Resolve = (from: string, source: string) => string | undefined;

/** A component found behind an import, in the file that defines it. */
interface ResolvedComponent extends ExportedComponent {
  readonly file: string;
}

/** How many re-export hops (`export { X } from './x'`, `export * from './x'`) are followed. */
const MAX_HOPS = 3;

/** The component a module exports under `name`, following re-exports through barrel files. */
function componentOf(facts: ReadonlyMap<string, FileFacts>, resolve: Resolve, file: string, name: string, hops = 0): ResolvedComponent | undefined {
  const react = facts.get(file)?.react;
  if (!react) return undefined;
  const own = react.components.find((component) => component.name === name);
  if (own) return { ...own, file };
  if (hops >= MAX_HOPS) return undefined;
  for (const reExport of react.reExports) {
    if (reExport.names) {
      const match = reExport.names.find((entry) => entry.exported === name);
      if (!match) continue;
      const target = resolve(file, reExport.source);
      return target ? componentOf(facts, resolve, target, match.imported, hops + 1) : undefined;
    }
    // `export *` never re-exports a default.
    if (name === 'default') continue;
    const target = resolve(file, reExport.source);
    const found = target ? componentOf(facts, resolve, target, name, hops + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

const FRESH_WORDS: Record<FreshProp['value'], string> = {
  object: 'an object literal',
  array: 'an array literal',
  function: 'a function',
  jsx: 'a JSX element',
  new: 'a `new` object',
};

/**
 * `React.memo` children defeated by a prop that is new on every render, and `useCallback`/
 * `useMemo` results that only reach components which are not `React.memo`. Both need the
 * child's module: ESLint, one file at a time, cannot tell what `<OrderRow>` is.
 */
export function memoFindings(facts: ReadonlyMap<string, FileFacts>, resolve: Resolve, display: (file: string) => string): MemoFinding[] {
  const out: MemoFinding[] = [];
  const childOf = (file: string, child: ImportedChild): ResolvedComponent | undefined => {
    const target = resolve(file, child.importSource);
    return target && target !== file ? componentOf(facts, resolve, target, child.importName) : undefined;
  };
  for (const file of [...facts.keys()].sort()) {
    const react = facts.get(file)!.react;
    if (!react) continue;
    for (const fresh of react.freshProps) {
      const component = childOf(file, fresh);
      if (component?.kind !== 'memo') continue;
      const what = FRESH_WORDS[fresh.value];
      const value = fresh.binding ? `\`${fresh.binding.name}\`, ${what} created on every render (line ${fresh.binding.line})` : `${what} created inline, new on every render`;
      const fix =
        fresh.value === 'function'
          ? 'Wrap the function in `useCallback`, or move it to module scope if it uses nothing from the component'
          : 'Wrap the value in `useMemo`, or move it to module scope if it uses nothing from the component';
      out.push({
        check: 'memo-defeated-by-prop',
        file,
        message: `\`${fresh.prop}\` gets ${value}, so \`<${fresh.tag}>\` re-renders with its parent every time although it is \`React.memo\` (${display(component.file)}:${component.line}): the memo is defeated. ${fix}.`,
        line: fresh.line,
        column: fresh.column,
      });
    }
    for (const memoized of react.memoizedProps) {
      const children = memoized.uses.map((use) => ({ use, component: childOf(file, use) }));
      const plain = children.every(
        ({ use, component }) => component?.kind === 'plain' && component.escapingProps !== null && !component.escapingProps.includes(use.prop),
      );
      if (!plain) continue;
      const first = children[0]!;
      const where = (entry: (typeof children)[number]): string => `\`<${entry.use.tag}>\` as \`${entry.use.prop}\` (${display(entry.component!.file)}:${entry.component!.line})`;
      const distinct = children.filter((entry, i) => children.findIndex((other) => other.use.tag === entry.use.tag && other.use.prop === entry.use.prop) === i);
      const tags = [...new Set(distinct.map((entry) => entry.use.tag))];
      const targets =
        distinct.length === 1
          ? `${where(first)}, which is not \`React.memo\` and re-renders with its parent anyway`
          : `${distinct.map(where).join(' and ')}, ${tags.length === 1 ? 'which is' : 'none of which is'} \`React.memo\`: ${tags.length === 1 ? 'it re-renders' : 'they re-render'} with their parent anyway`;
      out.push({
        check: 'memo-for-unmemoized-child',
        file,
        message: `\`${memoized.hook}\` buys nothing here: \`${memoized.name}\` only goes to ${targets}. Wrap ${tags.map((tag) => `\`${tag}\``).join(' and ')} in \`memo(...)\`, or drop the \`${memoized.hook}\`.`,
        line: memoized.line,
        column: memoized.column,
      });
    }
  }
  return out;
}
