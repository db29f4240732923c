import rule from '../../rules/no-per-user-vary.js';
import { code, ruleTester } from '../rule-tester.js';

ruleTester.run('no-per-user-vary', rule as never, {
  valid: [
    {
      name: 'express: Vary Cookie on a private response',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/me', (req, res) => {",
        "  res.set('Cache-Control', 'private, max-age=60');",
        "  res.set('Vary', 'Cookie');",
        '  res.json(req.user);',
        '});',
      ),
    },
  ],
  invalid: [
    {
      name: 'express: Vary Authorization on a public response',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/products', async (req, res) => {",
        "  res.set('Cache-Control', 'public, max-age=60');",
        "  res.set('Vary', 'Accept-Encoding, Authorization');",
        '  res.json(await products.list());',
        '});',
      ),
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Authorization' },
          line: 5,
          suggestions: [
            {
              messageId: 'removeFromVary',
              data: { header: 'Authorization' },
              output: code(
                "import express from 'express';",
                'const app = express();',
                "app.get('/products', async (req, res) => {",
                "  res.set('Cache-Control', 'public, max-age=60');",
                "  res.set('Vary', 'Accept-Encoding');",
                '  res.json(await products.list());',
                '});',
              ),
            },
            {
              messageId: 'markPrivate',
              output: code(
                "import express from 'express';",
                'const app = express();',
                "app.get('/products', async (req, res) => {",
                "  res.set('Cache-Control', 'private, max-age=60');",
                "  res.set('Vary', 'Accept-Encoding, Authorization');",
                '  res.json(await products.list());',
                '});',
              ),
            },
          ],
        },
      ],
    },
  ],
});
