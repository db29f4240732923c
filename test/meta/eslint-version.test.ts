import { Linter } from 'eslint';

describe('ESLint version under test', () => {
  it('is the major the run asked for (ESLINT_MAJOR=9 runs the suite on ESLint 9)', () => {
    expect(Linter.version.split('.')[0]).toBe(process.env.ESLINT_MAJOR ?? '10');
  });
});
