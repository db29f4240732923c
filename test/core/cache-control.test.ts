import { describe, expect, it } from 'vitest';
import {
  KNOWN_DIRECTIVES,
  checkCacheControl,
  deltaSeconds,
  getDirective,
  hasDirective,
  isCachingValue,
  isPrivateOrNoStore,
  isSharedCacheable,
  parseCacheControl,
  type CacheControlEdit,
  type CacheControlProblem,
  type CacheControlProblemKind,
} from '../../src/core/http/cache-control.js';

function applyEdit(value: string, edit: CacheControlEdit): string {
  return value.slice(0, edit.start) + edit.text + value.slice(edit.end);
}

/** Apply all non-overlapping fixes in one pass, the way ESLint does. */
function applyFixesOnce(value: string): { output: string; applied: number } {
  const fixes = checkCacheControl(value)
    .flatMap((p) => (p.fix ? [p.fix] : []))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let output = '';
  let last = 0;
  let applied = 0;
  for (const fix of fixes) {
    if (applied > 0 && fix.start <= last) continue;
    output += value.slice(last, fix.start) + fix.text;
    last = fix.end;
    applied++;
  }
  return { output: output + value.slice(last), applied };
}

/** Apply fixes until none are left (ESLint makes up to 10 passes). */
function fixAll(value: string): string {
  let current = value;
  for (let pass = 0; pass < 10; pass++) {
    const { output, applied } = applyFixesOnce(current);
    if (applied === 0) return current;
    current = output;
  }
  return current;
}

function kinds(value: string): CacheControlProblemKind[] {
  return checkCacheControl(value).map((p) => p.kind);
}

function only(value: string, kind: CacheControlProblemKind): CacheControlProblem {
  const problems = checkCacheControl(value);
  expect(problems.map((p) => p.kind)).toEqual([kind]);
  return problems[0]!;
}

function countKind(value: string, kind: CacheControlProblemKind): number {
  return checkCacheControl(value).filter((p) => p.kind === kind).length;
}

describe('parseCacheControl', () => {
  it('parses directives with offsets, lower-cased names and raw names', () => {
    const parsed = parseCacheControl('Public, Max-Age=60');
    expect(parsed.problems).toEqual([]);
    expect(parsed.directives).toEqual([
      { name: 'public', rawName: 'Public', value: undefined, quoted: false, start: 0, end: 6 },
      { name: 'max-age', rawName: 'Max-Age', value: '60', quoted: false, start: 8, end: 18 },
    ]);
  });

  it('unquotes quoted-strings and unescapes quoted-pairs', () => {
    const value = 'no-cache="Set-Cookie, Set-Cookie2", x-ext="a\\"b\\\\c"';
    const parsed = parseCacheControl(value);
    expect(parsed.problems).toEqual([]);
    expect(parsed.directives.map((d) => [d.name, d.value, d.quoted])).toEqual([
      ['no-cache', 'Set-Cookie, Set-Cookie2', true],
      ['x-ext', 'a"b\\c', true],
    ]);
    const ext = parsed.directives[1]!;
    expect(value.slice(ext.start, ext.end)).toBe('x-ext="a\\"b\\\\c"');
  });

  it('does not split on commas inside quoted strings', () => {
    const parsed = parseCacheControl('private="a,b", max-age=5');
    expect(parsed.directives.map((d) => d.name)).toEqual(['private', 'max-age']);
  });

  it('accepts spaces and tabs around commas and around the whole value', () => {
    const parsed = parseCacheControl(' \tpublic \t,\t max-age=60 ');
    expect(parsed.problems).toEqual([]);
    expect(parsed.directives.map((d) => d.name)).toEqual(['public', 'max-age']);
  });

  it('reports only syntax-level problems', () => {
    const parsed = parseCacheControl('no-store, max-age=60, max-age=abc, foo=1');
    expect(parsed.problems).toEqual([]);
    expect(parsed.directives).toHaveLength(4);
  });

  it('keeps directives with a recoverable slip and drops unparseable elements', () => {
    const parsed = parseCacheControl('max-age = 60, s-maxage:30, no-store=, max-age=60 30, public');
    expect(parsed.directives.map((d) => [d.name, d.value])).toEqual([
      ['max-age', '60'],
      ['s-maxage', '30'],
      ['no-store', ''],
      ['public', undefined],
    ]);
    expect(parsed.problems.map((p) => p.kind)).toEqual(['syntax', 'syntax', 'syntax', 'syntax']);
  });

  it('returns problems sorted by offset', () => {
    const problems = parseCacheControl('a b,, c d').problems;
    expect(problems.map((p) => p.start)).toEqual([...problems.map((p) => p.start)].sort((x, y) => x - y));
  });
});

describe('checkCacheControl: valid values', () => {
  const valid = [
    'public, max-age=31536000, immutable',
    'private, no-cache, no-store, must-revalidate',
    'public, max-age=60, s-maxage=300, stale-while-revalidate=600',
    'no-cache="Set-Cookie, Set-Cookie2"',
    'no-cache=Set-Cookie',
    'private="Authorization"',
    'max-age=0',
    'no-cache',
    'no-store',
    'PUBLIC, MAX-AGE=60',
    'Max-Age=60',
    'public,max-age=60',
    'public ,\tmax-age=60',
    'max-age=60, stale-if-error=86400',
    'max-stale',
    'max-stale=60, min-fresh=10',
    'only-if-cached',
    'no-transform, proxy-revalidate, must-understand, no-store',
    'max-age=2147483648',
    'max-age=007',
    'no-store, no-cache, must-revalidate, max-age=0',
    'private, max-age=0',
    'no-cache, max-age=0',
    'public, max-age=0, must-revalidate',
    'no-store, no-cache, must-revalidate, post-check=0, pre-check=0',
    'no-store, s-maxage=0',
    'public, private="Set-Cookie"',
    'immutable, no-cache="Set-Cookie", max-age=600',
    'community="UCI"',
    'x-custom-thing, foo=bar, durable',
  ];
  it.each(valid)('%s has no problems', (value) => {
    expect(checkCacheControl(value)).toEqual([]);
  });
});

describe('checkCacheControl: empty values and elements', () => {
  it.each(['', ' ', '\t  '])('all-blank %j is empty-value', (value) => {
    expect(checkCacheControl(value)).toEqual([{ kind: 'empty-value', start: 0, end: value.length }]);
  });

  it('a value of only commas is empty-value, not a string of empty elements', () => {
    expect(kinds(' , ,')).toEqual(['empty-value']);
  });

  it.each([
    ['max-age=60,,public', 'max-age=60,public'],
    ['max-age=60, ,public', 'max-age=60,public'],
    ['max-age=60 , , public', 'max-age=60 , public'],
    [', max-age=60', 'max-age=60'],
    [' ,max-age=60', 'max-age=60'],
    ['max-age=60,', 'max-age=60'],
    ['max-age=60 , ', 'max-age=60'],
  ])('%j has an empty element fixed to %j', (value, fixed) => {
    const problem = only(value, 'empty-element');
    expect(problem.fix).toBeDefined();
    expect(applyEdit(value, problem.fix!)).toBe(fixed);
    expect(checkCacheControl(fixed)).toEqual([]);
  });

  it('several empty elements each get a fix and all fixes converge', () => {
    expect(kinds('a,,,b')).toEqual(['empty-element', 'empty-element']);
    expect(fixAll('a,,,b')).toBe('a,b');
    expect(fixAll(',,a,,')).toBe('a');
  });

  it('covers the commas concerned', () => {
    const problem = only('max-age=60,,public', 'empty-element');
    expect([problem.start, problem.end]).toEqual([10, 12]);
  });
});

describe('checkCacheControl: syntax', () => {
  it.each([
    ['max-age = 60', 'max-age=60'],
    ['max-age =60', 'max-age=60'],
    ['max-age=\t60', 'max-age=60'],
    ['public, no-cache = "Set-Cookie"', 'public, no-cache="Set-Cookie"'],
  ])('whitespace around "=" in %j is fixed to %j', (value, fixed) => {
    const problem = only(value, 'syntax');
    expect(applyEdit(value, problem.fix!)).toBe(fixed);
    expect(checkCacheControl(fixed)).toEqual([]);
  });

  it.each([
    'max-age=60 30',
    'max-age 60',
    'max-age=60; public',
    'no-store;',
    'foo@bar',
    'max-age=@',
    '=60',
    'max-age==60',
    'no-cache="Set-Cookie',
    'no-cache="a\\',
    'max-age=60\n',
    'ma\u00e9x-age=60',
    'no-cache="a\u0001b"',
    'max-age=',
    'foo:bar',
    'no-cache="Set Cookie"',
    '"quoted", public',
  ])('%j is a syntax error without a fix', (value) => {
    const problems = checkCacheControl(value).filter((p) => p.kind === 'syntax');
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem.fix).toBeUndefined();
  });

  it('recovers at the next comma after a syntax error', () => {
    const parsed = parseCacheControl('max-age=60 "x,y" z, public');
    expect(parsed.directives.map((d) => d.name)).toEqual(['public']);
    expect(parsed.problems).toEqual([{ kind: 'syntax', start: 0, end: 18, directive: 'max-age=60 "x,y" z' }]);
  });

  it('an unterminated quoted string swallows the rest of the value', () => {
    const parsed = parseCacheControl('public, no-cache="Set-Cookie, max-age=60');
    expect(parsed.directives.map((d) => d.name)).toEqual(['public']);
    expect(parsed.problems.map((p) => p.kind)).toEqual(['syntax']);
  });
});

describe('checkCacheControl: arguments', () => {
  it.each(['max-age', 's-maxage', 'min-fresh', 'stale-while-revalidate', 'stale-if-error'])(
    '%s without an argument is missing-argument',
    (name) => {
      const problem = only(`public, ${name}`, 'missing-argument');
      expect(problem).toMatchObject({ start: 8, end: 8 + name.length, directive: name });
      expect(problem.fix).toBeUndefined();
    },
  );

  it('max-stale may omit its argument', () => {
    expect(checkCacheControl('max-stale')).toEqual([]);
    expect(kinds('max-stale=abc')).toEqual(['invalid-seconds']);
  });

  it.each([
    ['no-store=1', 'no-store'],
    ['public=true, max-age=60', 'public, max-age=60'],
    ['must-revalidate="yes"', 'must-revalidate'],
    ['immutable=', 'immutable'],
    ['Only-If-Cached=0', 'Only-If-Cached'],
  ])('%j has an unexpected argument fixed to %j', (value, fixed) => {
    const problems = checkCacheControl(value);
    const problem = problems.find((p) => p.kind === 'unexpected-argument')!;
    expect(problem).toBeDefined();
    expect(applyEdit(value, problem.fix!)).toBe(fixed);
    expect(checkCacheControl(fixed)).toEqual([]);
  });

  it.each(['max-age=-1', 'max-age=1.5', 'max-age=60s', 'max-age=abc', 's-maxage=1e3', 'max-age="sixty"', 'max-age=""'])(
    '%j is invalid-seconds without a fix',
    (value) => {
      const problem = only(value, 'invalid-seconds');
      expect(problem.fix).toBeUndefined();
      expect(problem.suggestion).toBeUndefined();
      expect(problem.start).toBe(value.indexOf('=') + 1);
      expect(problem.end).toBe(value.length);
    },
  );

  it('a quoted seconds argument is a syntax problem fixed by unquoting', () => {
    const problem = only('max-age="60"', 'syntax');
    expect(problem.fix).toEqual({ start: 8, end: 12, text: '60' });
    expect(applyEdit('max-age="60"', problem.fix!)).toBe('max-age=60');
  });

  it.each(['max-age=2147483649', 'max-age=99999999999999999999', 's-maxage=0002147483649'])(
    '%j is out-of-range without a fix',
    (value) => {
      const problem = only(value, 'out-of-range');
      expect(problem.fix).toBeUndefined();
    },
  );

  it('a quoted huge value is both quoted and out of range', () => {
    expect(kinds('max-age="3000000000"')).toEqual(['syntax', 'out-of-range']);
  });

  it('an empty argument on a seconds directive is a syntax problem', () => {
    expect(kinds('max-age=')).toEqual(['syntax']);
  });
});

describe('checkCacheControl: misspellings', () => {
  const table: Array<[string, string]> = [
    ['max_age', 'max-age'],
    ['maxage', 'max-age'],
    ['max-ag', 'max-age'],
    ['s-max-age', 's-maxage'],
    ['smaxage', 's-maxage'],
    ['s_maxage', 's-maxage'],
    ['s-max_age', 's-maxage'],
    ['no_store', 'no-store'],
    ['nostore', 'no-store'],
    ['no-stor', 'no-store'],
    ['no_cache', 'no-cache'],
    ['nocache', 'no-cache'],
    ['must_revalidate', 'must-revalidate'],
    ['mustrevalidate', 'must-revalidate'],
    ['proxy_revalidate', 'proxy-revalidate'],
    ['stale_while_revalidate', 'stale-while-revalidate'],
    ['stalewhilerevalidate', 'stale-while-revalidate'],
    ['stale-while-revalidation', 'stale-while-revalidate'],
    ['stale_if_error', 'stale-if-error'],
    ['no_transform', 'no-transform'],
    ['notransform', 'no-transform'],
    ['immutible', 'immutable'],
    ['imutable', 'immutable'],
    ['pubic', 'public'],
    ['privat', 'private'],
    ['only_if_cached', 'only-if-cached'],
    ['MustUnderstand', 'must-understand'],
  ];
  it.each(table)('%s is fixed to %s', (typo, right) => {
    const takesSeconds = KNOWN_DIRECTIVES.get(right) === 'seconds';
    const value = takesSeconds ? `${typo}=60` : typo;
    const problem = only(value, 'misspelled');
    expect(problem.directive).toBe(value);
    expect(problem.expected).toBe(takesSeconds ? `${right}=60` : right);
    expect(problem.fix).toBeDefined();
    expect(problem.suggestion).toBeUndefined();
    expect(applyEdit(value, problem.fix!)).toBe(problem.expected);
    expect(checkCacheControl(applyEdit(value, problem.fix!))).toEqual([]);
  });

  it('keeps the rest of the list when fixing', () => {
    const value = 'public, Max_Age=600, immutable';
    const problem = only(value, 'misspelled');
    expect([problem.start, problem.end]).toEqual([8, 19]);
    expect(applyEdit(value, problem.fix!)).toBe('public, max-age=600, immutable');
  });

  it.each([
    ['max-age:60', 'max-age=60'],
    ['s-maxage:60', 's-maxage=60'],
    ['Max-Age:60', 'Max-Age=60'],
    ['public, s-maxage: 300', 'public, s-maxage=300'],
    ['max_age:60', 'max-age=60'],
    ['stale-while-revalidate:30', 'stale-while-revalidate=30'],
  ])('colon for equals in %j is fixed to %j', (value, fixed) => {
    const problem = only(value, 'misspelled');
    expect(problem.fix).toBeDefined();
    expect(applyEdit(value, problem.fix!)).toBe(fixed);
    expect(checkCacheControl(fixed)).toEqual([]);
  });

  it('a colon on a name that is only probably misspelled gets a suggestion fixing both', () => {
    const problem = only('max-agef:60', 'misspelled');
    expect(problem.fix).toBeUndefined();
    expect(problem.expected).toBe('max-age=60');
    expect(applyEdit('max-agef:60', problem.suggestion!)).toBe('max-age=60');
  });

  it('a colon on a directive that takes no argument stays a syntax error', () => {
    const problem = only('no-store:1', 'syntax');
    expect(problem.fix).toBeUndefined();
  });

  it.each([
    ['max-agee=60', 'max-age=60'],
    ['pubilc', 'public'],
    ['must-revaldate', 'must-revalidate'],
    ['no-stroe', 'no-store'],
    ['stale-if-eror=60', 'stale-if-error=60'],
    ['imutabel', 'immutable'],
  ])('%j near one known directive gets a suggestion for %j', (value, expected) => {
    const problem = only(value, 'misspelled');
    expect(problem.expected).toBe(expected);
    if (value === 'no-stroe') {
      // In the explicit typo table, so it is a safe fix.
      expect(problem.fix).toBeDefined();
      return;
    }
    expect(problem.fix).toBeUndefined();
    expect(problem.suggestion).toBeDefined();
    expect(applyEdit(value, problem.suggestion!)).toBe(expected);
  });

  it('does not guess when two known directives are equally close', () => {
    // `max-sage` is one edit from max-age and two from max-stale.
    expect(checkCacheControl('max-sage=60')).toEqual([]);
  });

  it('leaves extension directives far from any known name alone', () => {
    expect(checkCacheControl('foo, bar=1, x-cdn-ttl=60, pre-check=0, post-check=0')).toEqual([]);
  });

  it('never reports allowedDirectives', () => {
    expect(kinds('pubilc')).toEqual(['misspelled']);
    expect(checkCacheControl('pubilc', { allowedDirectives: ['PUBILC'] })).toEqual([]);
    expect(checkCacheControl('max_age=1', { allowedDirectives: ['max_age'] })).toEqual([]);
  });
});

describe('checkCacheControl: duplicates', () => {
  it.each([
    ['max-age=60, max-age=120', 'max-age=60'],
    ['public, max-age=60, Public', 'public, max-age=60'],
    ['max-age=60, public, max-age=60', 'max-age=60, public'],
    ['no-cache,no-cache,no-store', 'no-cache,no-store'],
  ])('%j: suggestion removes the later one giving %j', (value, fixed) => {
    const problem = only(value, 'duplicate');
    expect(problem.fix).toBeUndefined();
    expect(applyEdit(value, problem.suggestion!)).toBe(fixed);
    expect(checkCacheControl(fixed)).toEqual([]);
  });

  it('names both directives as written', () => {
    const problem = only('max-age=60, Max-Age=120', 'duplicate');
    expect(problem).toMatchObject({ directive: 'Max-Age=120', other: 'max-age=60', start: 12, end: 23 });
  });

  it('reports every repetition against the first', () => {
    const problems = checkCacheControl('public, public, public');
    expect(problems.map((p) => [p.kind, p.start])).toEqual([
      ['duplicate', 8],
      ['duplicate', 16],
    ]);
  });
});

describe('checkCacheControl: contradictions', () => {
  it.each([
    ['no-store, max-age=60', 'max-age=60', 'no-store', 'no-store'],
    ['max-age=60, no-store', 'max-age=60', 'no-store', 'no-store'],
    ['no-store, s-maxage=60', 's-maxage=60', 'no-store', 'no-store'],
    ['no-store, immutable', 'immutable', 'no-store', 'no-store'],
    ['public, no-store', 'public', 'no-store', 'no-store'],
    ['no-store, stale-while-revalidate=30', 'stale-while-revalidate=30', 'no-store', 'no-store'],
    ['public, private', 'public', 'private', 'private'],
    ['private, public, max-age=0', 'public', 'private', 'private, max-age=0'],
    ['immutable, no-cache', 'immutable', 'no-cache', 'no-cache'],
    [
      'public, max-age=31536000, immutable, no-cache',
      'immutable',
      'no-cache',
      'public, max-age=31536000, no-cache',
    ],
  ])('%j: %s contradicts %s; suggestion gives %j', (value, directive, other, fixed) => {
    const problem = only(value, 'contradiction');
    expect(problem.directive).toBe(directive);
    expect(problem.other).toBe(other);
    expect(value.slice(problem.start, problem.end)).toBe(directive);
    expect(problem.fix).toBeUndefined();
    expect(applyEdit(value, problem.suggestion!)).toBe(fixed);
    expect(checkCacheControl(fixed)).toEqual([]);
  });

  it('reports each conflicting caching directive', () => {
    const value = 'public, no-store, max-age=3600, s-maxage=60';
    const problems = checkCacheControl(value);
    expect(problems.map((p) => [p.kind, p.directive])).toEqual([
      ['contradiction', 'public'],
      ['contradiction', 'max-age=3600'],
      ['contradiction', 's-maxage=60'],
    ]);
    let fixed = value;
    for (const p of [...problems].reverse()) fixed = applyEdit(fixed, p.suggestion!);
    expect(fixed).toBe('no-store');
  });

  it('only the first occurrence of a repeated directive is checked for contradictions', () => {
    // Caches obey the first occurrence; the repetition is reported as a duplicate.
    const value = 'public, no-store, public';
    expect(checkCacheControl(value).map((p) => [p.kind, p.start])).toEqual([
      ['contradiction', 0],
      ['duplicate', 18],
    ]);
  });

  it.each([
    'no-store, no-cache, must-revalidate, max-age=0',
    'private, max-age=0',
    'no-cache, max-age=0',
    'public, max-age=0, must-revalidate',
    'no-store, private',
    'no-cache, must-revalidate',
  ])('belt-and-braces %j is not a contradiction', (value) => {
    expect(checkCacheControl(value)).toEqual([]);
  });
});

describe('fix and suggestion edits', () => {
  // Every fixable case: applying the edit removes that kind of problem there.
  const fixable = [
    'max-age=60,,public',
    ', max-age=60',
    'max-age=60,',
    'max-age = 60',
    'no-cache = "Set-Cookie"',
    'no-store=1',
    'public=true, max-age=60',
    'max-age="60"',
    'max_age=60',
    'public, nocache',
    'max-age:60',
    's-maxage:60',
    'pubilc, max-age=60',
    'max-age=60, max-age=120',
    'no-store, max-age=60',
    'public, private',
    'immutable, no-cache',
    'public, max-age=60, no-store, public',
    'no-store, public, private',
  ];
  it.each(fixable)('%j: each edit removes its problem and keeps the list well-formed', (value) => {
    const problems = checkCacheControl(value);
    const edited = problems.filter((p) => p.fix || p.suggestion);
    expect(edited.length).toBeGreaterThan(0);
    for (const problem of edited) {
      for (const edit of [problem.fix, problem.suggestion]) {
        if (!edit) continue;
        const before = countKind(value, problem.kind);
        const after = applyEdit(value, edit);
        const remaining = checkCacheControl(after).filter((p) => p.kind === problem.kind);
        // One fewer of that kind; when the same directive occurs twice the other
        // occurrence may take over the problem, but never more of them.
        expect(remaining.length).toBeLessThanOrEqual(before);
        if (before === 1) expect(remaining).toEqual([]);
        // Nothing at the edited place is still of that kind.
        const editedEnd = edit.start + edit.text.length;
        for (const p of remaining) expect(p.end <= edit.start || p.start >= editedEnd || p.start === p.end).toBe(true);
        // The edit never breaks the list.
        expect(kinds(after).filter((k) => k === 'empty-element' || k === 'empty-value')).toEqual([]);
      }
    }
  });

  it.each([
    ['max-age=60,,public', 'max-age=60,public'],
    ['Max_Age = "60", , public=1', 'max-age=60, public'],
    ['no-store=, s_maxage:60,', 'no-store, s-maxage=60'],
    [', ,max-age : 60 , ', 'max-age=60'],
    ['public, max-age=60', 'public, max-age=60'],
  ])('fixing %j everywhere gives %j, and fixing again changes nothing', (value, fixed) => {
    const once = fixAll(value);
    expect(once).toBe(fixed);
    expect(fixAll(once)).toBe(once);
    expect(checkCacheControl(once).filter((p) => p.fix)).toEqual([]);
  });
});

describe('helpers', () => {
  it('hasDirective / getDirective are case-insensitive and return the first occurrence', () => {
    const parsed = parseCacheControl('Max-Age=60, max-age=120, public');
    expect(hasDirective(parsed, 'MAX-AGE')).toBe(true);
    expect(hasDirective(parsed, 'no-store')).toBe(false);
    expect(getDirective(parsed, 'max-age')?.value).toBe('60');
    expect(getDirective(parsed, 'private')).toBeUndefined();
  });

  it('deltaSeconds', () => {
    const seconds = (value: string) => deltaSeconds(parseCacheControl(value).directives[0]);
    expect(seconds('max-age=60')).toBe(60);
    expect(seconds('max-age=0')).toBe(0);
    expect(seconds('max-age=007')).toBe(7);
    expect(seconds('max-age="60"')).toBe(60);
    expect(seconds('max-age=99999999999999')).toBe(2147483648);
    expect(seconds('max-age=-1')).toBeUndefined();
    expect(seconds('max-age=1.5')).toBeUndefined();
    expect(seconds('max-age')).toBeUndefined();
    expect(deltaSeconds(undefined)).toBeUndefined();
  });

  it.each([
    ['public', true],
    ['s-maxage=60', true],
    ['s-maxage=0', true],
    ['max-age=60', true],
    ['max-age=0', false],
    ['no-cache, max-age=60', true],
    ['public, no-cache', true],
    ['private, max-age=60', false],
    ['public, no-store', false],
    ['max-age=60, private="Set-Cookie"', true],
    ['must-revalidate', false],
    ['max-age=abc', false],
  ] as const)('isSharedCacheable(%j) is %s', (value, expected) => {
    expect(isSharedCacheable(parseCacheControl(value))).toBe(expected);
  });

  it.each([
    ['private', true],
    ['no-store', true],
    ['Private, max-age=60', true],
    ['private="Set-Cookie"', false],
    ['public, max-age=60', false],
    ['no-cache', false],
  ] as const)('isPrivateOrNoStore(%j) is %s', (value, expected) => {
    expect(isPrivateOrNoStore(parseCacheControl(value))).toBe(expected);
  });

  it.each([
    ['public', true],
    ['s-maxage=60', true],
    ['max-age=60', true],
    ['immutable', true],
    ['stale-while-revalidate=60', true],
    ['stale-if-error=60', true],
    ['private, max-age=60', true],
    ['max-age=0', false],
    ['s-maxage=0', false],
    ['stale-while-revalidate=0', false],
    ['no-store', false],
    ['public, max-age=60, no-cache', false],
    ['no-store, max-age=60', false],
    ['no-cache="Set-Cookie", max-age=60', true],
    ['must-revalidate', false],
    ['private', false],
  ] as const)('isCachingValue(%j) is %s', (value, expected) => {
    expect(isCachingValue(parseCacheControl(value))).toBe(expected);
  });

  it('KNOWN_DIRECTIVES lists response and request directives with their argument kind', () => {
    expect(KNOWN_DIRECTIVES.size).toBe(16);
    expect(KNOWN_DIRECTIVES.get('max-stale')).toBe('seconds');
    expect(KNOWN_DIRECTIVES.get('private')).toBe('optional-field-list');
    expect(KNOWN_DIRECTIVES.get('only-if-cached')).toBe('none');
  });
});

describe('fuzz', () => {
  /** mulberry32: small seeded PRNG so failures reproduce. */
  function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const alphabet = 'abcdefghijklmnopqrstuvwxyz-=",; _0123456789';
  const words = ['max-age', 's-maxage', 'no-store', 'no-cache', 'public', 'private', 'immutable', '=', ', ', '"', ':'];

  function sane(value: string, edit: CacheControlEdit | undefined): void {
    if (!edit) return;
    expect(0 <= edit.start && edit.start <= edit.end && edit.end <= value.length).toBe(true);
  }

  it('never throws, offsets are sane and fixes converge', () => {
    const random = prng(0xcac4e);
    for (let i = 0; i < 4000; i++) {
      let value = '';
      const length = Math.floor(random() * 32);
      while (value.length < length) {
        value +=
          random() < 0.2
            ? words[Math.floor(random() * words.length)]!
            : alphabet[Math.floor(random() * alphabet.length)]!;
      }
      const parsed = parseCacheControl(value);
      for (const d of parsed.directives) {
        expect(0 <= d.start && d.start < d.end && d.end <= value.length, value).toBe(true);
        expect(value.slice(d.start, d.start + d.rawName.length)).toBe(d.rawName);
      }
      const problems = checkCacheControl(value, { allowedDirectives: ['abc'] });
      for (const p of problems) {
        expect(0 <= p.start && p.start <= p.end && p.end <= value.length, value).toBe(true);
        sane(value, p.fix);
        sane(value, p.suggestion);
      }
      const fixed = fixAll(value);
      expect(applyFixesOnce(fixed).applied, `${value} -> ${fixed}`).toBe(0);
      expect(hasDirective(parsed, 'max-age')).toBeTypeOf('boolean');
      expect(isSharedCacheable(parsed)).toBeTypeOf('boolean');
      expect(isCachingValue(parsed)).toBeTypeOf('boolean');
      expect(isPrivateOrNoStore(parsed)).toBeTypeOf('boolean');
    }
  });

  it('handles pathological inputs', () => {
    const inputs = [
      '"'.repeat(10_000),
      '\\'.repeat(10_000),
      ','.repeat(10_000),
      'a='.repeat(5_000),
      `no-cache="${'\\'.repeat(9_999)}`,
      'x'.repeat(50_000),
      '\u0000\uffff\ud800',
    ];
    for (const value of inputs) {
      expect(() => checkCacheControl(value)).not.toThrow();
    }
    expect(() => parseCacheControl(undefined as unknown as string)).not.toThrow();
  });
});
