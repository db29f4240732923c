import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from '../../src/index.js';

// `recommended-type-checked` was the same object as `recommended`. It now means: the same rules,
// with type information turned on (typescript-eslint's project service), so the rules'
// type-aware paths get a program.
describe("configs['recommended-type-checked']", () => {
  it('has the recommended rules and turns on the project service', () => {
    const typed = plugin.configs['recommended-type-checked'];
    expect(typed.rules).toEqual(plugin.configs.recommended.rules);
    expect(typed.languageOptions).toEqual({ parserOptions: { projectService: true } });
    expect(plugin.configs.recommended.languageOptions).toBeUndefined();
  });

  it('gives rules a TypeScript program on a file of the project', () => {
    const dir = mkdtempSync(join(tmpdir(), 'type-checked-'));
    try {
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true }, include: ['*.ts'] }));
      const file = join(dir, 'app.ts');
      writeFileSync(file, 'export const x: number = 1;\n');
      const seen: boolean[] = [];
      const probe = {
        rules: {
          program: {
            create(context: { sourceCode: { parserServices?: { program?: unknown } } }) {
              seen.push(!!context.sourceCode.parserServices?.program);
              return {};
            },
          },
        },
      };
      const lint = (config: Linter.Config) =>
        new Linter({ configType: 'flat', cwd: dir }).verify(
          'export const x: number = 1;\n',
          [
            { files: ['**/*.ts'], languageOptions: { parser: tsParser as unknown as Linter.Parser, parserOptions: { tsconfigRootDir: dir } } },
            config,
            { plugins: { probe: probe as never }, rules: { 'probe/program': 'error' } },
          ],
          { filename: file },
        );
      expect(lint(plugin.configs.recommended as Linter.Config)).toEqual([]);
      expect(lint(plugin.configs['recommended-type-checked'] as Linter.Config)).toEqual([]);
      expect(seen).toEqual([false, true]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
