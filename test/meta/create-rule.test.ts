import { Linter } from 'eslint';
import { createRule } from '../../src/eslint/create-rule.js';

// createRule hands `create` its options with defaults applied, without allocating per file when
// ESLint has already merged `meta.defaultOptions` (9.15+), and merging itself when a host has not.
function probe() {
  const seen: unknown[][] = [];
  const rule = createRule<[{ max: number; names: string[] }], 'x'>({
    name: 'probe',
    meta: {
      type: 'problem',
      docs: { description: 'probe' },
      messages: { x: 'x' },
      schema: [{ type: 'object', properties: { max: { type: 'number' }, names: { type: 'array' } }, additionalProperties: false }],
      defaultOptions: [{ max: 10, names: [] }],
    },
    create(context, options) {
      // The test compares the raw options with the merged ones.
      // eslint-disable-next-line no-restricted-syntax
      seen.push([context.options, options]);
      return {};
    },
  });
  return { rule, seen };
}

describe('createRule options', () => {
  it('passes ESLint\'s merged options through as they are (no copy per file)', () => {
    const { rule, seen } = probe();
    const linter = new Linter();
    const config = [{ plugins: { p: { rules: { probe: rule as never } } }, rules: { 'p/probe': ['error', { max: 3 }] as never } }];
    linter.verify('a;', config);
    linter.verify('b;', config);
    expect(seen).toHaveLength(2);
    for (const [raw, merged] of seen) {
      expect(merged).toBe(raw);
      expect(merged).toEqual([{ max: 3, names: [] }]);
    }
  });

  it('merges defaults itself when the host did not (oxlint JS plugins), once per options array', () => {
    const { rule, seen } = probe();
    const partial = [{ names: ['a'] }];
    const context = { options: partial } as never;
    rule.create(context);
    rule.create(context);
    rule.create({ options: [] } as never);
    const [first, second, empty] = seen.map(([, merged]) => merged);
    expect(first).toEqual([{ max: 10, names: ['a'] }]);
    expect(second).toBe(first);
    expect(empty).toEqual([{ max: 10, names: [] }]);
    expect(partial).toEqual([{ names: ['a'] }]);
  });

  it('links every rule to its docs', () => {
    expect(probe().rule.meta.docs?.url).toMatch(/docs\/rules\/probe\.md$/);
  });
});
