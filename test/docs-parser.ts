import { readFileSync } from 'node:fs';

/** One fenced code block of a rule doc, with the section it sits in. */
export interface DocExample {
  readonly kind: 'incorrect' | 'correct' | 'other';
  readonly lang: string;
  readonly code: string;
  readonly filename: string | undefined;
  readonly options: unknown;
  readonly line: number;
}

/** A parsed rule doc: its title, first paragraph, sections and examples. */
export interface RuleDoc {
  readonly title: string;
  readonly description: string;
  readonly sections: ReadonlyMap<string, string>;
  readonly examples: readonly DocExample[];
}

/** Reads `docs/rules/<name>.md` into title, description, `##` sections and fenced examples. */
export function parseRuleDoc(path: string): RuleDoc {
  const lines = readFileSync(path, 'utf8').split('\n');
  const title = (lines[0] ?? '').replace(/^#\s+/, '').trim();
  let i = 1;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const description: string[] = [];
  while (i < lines.length && lines[i]!.trim() !== '') description.push(lines[i++]!.trim());
  const sections = new Map<string, string>();
  const examples: DocExample[] = [];
  let section = '';
  let subsection = '';
  let body: string[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^```(\w+)?(.*)$/.exec(line);
    if (fence) {
      const lang = fence[1] ?? '';
      const info = fence[2] ?? '';
      const start = i;
      const content: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) content.push(lines[i]!);
      body.push(line, ...content, '```');
      const filename = /filename="([^"]+)"/.exec(info)?.[1];
      const optionsText = /options='([^']+)'/.exec(info)?.[1];
      const kind = /❌|incorrect/i.test(subsection) ? 'incorrect' : /✅|correct/i.test(subsection) ? 'correct' : 'other';
      examples.push({
        kind: section === 'Examples' ? kind : 'other',
        lang,
        code: content.join('\n'),
        filename,
        options: optionsText ? JSON.parse(optionsText) : undefined,
        line: start + 1,
      });
      continue;
    }
    const h2 = /^##\s+(.*)$/.exec(line);
    if (h2 && !line.startsWith('###')) {
      if (section) sections.set(section, body.join('\n'));
      section = h2[1]!.trim();
      subsection = '';
      body = [];
      continue;
    }
    const h3 = /^###\s+(.*)$/.exec(line);
    if (h3) subsection = h3[1]!.trim();
    body.push(line);
  }
  if (section) sections.set(section, body.join('\n'));
  return { title, description: description.join(' '), sections, examples };
}
