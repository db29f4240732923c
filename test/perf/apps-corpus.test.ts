// The application corpus: its list parses, every label file is well formed and points at a
// category the scorer knows, and the scorer counts a finding on a bug label as a true positive,
// on a hard negative as a false positive, and elsewhere as unlabelled.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain ES module script without types
import { CATEGORIES, matchingLabels, readCorpus, readLabels, score } from '../../perf/apps.mjs';

interface Label { path: string; line: number; endLine?: number; category: string; verdict: 'bug' | 'ok'; reason: string }
interface Finding { rule: string; file: string; line: number }

const labelDir = join(import.meta.dirname, '..', '..', 'perf', 'apps', 'labels');

describe('application corpus', () => {
  it('pins at least 15 applications by commit, servers and clients both', () => {
    const corpus = readCorpus() as { repo: string; commit: string; kind: string }[];
    expect(corpus.length).toBeGreaterThanOrEqual(15);
    expect(new Set(corpus.map((e) => e.repo)).size).toBe(corpus.length);
    expect(corpus.filter((e) => e.kind !== 'client').length).toBeGreaterThanOrEqual(7);
    expect(corpus.filter((e) => e.kind !== 'server').length).toBeGreaterThanOrEqual(7);
  });

  it('has a well-formed label file for every repository of the corpus', () => {
    const corpus = readCorpus() as { repo: string; slug: string }[];
    const files = readdirSync(labelDir).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(corpus.map((e) => `${e.slug}.json`).sort());
    for (const entry of corpus) {
      const labels = readLabels(entry.slug) as Label[];
      expect(labels.length, entry.repo).toBeGreaterThan(0);
      for (const label of labels) {
        expect(Object.keys(CATEGORIES)).toContain(label.category);
        expect(label.path.startsWith('/')).toBe(false);
        if (label.endLine !== undefined) expect(label.endLine).toBeGreaterThanOrEqual(label.line);
      }
    }
  });

  it('matches a finding to labels of its rule category on the same file, within three lines', () => {
    const labels: Label[] = [
      { path: 'src/a.ts', line: 10, category: 'unbounded-cache', verdict: 'bug', reason: 'r' },
      { path: 'src/a.ts', line: 40, endLine: 60, category: 'missing-invalidation', verdict: 'ok', reason: 'r' },
    ];
    const at = (rule: string, file: string, line: number): Finding => ({ rule, file, line });
    expect(matchingLabels(at('no-unbounded-cache', 'src/a.ts', 13), labels)).toHaveLength(1);
    expect(matchingLabels(at('no-unbounded-cache', 'src/a.ts', 14), labels)).toHaveLength(0);
    expect(matchingLabels(at('no-unbounded-cache', 'src/b.ts', 10), labels)).toHaveLength(0);
    expect(matchingLabels(at('require-cache-ttl', 'src/a.ts', 10), labels)).toHaveLength(0);
    expect(matchingLabels(at('require-mutation-invalidation', 'src/a.ts', 55), labels)).toHaveLength(1);
    expect(matchingLabels(at('codemod/stale-cross-module-write', 'src/a.ts', 63), labels)).toHaveLength(1);
  });

  it('scores precision and recall from the labels', () => {
    const labels: Label[] = [
      { path: 'a.ts', line: 1, category: 'trivial-memo', verdict: 'bug', reason: 'r' },
      { path: 'a.ts', line: 20, category: 'trivial-memo', verdict: 'ok', reason: 'r' },
      { path: 'a.ts', line: 40, category: 'trivial-memo', verdict: 'bug', reason: 'r' },
    ];
    const findings = [
      { rule: 'no-trivial-memo', file: 'a.ts', line: 1 },
      { rule: 'no-trivial-memo', file: 'a.ts', line: 21 },
      { rule: 'no-trivial-memo', file: 'a.ts', line: 90 },
    ];
    const result = score([{ entry: { repo: 'o/n' }, labels, data: { findings } }], { recommended: { rules: { 'cache/no-trivial-memo': 'warn' } } });
    expect(result.perRule.get('no-trivial-memo')).toMatchObject({ findings: 3, tp: 1, fp: 1, unlabelled: 1 });
    expect(result.perCategory.get('trivial-memo')).toMatchObject({ bugs: 2, hardNegatives: 1, found: 1 });
    expect(result.configOf('no-trivial-memo')).toBe('recommended');
    expect(result.unlabelled).toHaveLength(1);
  });
});
