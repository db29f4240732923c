import rule from '../../rules/no-shared-cache-on-failure.js';
import { code, jsRuleTester, ruleTester } from '../rule-tester.js';

const NAME = 'no-shared-cache-on-failure';

/** The same lines with one line replaced. */
const withLine = (source: string, line: number, text: string): string => {
  const lines = source.split('\n');
  lines[line - 1] = text;
  return lines.join('\n');
};

/** The `no-store` suggestion: line `line` of `source` becomes `text`. */
const noStore = (header: string, source: string, line: number, text: string) => [
  { messageId: 'useNoStore', data: { header }, output: withLine(source, line, text) },
];

// ---------------------------------------------------------------------------------------------
// HTTP

const nextNotOk = code(
  "import { NextResponse } from 'next/server';",
  '',
  "const FALLBACK = { items: [], stale: true };",
  '',
  'export async function GET() {',
  '  const res = await fetch(UPSTREAM);',
  "  if (!res.ok) return NextResponse.json(FALLBACK, { headers: { 'Cache-Control': 'public, s-maxage=600' } });",
  "  return NextResponse.json(await res.json(), { headers: { 'Cache-Control': 'public, s-maxage=600' } });",
  '}',
);

const expressCatch = code(
  "import express from 'express';",
  '',
  'const app = express();',
  '',
  "app.get('/api/rates', async (req, res) => {",
  '  try {',
  '    const rates = await fx.latest();',
  "    res.set('Cache-Control', 'public, max-age=300');",
  '    res.json(rates);',
  '  } catch (error) {',
  "    res.set('Cache-Control', 'public, max-age=300');",
  '    res.status(502).json({ error: String(error) });',
  '  }',
  '});',
);

const honoMiss = code(
  "import { Hono } from 'hono';",
  '',
  'const app = new Hono();',
  '',
  "app.get('/posts/:slug', async (c) => {",
  "  const post = await db.post.findUnique({ where: { slug: c.req.param('slug') } });",
  '  if (!post) {',
  "    c.header('CDN-Cache-Control', 'max-age=86400');",
  "    return c.json({ error: 'not found' }, 404);",
  '  }',
  "  c.header('CDN-Cache-Control', 'max-age=3600');",
  '  return c.json(post);',
  '});',
);

const webStatusElse = code(
  'export default {',
  '  async fetch(request: Request) {',
  '    const upstream = await fetch(request);',
  '    if (upstream.status === 200) {',
  "      return new Response(upstream.body, { headers: { 'Cache-Control': 'public, max-age=120' } });",
  '    } else {',
  "      return new Response('unavailable', { status: 503, headers: { 'Vercel-CDN-Cache-Control': 'max-age=3600' } });",
  '    }',
  '  },',
  '};',
);

const promiseCatch = code(
  'export function GET() {',
  '  return fetch(UPSTREAM)',
  '    .then((r) => r.json())',
  '    .then((data) => Response.json(data))',
  "    .catch(() => Response.json([], { headers: { 'Cache-Control': 'public, s-maxage=900' } }));",
  '}',
);

const errorFlag = code(
  "import { NextResponse } from 'next/server';",
  '',
  'export async function GET() {',
  "  const { data, error } = await supabase.from('stats').select();",
  '  if (error) {',
  '    const headers: Record<string, string> = {};',
  "    headers['CDN-Cache-Control'] = 'public, s-maxage=3600';",
  '    return NextResponse.json({ stats: [] }, { headers });',
  '  }',
  "  return NextResponse.json(data, { headers: { 'CDN-Cache-Control': 'public, s-maxage=3600' } });",
  '}',
);

const helperRoute = (errorHelper: string) =>
  code(
    "import { NextResponse } from 'next/server';",
    '',
    'const FALLBACK = { items: [] };',
    '',
    'function cachedJson(data: unknown) {',
    "  return NextResponse.json(data, { headers: { 'Cache-Control': 'public, s-maxage=600, stale-while-revalidate=86400' } });",
    '}',
    '',
    "const shortJson = (data: unknown) => NextResponse.json(data, { headers: { 'Cache-Control': 'public, s-maxage=120' } });",
    '',
    'export async function GET() {',
    '  const res = await fetch(UPSTREAM);',
    `  if (!res.ok) return ${errorHelper}(FALLBACK);`,
    '  return cachedJson(await res.json());',
    '}',
  );

const foldedFallback = code(
  "import { NextResponse } from 'next/server';",
  '',
  'const DEFAULTS = { banner: null, links: [] };',
  '',
  'export async function GET(request: Request) {',
  "  const key = new URL(request.url).searchParams.get('key');",
  '  const row = (await db.thing.findUnique({ where: { key } })) || DEFAULTS;',
  "  return NextResponse.json(row, { headers: { 'CDN-Cache-Control': 'public, s-maxage=86400' } });",
  '}',
);

// ---------------------------------------------------------------------------------------------
// ISR

const isrCatch = code(
  'export async function getStaticProps() {',
  '  try {',
  '    const data = await cms.home();',
  '    return { props: { data }, revalidate: 300 };',
  '  } catch (error) {',
  '    return { props: { error: true }, revalidate: 30 };',
  '  }',
  '}',
);

const isrNotOk = code(
  'export const getStaticProps = async () => {',
  '  const res = await fetch(CMS);',
  '  if (!res.ok) return { props: { items: [] }, revalidate: false };',
  '  return { props: { items: await res.json() }, revalidate: 60 };',
  '};',
);

ruleTester.run(NAME, rule as never, {
  valid: [
    {
      name: 'success only',
      code: code(
        "import { NextResponse } from 'next/server';",
        'export async function GET() {',
        '  const res = await fetch(UPSTREAM);',
        "  return NextResponse.json(await res.json(), { headers: { 'Cache-Control': 'public, s-maxage=600' } });",
        '}',
      ),
    },
    {
      name: 'no-store on the failure branch',
      code: nextNotOk.replace("if (!res.ok) return NextResponse.json(FALLBACK, { headers: { 'Cache-Control': 'public, s-maxage=600' } });", "if (!res.ok) return NextResponse.json(FALLBACK, { headers: { 'Cache-Control': 'no-store' } });"),
    },
    {
      name: 'deliberate: the failure lifetime is shorter than the success lifetime',
      code: honoMiss.replace("'max-age=86400'", "'max-age=300'"),
    },
    {
      name: 'deliberate: explicitly short negative caching (60 s)',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/unfurl', async (req, res) => {",
        '  try {',
        '    res.json(await unfurl(req.query.url));',
        '  } catch {',
        "    res.set('Cache-Control', 'public, max-age=60');",
        '    res.status(500).json({ error: true });',
        '  }',
        '});',
      ),
    },
    {
      name: 'a cache miss that computes fresh data is no failure',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/api/report', async (req, res) => {",
        '  const cached = await redis.get(KEY);',
        '  if (!cached) {',
        '    const fresh = await buildReport();',
        "    res.set('Cache-Control', 'public, s-maxage=600');",
        '    return res.json(fresh);',
        '  }',
        "  res.set('Cache-Control', 'public, s-maxage=600');",
        '  res.json(JSON.parse(cached));',
        '});',
      ),
    },
    {
      name: 'a 400 for invalid input is the same answer every time: caching it hides nothing',
      code: code(
        "import { Hono } from 'hono';",
        'const app = new Hono();',
        "app.get('/search', (c) => {",
        "  const q = c.req.query('q');",
        '  if (!q) {',
        "    c.header('Cache-Control', 'public, s-maxage=3600');",
        "    return c.json({ error: 'q is required' }, 400);",
        '  }',
        '  return c.json(search(q));',
        '});',
      ),
    },
    {
      name: 'max-age alone in Cache-Control is not a shared lifetime',
      code: expressCatch.replace(/'public, max-age=300'/g, "'max-age=300'"),
    },
    {
      name: 'private on the failure branch',
      code: expressCatch.replace("    res.set('Cache-Control', 'public, max-age=300');\n    res.status(502)", "    res.set('Cache-Control', 'private, max-age=300');\n    res.status(502)"),
    },
    {
      name: 'a header set on the success branch of an ok check',
      code: code(
        'export async function GET() {',
        '  const res = await fetch(UPSTREAM);',
        '  if (res.ok) {',
        "    return new Response(res.body, { headers: { 'CDN-Cache-Control': 'max-age=600' } });",
        '  }',
        "  return new Response('down', { status: 502 });",
        '}',
      ),
    },
    {
      name: 'a response helper with a shorter lifetime on the failure branch',
      code: helperRoute('shortJson'),
    },
    {
      name: 'a folded fallback cached briefly',
      code: foldedFallback.replace('s-maxage=86400', 's-maxage=30'),
    },
    {
      name: 'a fallback computed per request is no constant fallback',
      code: foldedFallback.replace('|| DEFAULTS', '|| (await defaultsFor(key))'),
    },
    {
      name: 'ISR: a miss answering notFound with revalidate is a real answer',
      code: code(
        'export async function getStaticProps({ params }) {',
        '  const post = await cms.post(params.slug);',
        '  if (!post) return { notFound: true, revalidate: 60 };',
        '  return { props: { post }, revalidate: 60 };',
        '}',
      ),
    },
    {
      name: 'ISR: a catch that rethrows',
      code: code(
        'export async function getStaticProps() {',
        '  try {',
        '    return { props: { data: await cms.home() }, revalidate: 300 };',
        '  } catch (error) {',
        '    throw error;',
        '  }',
        '}',
      ),
    },
    {
      name: 'ISR: revalidate in a nested helper, not returned by getStaticProps',
      code: code(
        'export async function getStaticProps() {',
        '  const data = await cms.home().catch(() => ({ items: [], revalidate: 5 }));',
        '  return { props: { data }, revalidate: 300 };',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: 'Next.js: a fallback after !res.ok cached by the CDN like the success',
      code: nextNotOk,
      errors: [
        {
          messageId: 'sharedCacheOnFailure',
          data: { header: 'Cache-Control', value: 'public, s-maxage=600', branch: 'the branch taken when `!res.ok`', seconds: 600 },
          line: 7,
          suggestions: noStore(
            'Cache-Control',
            nextNotOk,
            7,
            "  if (!res.ok) return NextResponse.json(FALLBACK, { headers: { 'Cache-Control': 'no-store' } });",
          ),
        },
      ],
    },
    {
      name: 'express: the same public lifetime in catch',
      code: expressCatch,
      errors: [
        {
          messageId: 'sharedCacheOnFailure',
          data: { header: 'Cache-Control', value: 'public, max-age=300', branch: 'a `catch` block', seconds: 300 },
          line: 11,
          suggestions: noStore('Cache-Control', expressCatch, 11, "    res.set('Cache-Control', 'no-store');"),
        },
      ],
    },
    {
      name: 'hono: a 404 kept by the CDN longer than the post itself',
      code: honoMiss,
      errors: [
        {
          messageId: 'sharedCacheOnFailure',
          data: { header: 'CDN-Cache-Control', value: 'max-age=86400', branch: 'the miss branch taken when `!post`', seconds: 86400 },
          line: 8,
          suggestions: noStore('CDN-Cache-Control', honoMiss, 8, "    c.header('CDN-Cache-Control', 'no-store');"),
        },
      ],
    },
    {
      name: 'web: the else of a status check, cached on the Vercel CDN',
      code: webStatusElse,
      errors: [
        {
          messageId: 'sharedCacheOnFailure',
          data: { header: 'Vercel-CDN-Cache-Control', value: 'max-age=3600', branch: 'the branch taken when not `upstream.status === 200`', seconds: 3600 },
          line: 7,
          suggestions: noStore(
            'Vercel-CDN-Cache-Control',
            webStatusElse,
            7,
            "      return new Response('unavailable', { status: 503, headers: { 'Vercel-CDN-Cache-Control': 'no-store' } });",
          ),
        },
      ],
    },
    {
      name: 'a promise .catch fallback',
      code: promiseCatch,
      errors: [
        {
          messageId: 'sharedCacheOnFailure',
          data: { header: 'Cache-Control', value: 'public, s-maxage=900', branch: 'a promise rejection handler', seconds: 900 },
          line: 5,
          suggestions: noStore('Cache-Control', promiseCatch, 5, "    .catch(() => Response.json([], { headers: { 'Cache-Control': 'no-store' } }));"),
        },
      ],
    },
    {
      name: 'an error flag branch with a headers object built by assignment',
      code: errorFlag,
      errors: [
        {
          messageId: 'sharedCacheOnFailure',
          data: { header: 'CDN-Cache-Control', value: 'public, s-maxage=3600', branch: 'the branch taken when `error`', seconds: 3600 },
          line: 7,
          suggestions: noStore('CDN-Cache-Control', errorFlag, 7, "    headers['CDN-Cache-Control'] = 'no-store';"),
        },
      ],
    },
    {
      name: 'a longer failure lifetime than a lower threshold allows',
      code: honoMiss.replace("'max-age=86400'", "'max-age=300'").replace("'max-age=3600'", "'max-age=120'"),
      options: [{ maxFailureSeconds: 10 }],
      errors: [
        {
          messageId: 'sharedCacheOnFailure',
          line: 8,
          suggestions: noStore('CDN-Cache-Control', honoMiss.replace("'max-age=3600'", "'max-age=120'"), 8, "    c.header('CDN-Cache-Control', 'no-store');"),
        },
      ],
    },
    {
      name: 'a response helper in this file, called after !res.ok with the success lifetime',
      code: helperRoute('cachedJson'),
      errors: [
        {
          messageId: 'helperOnFailure',
          data: {
            helper: 'cachedJson',
            header: 'Cache-Control',
            value: 'public, s-maxage=600, stale-while-revalidate=86400',
            branch: 'the branch taken when `!res.ok`',
            seconds: 600,
          },
          line: 13,
        },
      ],
    },
    {
      name: 'a lookup with a constant fallback folded in, cached by the CDN for a day',
      code: foldedFallback,
      errors: [
        {
          messageId: 'sharedCacheOnFailure',
          data: {
            header: 'CDN-Cache-Control',
            value: 'public, s-maxage=86400',
            branch: 'a response whose body `row` falls back to `DEFAULTS`',
            seconds: 86400,
          },
          line: 8,
          suggestions: [],
        },
      ],
    },
    {
      name: 'ISR: revalidate returned from catch replaces the last good page',
      code: isrCatch,
      errors: [
        {
          messageId: 'revalidateOnFailure',
          data: { branch: 'a `catch` block' },
          line: 6,
          suggestions: [{ messageId: 'rethrow', data: { name: 'error' }, output: withLine(isrCatch, 6, '    throw error;') }],
        },
      ],
    },
    {
      name: 'ISR: revalidate: false after !res.ok keeps the empty page until the next deploy',
      code: isrNotOk,
      errors: [{ messageId: 'revalidateOnFailure', data: { branch: 'the branch taken when `!res.ok`' }, line: 3, suggestions: [] }],
    },
  ],
});

jsRuleTester.run(`${NAME} (JavaScript)`, rule as never, {
  valid: [],
  invalid: [
    {
      name: 'ISR catch without a binding: reported, no rethrow suggestion',
      code: code(
        'export async function getStaticProps() {',
        '  try {',
        '    return { props: { data: await cms.home() }, revalidate: 300 };',
        '  } catch {',
        '    return { props: { error: true }, revalidate: 30 };',
        '  }',
        '}',
      ),
      errors: [{ messageId: 'revalidateOnFailure', line: 5, suggestions: [] }],
    },
  ],
});
