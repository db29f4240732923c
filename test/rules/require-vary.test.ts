import rule from '../../rules/require-vary.js';
import { cjsRuleTester, code, jsRuleTester, ruleTester } from '../rule-tester.js';

/** `source` with `search` (which must occur exactly once) replaced: the expected text of a fix. */
function edit(source: string, search: string, replacement: string): string {
  const at = source.indexOf(search);
  if (at === -1 || source.indexOf(search, at + 1) !== -1) throw new Error(`expected exactly one ${JSON.stringify(search)}`);
  return source.slice(0, at) + replacement + source.slice(at + search.length);
}

// ---------------------------------------------------------------------------------------------
// Sources with a fix, and their fixed forms (each fixed form is also a valid case: a second pass
// changes nothing).

const expressLanguage = code(
  "import express from 'express';",
  '',
  'const app = express();',
  '',
  "app.get('/help/:topic', async (req, res) => {",
  "  const lang = req.acceptsLanguages('en', 'de', 'fr') || 'en';",
  "  res.set('Cache-Control', 'public, max-age=300');",
  '  res.json(await help.article(req.params.topic, lang));',
  '});',
);
const expressLanguageFixed = edit(
  expressLanguage,
  "  res.set('Cache-Control', 'public, max-age=300');\n",
  "  res.set('Cache-Control', 'public, max-age=300');\n  res.vary('Accept-Language');\n",
);

const expressExtend = code(
  "import express from 'express';",
  '',
  'const router = express.Router();',
  '',
  "router.get('/glossary', (req, res) => {",
  "  res.setHeader('Cache-Control', 's-maxage=3600');",
  "  res.vary('Accept-Encoding');",
  "  res.json(glossary.forLocale(req.headers['accept-language']));",
  '});',
  '',
  'export default router;',
);
const expressExtendFixed = edit(expressExtend, "res.vary('Accept-Encoding')", "res.vary('Accept-Encoding, Accept-Language')");

const expressRouteChain = code(
  "import express from 'express';",
  '',
  'const app = express();',
  '',
  'app',
  "  .route('/reports/:id')",
  '  .get(async (req, res) => {',
  '    const report = await reports.load(req.params.id);',
  "    res.set('Cache-Control', 'public, max-age=120');",
  "    if (req.accepts(['html', 'json']) === 'html') return res.render('report', report);",
  '    res.json(report);',
  '  })',
  '  .post(requireAuth, async (req, res) => {',
  '    res.status(201).json(await reports.create(req.body));',
  '  });',
);
const expressRouteChainFixed = edit(
  expressRouteChain,
  "    res.set('Cache-Control', 'public, max-age=120');\n",
  "    res.set('Cache-Control', 'public, max-age=120');\n    res.vary('Accept');\n",
);

const expressChained = code(
  "import exp from 'express';",
  '',
  'export const api = exp.Router();',
  '',
  "api.get('/rates', async (req, res) => {",
  "  const currency = req.get('X-Currency') ?? 'EUR';",
  "  res.status(200).set('Cache-Control', 'public, max-age=60').json(await rates.in(currency));",
  '});',
);
const expressChainedFixed = edit(
  expressChained,
  "  res.status(200).set('Cache-Control'",
  "  res.vary('X-Currency');\n  res.status(200).set('Cache-Control'",
);

const fastifyHeaderRead = code(
  "import Fastify from 'fastify';",
  '',
  'const app = Fastify({ logger: true });',
  '',
  "app.get('/legal/terms', async (request, reply) => {",
  "  const lang = request.headers['accept-language'];",
  "  reply.header('Cache-Control', 's-maxage=600');",
  '  return legal.terms(lang);',
  '});',
);
const fastifyHeaderReadFixed = edit(
  fastifyHeaderRead,
  "  reply.header('Cache-Control', 's-maxage=600');\n",
  "  reply.header('Cache-Control', 's-maxage=600');\n  reply.header('Vary', [reply.getHeader('Vary'), 'Accept-Language'].filter(Boolean).join(', '));\n",
);

const fastifyRouteObject = code(
  "import Fastify from 'fastify';",
  '',
  'const fastify = Fastify();',
  '',
  'fastify.route({',
  "  method: 'GET',",
  "  url: '/branding',",
  '  handler: async (request, reply) => {',
  "    const tenant = request.headers['x-tenant-id'];",
  "    reply.headers({ 'Cache-Control': 'public, max-age=900', 'Content-Type': 'application/json' });",
  '    return branding.forTenant(tenant);',
  '  },',
  '});',
);
const fastifyRouteObjectFixed = edit(
  fastifyRouteObject,
  "'application/json' });\n",
  "'application/json' });\n    reply.header('Vary', [reply.getHeader('Vary'), 'X-Tenant-Id'].filter(Boolean).join(', '));\n",
);

const fastifyPluginExtend = code(
  "import type { FastifyInstance } from 'fastify';",
  '',
  'export default async function catalogRoutes(fastify: FastifyInstance) {',
  "  fastify.get('/catalog', async (request, reply) => {",
  "    reply.header('Cache-Control', 'public, max-age=300');",
  "    reply.header('Vary', 'Accept-Encoding');",
  "    return catalog.list({ region: request.headers['x-region'] });",
  '  });',
  '}',
);
const fastifyPluginExtendFixed = edit(fastifyPluginExtend, "'Accept-Encoding'", "'Accept-Encoding, X-Region'");

const koaRouter = code(
  "import Koa from 'koa';",
  "import Router from '@koa/router';",
  '',
  'const app = new Koa();',
  'const router = new Router();',
  '',
  "router.get('/promotions', async (ctx) => {",
  "  const lang = ctx.acceptsLanguages('en', 'nl') || 'en';",
  "  const region = ctx.get('X-Region');",
  "  ctx.set('Cache-Control', 'public, max-age=120');",
  '  ctx.body = await promotions.active(region, lang);',
  '});',
  '',
  'app.use(router.routes());',
);
const koaRouterFixed = edit(
  koaRouter,
  "  ctx.set('Cache-Control', 'public, max-age=120');\n",
  "  ctx.set('Cache-Control', 'public, max-age=120');\n  ctx.vary('Accept-Language, X-Region');\n",
);

const honoApp = code(
  "import { Hono } from 'hono';",
  '',
  'const app = new Hono();',
  '',
  "app.get('/api/messages', async (c) => {",
  "  const lang = c.req.header('Accept-Language') ?? 'en';",
  "  c.header('Cache-Control', 'public, max-age=300');",
  '  return c.json(await messages.load(lang));',
  '});',
  '',
  'export default app;',
);
const honoAppFixed = edit(
  honoApp,
  "  c.header('Cache-Control', 'public, max-age=300');\n",
  "  c.header('Cache-Control', 'public, max-age=300');\n  c.header('Vary', 'Accept-Language', { append: true });\n",
);

const honoOnArrow = code(
  "import { Hono } from 'hono';",
  '',
  'const app = new Hono();',
  '',
  "app.on('GET', '/api/flags', (c) =>",
  "  c.json(flags.forVersion(c.req.header('X-App-Version')), 200, { 'Cache-Control': 'public, s-maxage=60' }),",
  ');',
);
const honoOnArrowFixed = edit(
  honoOnArrow,
  "c.json(flags.forVersion(c.req.header('X-App-Version')), 200, { 'Cache-Control': 'public, s-maxage=60' })",
  "{ c.header('Vary', 'X-App-Version', { append: true }); return c.json(flags.forVersion(c.req.header('X-App-Version')), 200, { 'Cache-Control': 'public, s-maxage=60' }); }",
);

const honoOrigin = code(
  "import { Hono } from 'hono';",
  '',
  'const app = new Hono();',
  'const allowed = new Set(["https://shop.example.com", "https://admin.example.com"]);',
  '',
  "app.get('/api/catalog', async (c) => {",
  "  const origin = c.req.header('Origin');",
  "  if (origin && allowed.has(origin)) c.header('Access-Control-Allow-Origin', origin);",
  "  c.header('Cache-Control', 'public, max-age=600');",
  '  return c.json(await catalog.all());',
  '});',
);
const honoOriginFixed = edit(
  honoOrigin,
  "  c.header('Cache-Control', 'public, max-age=600');\n",
  "  c.header('Cache-Control', 'public, max-age=600');\n  c.header('Vary', 'Origin', { append: true });\n",
);

const honoTsx = code(
  "import { Hono } from 'hono';",
  "import { Home } from './views/home';",
  '',
  'export const app = new Hono();',
  '',
  "app.get('/', (c) => {",
  "  const lang = c.req.header('Accept-Language')?.split(',')[0] ?? 'en';",
  "  c.header('Cache-Control', 'public, max-age=300');",
  '  return c.html(<Home lang={lang} />);',
  '});',
);
const honoTsxFixed = edit(
  honoTsx,
  "  c.header('Cache-Control', 'public, max-age=300');\n",
  "  c.header('Cache-Control', 'public, max-age=300');\n  c.header('Vary', 'Accept-Language', { append: true });\n",
);

const nextRequestHeaders = code(
  "import { NextResponse, type NextRequest } from 'next/server';",
  '',
  'export async function GET(request: NextRequest) {',
  "  const locale = request.headers.get('accept-language')?.split(',')[0] ?? 'en';",
  '  const products = await catalog.featured(locale);',
  '  return NextResponse.json(products, {',
  '    headers: {',
  "      'Cache-Control': 'public, s-maxage=300, stale-while-revalidate=60',",
  '    },',
  '  });',
  '}',
);
const nextRequestHeadersFixed = edit(
  nextRequestHeaders,
  "      'Cache-Control': 'public, s-maxage=300, stale-while-revalidate=60',\n",
  "      'Cache-Control': 'public, s-maxage=300, stale-while-revalidate=60',\n      'Vary': 'Accept-Language',\n",
);

const nextHeadersFn = code(
  "import { headers } from 'next/headers';",
  '',
  'export async function GET() {',
  '  const h = await headers();',
  "  const tenant = h.get('x-tenant-id') ?? 'default';",
  '  const css = await themes.stylesheet(tenant);',
  "  return new Response(css, { headers: { 'Content-Type': 'text/css', 'Cache-Control': 'public, max-age=3600' } });",
  '}',
);
const nextHeadersFnFixed = edit(nextHeadersFn, "'public, max-age=3600' }", "'public, max-age=3600', 'Vary': 'X-Tenant-Id' }");

const nestController = code(
  "import { Controller, Get, Header, Headers } from '@nestjs/common';",
  "import { ContentService } from './content.service';",
  '',
  "@Controller('content')",
  'export class ContentController {',
  '  constructor(private readonly content: ContentService) {}',
  '',
  "  @Get('home')",
  "  @Header('Cache-Control', 'public, max-age=600')",
  "  home(@Headers('accept-language') lang: string) {",
  '    return this.content.home(lang);',
  '  }',
  '}',
);

const nodeServer = code(
  "const http = require('node:http');",
  '',
  'http',
  '  .createServer((req, res) => {',
  "    const lang = req.headers['accept-language'] || 'en';",
  "    res.setHeader('Content-Type', 'text/html');",
  "    res.setHeader('Cache-Control', 'public, max-age=120');",
  '    res.end(renderHome(lang));',
  '  })',
  '  .listen(3000);',
);
const nodeServerFixed = edit(
  nodeServer,
  "    res.setHeader('Cache-Control', 'public, max-age=120');\n",
  "    res.setHeader('Cache-Control', 'public, max-age=120');\n    res.setHeader('Vary', 'Accept-Language');\n",
);

const typedExpress = code(
  "import type { Request, Response } from 'express';",
  '',
  'export async function listProducts(req: Request, res: Response): Promise<void> {',
  "  const currency = req.get('X-Currency') ?? 'USD';",
  "  res.set('Cache-Control', 'public, max-age=300');",
  '  res.json(await products.list(currency));',
  '}',
);
const typedExpressFixed = edit(
  typedExpress,
  "  res.set('Cache-Control', 'public, max-age=300');\n",
  "  res.set('Cache-Control', 'public, max-age=300');\n  res.vary('X-Currency');\n",
);

const cjsExpress = code(
  "const express = require('express');",
  '',
  'const app = express();',
  '',
  "app.get('/api/theme', function (req, res) {",
  "  const tenant = req.get('X-Tenant-Id');",
  "  res.set({ 'Cache-Control': 'public, max-age=300', 'Content-Language': 'en' });",
  '  res.json(themes.forTenant(tenant));',
  '});',
  '',
  'module.exports = app;',
);
const cjsExpressFixed = edit(
  cjsExpress,
  "'Content-Language': 'en' });\n",
  "'Content-Language': 'en' });\n  res.vary('X-Tenant-Id');\n",
);

const cjsCors = code(
  "const { Router } = require('express');",
  '',
  'const router = Router();',
  'const ALLOWED = ["https://app.example.com", "https://partner.example.com"];',
  '',
  "router.get('/widgets.json', (req, res) => {",
  "  const origin = req.get('Origin');",
  "  if (ALLOWED.includes(origin)) res.set('Access-Control-Allow-Origin', origin);",
  "  res.set('Cache-Control', 'public, max-age=600');",
  '  res.json(widgets.all());',
  '});',
  '',
  'module.exports = router;',
);
const cjsCorsFixed = edit(
  cjsCors,
  "  res.set('Cache-Control', 'public, max-age=600');\n",
  "  res.set('Cache-Control', 'public, max-age=600');\n  res.vary('Origin');\n",
);

const ignoreOption = code(
  "import express from 'express';",
  '',
  'const app = express();',
  '',
  "app.get('/pricing', (req, res) => {",
  "  logger.debug({ debug: req.get('X-Debug') });",
  "  res.set('Cache-Control', 'public, max-age=60');",
  "  res.json(pricing.forPlan(req.get('X-Plan')));",
  '});',
);
const ignoreOptionFixed = edit(
  ignoreOption,
  "  res.set('Cache-Control', 'public, max-age=60');\n",
  "  res.set('Cache-Control', 'public, max-age=60');\n  res.vary('X-Plan');\n",
);

const jsHonoRaw = code(
  "import { Hono } from 'hono';",
  '',
  'export const app = new Hono();',
  '',
  "app.get('/api/plans', async (c) => {",
  "  const market = c.req.raw.headers.get('CF-IPCountry');",
  "  c.header('Cache-Control', 'public, s-maxage=3600');",
  '  return c.json(await plans.forMarket(market));',
  '});',
);
const jsHonoRawFixed = edit(
  jsHonoRaw,
  "  c.header('Cache-Control', 'public, s-maxage=3600');\n",
  "  c.header('Cache-Control', 'public, s-maxage=3600');\n  c.header('Vary', 'CF-IPCountry', { append: true });\n",
);

const jsFastifyFp = code(
  "import fp from 'fastify-plugin'",
  '',
  'export default fp(async (app) => {',
  "  app.get('/api/changelog', async (request, reply) => {",
  "    reply.header('Cache-Control', 'public, max-age=600')",
  "    return changelog.since(request.headers['x-api-version'])",
  '  })',
  '})',
);
const jsFastifyFpFixed = edit(
  jsFastifyFp,
  "    reply.header('Cache-Control', 'public, max-age=600')\n",
  "    reply.header('Cache-Control', 'public, max-age=600')\n    reply.header('Vary', [reply.getHeader('Vary'), 'X-Api-Version'].filter(Boolean).join(', '))\n",
);

ruleTester.run('require-vary', rule as never, {
  valid: [
    { name: 'second pass: express res.vary added', code: expressLanguageFixed },
    { name: 'second pass: express res.vary extended', code: expressExtendFixed },
    { name: 'second pass: express route chain', code: expressRouteChainFixed },
    { name: 'second pass: express chained set', code: expressChainedFixed },
    { name: 'second pass: fastify merged Vary', code: fastifyHeaderReadFixed },
    { name: 'second pass: fastify.route merged Vary', code: fastifyRouteObjectFixed },
    { name: 'second pass: fastify plugin extended Vary', code: fastifyPluginExtendFixed },
    { name: 'second pass: koa ctx.vary', code: koaRouterFixed },
    { name: 'second pass: hono appended Vary', code: honoAppFixed },
    { name: 'second pass: hono app.on arrow body', code: honoOnArrowFixed },
    { name: 'second pass: hono Origin', code: honoOriginFixed },
    { name: 'second pass: hono TSX', code: honoTsxFixed, filename: 'src/routes/home.tsx' },
    { name: 'second pass: next NextResponse.json', code: nextRequestHeadersFixed, filename: 'app/api/featured/route.ts' },
    { name: 'second pass: next headers()', code: nextHeadersFnFixed, filename: 'app/theme.css/route.ts' },
    { name: 'second pass: ignoreHeaders', code: ignoreOptionFixed, options: [{ ignoreHeaders: ['X-Debug'] }] },
    { name: 'second pass: express typed handler', code: typedExpressFixed },
    {
      name: 'express: private response reading Accept-Language',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/inbox', (req, res) => {",
        "  res.set('Cache-Control', 'private, max-age=60');",
        "  res.json(inbox.render(req.acceptsLanguages('en', 'de')));",
        '});',
      ),
    },
    {
      name: 'express: no-store response',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/search', (req, res) => {",
        "  res.set('Cache-Control', 'no-store');",
        "  res.json(search.run(req.query.q, req.get('X-Tenant-Id')));",
        '});',
      ),
    },
    {
      name: 'express: max-age=0 is not stored for reuse',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/status', (req, res) => {",
        "  res.set('Cache-Control', 'max-age=0');",
        "  res.json(status.for(req.get('X-Region')));",
        '});',
      ),
    },
    {
      name: 'express: Vary already lists the header, in another case',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/faq', (req, res) => {",
        "  res.set('Cache-Control', 'public, max-age=600');",
        "  res.vary('accept-language');",
        "  res.json(faq.for(req.acceptsLanguages('en', 'fr')));",
        '});',
      ),
    },
    {
      name: 'express: Vary * already varies on everything',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/experiment', (req, res) => {",
        "  res.set('Cache-Control', 'public, max-age=60');",
        "  res.set('Vary', '*');",
        "  res.json(experiments.bucket(req.get('X-Experiment')));",
        '});',
      ),
    },
    {
      name: 'express: neutral headers (tracing, user agent, conditionals, forwarding) do not select content',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/articles', async (req, res) => {",
        "  logger.info({ requestId: req.get('X-Request-Id'), ua: req.get('User-Agent'), ip: req.headers['x-forwarded-for'] });",
        "  res.set('Cache-Control', 'public, max-age=60');",
        "  if (req.headers['if-none-match'] === etag) return res.status(304).end();",
        '  res.json(await articles.list());',
        '});',
      ),
    },
    {
      name: 'express: identity headers belong to no-public-cache-on-private-data',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/quota', (req, res) => {",
        "  res.set('Cache-Control', 'public, max-age=60');",
        '  res.json(quota.for(req.headers.authorization));',
        '});',
      ),
    },
    {
      name: 'express: computed Cache-Control cannot be judged',
      code: code(
        "import express from 'express';",
        "import { cacheFor } from './cache';",
        'const app = express();',
        "app.get('/news', (req, res) => {",
        "  res.set('Cache-Control', cacheFor('news'));",
        "  res.json(news.for(req.acceptsLanguages('en', 'es')));",
        '});',
      ),
    },
    {
      name: 'express: computed Vary cannot be judged',
      code: code(
        "import express from 'express';",
        "import { VARY } from './http';",
        'const app = express();',
        "app.get('/news', (req, res) => {",
        "  res.set('Cache-Control', 'public, max-age=60');",
        '  res.vary(VARY);',
        "  res.json(news.for(req.acceptsLanguages('en', 'es')));",
        '});',
      ),
    },
    {
      name: 'express: a local Map with a get method is not the request',
      code: code(
        "import express from 'express';",
        'const app = express();',
        'const overrides = new Map();',
        "app.get('/copy', (req, res) => {",
        "  const lang = overrides.get('accept-language') ?? 'en';",
        "  res.set('Cache-Control', 'public, max-age=60');",
        '  res.json(copy.for(lang));',
        '});',
      ),
    },
    {
      name: 'express: an inner parameter shadows req',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/batch', (req, res) => {",
        "  res.set('Cache-Control', 'public, max-age=60');",
        "  res.json(queued.map((req) => req.headers['x-tenant-id']));",
        '});',
      ),
    },
    {
      name: 'express: Origin read for a CSRF check, not reflected',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/embed.js', (req, res) => {",
        "  if (!trusted(req.get('Origin'))) metrics.increment('embed.untrusted');",
        "  res.set('Cache-Control', 'public, max-age=86400');",
        "  res.type('js').send(embedScript);",
        '});',
      ),
    },
    {
      name: 'express: Access-Control-Allow-Origin * does not depend on Origin',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/public/data.json', (req, res) => {",
        "  if (req.get('Origin')) res.set('Access-Control-Allow-Origin', '*');",
        "  res.set('Cache-Control', 'public, max-age=3600');",
        '  res.json(dataset);',
        '});',
      ),
    },
    {
      name: 'express: Vary set by app-level middleware registered before the route',
      code: code(
        "import express from 'express';",
        'const app = express();',
        'app.use((req, res, next) => {',
        "  res.vary('Accept-Language');",
        '  next();',
        '});',
        "app.get('/home', (req, res) => {",
        "  res.set('Cache-Control', 'public, max-age=300');",
        "  res.render('home', { lang: req.acceptsLanguages('en', 'de') });",
        '});',
      ),
    },
    {
      name: 'express: Vary set by route middleware passed before the handler',
      code: code(
        "import express from 'express';",
        'const app = express();',
        'function varyOnTenant(req, res, next) {',
        "  res.vary('X-Tenant-Id');",
        '  next();',
        '}',
        "app.get('/theme', varyOnTenant, (req, res) => {",
        "  res.set('Cache-Control', 'public, max-age=300');",
        "  res.json(themes.forTenant(req.get('X-Tenant-Id')));",
        '});',
      ),
    },
    {
      name: 'hono: context writes and variables are not request header reads',
      code: code(
        "import { Hono } from 'hono';",
        'const app = new Hono();',
        "app.get('/locale', (c) => {",
        "  const locale = c.get('locale');",
        "  c.header('Content-Language', locale);",
        "  c.header('Cache-Control', 'public, max-age=300');",
        '  return c.json(strings[locale]);',
        '});',
      ),
    },
    {
      name: 'hono: Vary appended by app.use middleware',
      code: code(
        "import { Hono } from 'hono';",
        'const app = new Hono();',
        "app.use('*', async (c, next) => {",
        '  await next();',
        "  c.header('Vary', 'Accept-Language', { append: true });",
        '});',
        "app.get('/greeting', (c) => {",
        "  c.header('Cache-Control', 'public, max-age=60');",
        "  return c.text(greet(c.req.header('Accept-Language')));",
        '});',
      ),
    },
    {
      name: 'koa: no Cache-Control at all',
      code: code(
        "import Router from '@koa/router';",
        'const router = new Router();',
        "router.get('/welcome', async (ctx) => {",
        "  ctx.body = welcome(ctx.acceptsLanguages('en', 'pt'));",
        '});',
      ),
    },
    {
      name: 'fastify: private response',
      code: code(
        "import Fastify from 'fastify';",
        'const app = Fastify();',
        "app.get('/preferences', async (request, reply) => {",
        "  reply.header('Cache-Control', 'private, max-age=300');",
        "  return preferences.for(request.headers['x-device-id']);",
        '});',
      ),
    },
    {
      name: 'nest: Vary already set with @Header',
      code: code(
        "import { Controller, Get, Header, Headers } from '@nestjs/common';",
        "@Controller('pages')",
        'export class PagesController {',
        "  @Get('about')",
        "  @Header('Cache-Control', 'public, max-age=600')",
        "  @Header('Vary', 'Accept-Language')",
        "  about(@Headers('accept-language') lang: string) {",
        '    return this.pages.about(lang);',
        '  }',
        '}',
      ),
    },
    {
      name: 'next: Vary already in the headers init',
      filename: 'app/api/menu/route.ts',
      code: code(
        'export async function GET(request: Request) {',
        "  const lang = request.headers.get('Accept-Language');",
        '  return Response.json(await menu.load(lang), {',
        "    headers: { 'Cache-Control': 'public, s-maxage=600', Vary: 'Accept-Language' },",
        '  });',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: 'express: req.acceptsLanguages on a public response',
      code: expressLanguage,
      output: expressLanguageFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'Accept-Language' }, line: 7 }],
    },
    {
      name: 'express Router: an existing res.vary is extended',
      code: expressExtend,
      output: expressExtendFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'Accept-Language' }, line: 6 }],
    },
    {
      name: 'express app.route().get().post(): req.accepts',
      code: expressRouteChain,
      output: expressRouteChainFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'Accept' }, line: 9 }],
    },
    {
      name: 'express alias import: Cache-Control set in a chain that sends, Vary goes before it',
      code: expressChained,
      output: expressChainedFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'X-Currency' }, line: 7 }],
    },
    {
      name: 'fastify: reply.header replaces, so the fix keeps the current Vary',
      code: fastifyHeaderRead,
      output: fastifyHeaderReadFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'Accept-Language' }, line: 7 }],
    },
    {
      name: 'fastify.route({ handler }): reply.headers object',
      code: fastifyRouteObject,
      output: fastifyRouteObjectFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'X-Tenant-Id' }, line: 10 }],
    },
    {
      name: 'fastify plugin typed FastifyInstance: existing Vary extended',
      code: fastifyPluginExtend,
      output: fastifyPluginExtendFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'X-Region' }, line: 5 }],
    },
    {
      name: 'koa with @koa/router: two headers, one fix',
      code: koaRouter,
      output: koaRouterFixed,
      errors: [
        { messageId: 'missingVary', data: { header: 'Accept-Language' }, line: 10 },
        { messageId: 'missingVary', data: { header: 'X-Region' }, line: 10 },
      ],
    },
    {
      name: 'hono: c.req.header, fixed with an appending c.header',
      code: honoApp,
      output: honoAppFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'Accept-Language' }, line: 7 }],
    },
    {
      name: 'hono app.on: an expression-bodied handler becomes a block',
      code: honoOnArrow,
      output: honoOnArrowFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'X-App-Version' }, line: 6 }],
    },
    {
      name: 'hono: Origin reflected into Access-Control-Allow-Origin',
      code: honoOrigin,
      output: honoOriginFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'Origin' }, line: 9 }],
    },
    {
      name: 'hono TSX: c.html with JSX',
      filename: 'src/routes/home.tsx',
      code: honoTsx,
      output: honoTsxFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'Accept-Language' }, line: 8 }],
    },
    {
      name: 'next route handler: request.headers.get with NextResponse.json',
      filename: 'app/api/featured/route.ts',
      code: nextRequestHeaders,
      output: nextRequestHeadersFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'Accept-Language' }, line: 8 }],
    },
    {
      name: 'next route handler: headers() from next/headers with new Response',
      filename: 'app/theme.css/route.ts',
      code: nextHeadersFn,
      output: nextHeadersFnFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'X-Tenant-Id' }, line: 7 }],
    },
    {
      name: 'nest: @Headers parameter; @Header would replace a CORS Vary, so only a suggestion',
      code: nestController,
      output: null,
      errors: [
        {
          messageId: 'missingVary',
          data: { header: 'Accept-Language' },
          line: 9,
          suggestions: [
            {
              messageId: 'addVary',
              data: { headers: 'Accept-Language' },
              output: edit(
                nestController,
                "  @Header('Cache-Control', 'public, max-age=600')\n",
                "  @Header('Cache-Control', 'public, max-age=600')\n  @Header('Vary', 'Accept-Language')\n",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'express: a function typed (req: Request, res: Response), registered elsewhere',
      code: typedExpress,
      output: typedExpressFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'X-Currency' }, line: 5 }],
    },
    {
      name: 'ignoreHeaders: the ignored header is skipped, the others still count',
      code: ignoreOption,
      options: [{ ignoreHeaders: ['X-Debug'] }],
      output: ignoreOptionFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'X-Plan' }, line: 7 }],
    },
  ],
});

jsRuleTester.run('require-vary (JavaScript)', rule as never, {
  valid: [
    { name: 'js second pass: hono raw headers', code: jsHonoRawFixed },
    { name: 'js second pass: fastify-plugin without semicolons', code: jsFastifyFpFixed },
  ],
  invalid: [
    {
      name: 'js: hono c.req.raw.headers.get',
      code: jsHonoRaw,
      output: jsHonoRawFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'CF-IPCountry' }, line: 7 }],
    },
    {
      name: 'js: fastify-plugin fp(), a file without semicolons',
      code: jsFastifyFp,
      output: jsFastifyFpFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'X-Api-Version' }, line: 5 }],
    },
  ],
});

cjsRuleTester.run('require-vary (CommonJS)', rule as never, {
  valid: [
    { name: 'cjs second pass: express object form', code: cjsExpressFixed },
    { name: 'cjs second pass: express CORS', code: cjsCorsFixed },
    { name: 'cjs second pass: node server', code: nodeServerFixed },
  ],
  invalid: [
    {
      name: 'cjs: express require, res.set object form gets res.vary',
      code: cjsExpress,
      output: cjsExpressFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'X-Tenant-Id' }, line: 7 }],
    },
    {
      name: 'cjs: destructured Router reflecting an allowed Origin',
      code: cjsCors,
      output: cjsCorsFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'Origin' }, line: 9 }],
    },
    {
      name: 'cjs: node http.createServer with setHeader',
      code: nodeServer,
      output: nodeServerFixed,
      errors: [{ messageId: 'missingVary', data: { header: 'Accept-Language' }, line: 7 }],
    },
  ],
});
