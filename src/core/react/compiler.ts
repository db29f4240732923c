import type { TSESTree } from '@typescript-eslint/types';
import type { FileInput } from '../model.js';
import { nearestPackage } from '../project/versions.js';
import { nearestDirective } from './directives.js';

/** How a rule learns whether the React Compiler runs: `'auto'` detects it; a boolean states it. */
export type ReactCompilerSetting = 'auto' | boolean;

/** The Babel plugin every React Compiler setup installs (Next.js, Vite, Expo, plain Babel). */
export const REACT_COMPILER_PACKAGE = 'babel-plugin-react-compiler';

/** True when the nearest package.json lists the React Compiler as a dependency of any kind. */
export function projectUsesReactCompiler(filename: string): boolean {
  return nearestPackage(filename)?.dependencies[REACT_COMPILER_PACKAGE] !== undefined;
}

/**
 * Whether the React Compiler memoises the code around `node`. `'use no memo'` (in an enclosing
 * function or the file) opts out and wins over everything but the nearest `'use memo'`;
 * `'use memo'` opts in (annotation mode, or a file-wide opt-in); otherwise the setting decides,
 * `'auto'` by the nearest package.json. `false` turns all detection off.
 */
export function compiledByReactCompiler(node: TSESTree.Node, file: FileInput, setting: ReactCompilerSetting): boolean {
  if (setting === false) return false;
  const directive = nearestDirective(node, file.ast, ['use no memo', 'use memo']);
  if (directive === 'use no memo') return false;
  if (directive === 'use memo') return true;
  return setting === true || projectUsesReactCompiler(file.filename);
}
