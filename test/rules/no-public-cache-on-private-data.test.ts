import { Linter } from 'eslint';
import plugin from '../../src/index.js';
import rule from '../../rules/no-public-cache-on-private-data.js';
import { cjsRuleTester, code, jsRuleTester, ruleTester } from '../rule-tester.js';

const NAME = 'no-public-cache-on-private-data';

/** The same lines with one line replaced: suggestion outputs differ from the input in one place. */
const withLine = (source: string, line: number, text: string): string => {
  const lines = source.split('\n');
  lines[line - 1] = text;
  return lines.join('\n');
};

// ---------------------------------------------------------------------------------------------
// Express

const expressAuthMiddleware = code(
  "import express from 'express';",
  "import { requireAuth } from './middleware/auth';",
  '',
  'const app = express();',
  '',
  "app.get('/api/me/plan', requireAuth, async (req, res) => {",
  "  res.set('Cache-Control', 'public, max-age=300');",
  '  res.json(await billing.planFor(res.locals.accountId));',
  '});',
);

const expressUser = code(
  "import express from 'express';",
  '',
  'const router = express.Router();',
  '',
  "router.get('/dashboard', async (req, res) => {",
  '  const projects = await projectsRepo.forOwner(req.user.id);',
  "  res.setHeader('Cache-Control', 'max-age=60, s-maxage=600');",
  "  res.render('dashboard', { projects });",
  '});',
);

const expressCookies = code(
  "import express from 'express';",
  "import cookieParser from 'cookie-parser';",
  '',
  'const app = express();',
  'app.use(cookieParser());',
  '',
  "app.get('/api/cart', async (req, res) => {",
  '  const { cartId } = req.cookies;',
  "  res.header('Cache-Control', 'public, max-age=60').json(await carts.get(cartId));",
  '});',
);

const expressAuthHeader = code(
  "import exp from 'express';",
  '',
  'const app = exp();',
  '',
  "app.get('/api/tokens/introspect', (req, res) => {",
  "  const token = req.get('Authorization');",
  "  res.set('Cache-Control', 'public');",
  '  res.json(tokens.introspect(token));',
  '});',
);

const expressSetsCookie = code(
  "import express from 'express';",
  '',
  'const app = express();',
  '',
  "app.get('/welcome', (req, res) => {",
  "  res.cookie('ab_bucket', assignBucket(), { httpOnly: true, sameSite: 'lax' });",
  "  res.set('Cache-Control', 'public, max-age=3600');",
  "  res.render('welcome');",
  '});',
);

const expressSetCookieHeader = code(
  "import express from 'express';",
  '',
  'const app = express();',
  '',
  "app.get('/promo', (req, res) => {",
  "  res.set({ 'Set-Cookie': 'promo=spring; Path=/', 'Cache-Control': 'public, max-age=60' });",
  "  res.render('promo');",
  '});',
);

const expressPassport = code(
  "import express from 'express';",
  "import passport from 'passport';",
  '',
  'const app = express();',
  '',
  "app.get('/api/orders', passport.authenticate('jwt', { session: false }), async (req, res) => {",
  "  res.set('Cache-Control', 's-maxage=120');",
  '  res.json(await orders.recent());',
  '});',
);

const expressConstant = code(
  "import express from 'express';",
  '',
  "const EDGE_CACHE = 'public, s-maxage=600';",
  'const app = express();',
  '',
  "app.get('/api/notifications', (req, res) => {",
  "  res.set('Cache-Control', EDGE_CACHE);",
  '  res.json(notifications.unread(req.session.userId));',
  '});',
);

const expressCustomPattern = code(
  "import express from 'express';",
  "import { ensureMember } from './membership';",
  '',
  'const app = express();',
  '',
  "app.get('/courses/:id/video', ensureMember, (req, res) => {",
  "  res.set('Cache-Control', 'public, max-age=86400');",
  '  res.sendFile(videos.pathFor(req.params.id));',
  '});',
);

const expressSession = code(
  "const express = require('express');",
  '',
  'const router = express.Router();',
  '',
  "router.get('/wishlist', (req, res) => {",
  "  res.set('Cache-Control', 'public, max-age=120');",
  '  res.json(wishlists.find(req.session.wishlistId));',
  '});',
  '',
  'module.exports = router;',
);

const expressJs = code(
  "import express from 'express';",
  '',
  'export const app = express();',
  '',
  "app.get('/api/feed', async (req, res) => {",
  '  const viewer = await verifyJwt(req.headers.authorization);',
  "  res.set('Cache-Control', 'public, max-age=30, stale-while-revalidate=60');",
  '  res.json(await feed.forViewer(viewer));',
  '});',
);

// ---------------------------------------------------------------------------------------------
// Fastify

const fastifyPreHandler = code(
  "import Fastify from 'fastify';",
  '',
  'const app = Fastify();',
  '',
  "app.get('/api/me', { preHandler: app.authenticate }, async (request, reply) => {",
  "  reply.header('Cache-Control', 'public, max-age=60');",
  '  return profiles.load(request.params);',
  '});',
);

const fastifyUser = code(
  "import type { FastifyInstance } from 'fastify';",
  '',
  'export default async function accountRoutes(fastify: FastifyInstance) {',
  "  fastify.get('/account/invoices', async (request, reply) => {",
  '    const invoices = await billing.invoices(request.user.sub);',
  "    reply.header('cache-control', 'public, s-maxage=60');",
  '    return invoices;',
  '  });',
  '}',
);

const fastifySetCookie = code(
  "import Fastify from 'fastify';",
  '',
  'const app = Fastify();',
  '',
  "app.get('/experiments/home', async (request, reply) => {",
  "  reply.setCookie('variant', pickVariant(), { path: '/' }).header('Cache-Control', 'public, max-age=60');",
  '  return renderHome();',
  '});',
);

// ---------------------------------------------------------------------------------------------
// Koa

const koaStateUser = code(
  "import Router from '@koa/router';",
  '',
  'export const router = new Router();',
  '',
  "router.get('/me/settings', async (ctx) => {",
  "  ctx.set('Cache-Control', 'public, max-age=60');",
  '  ctx.body = await settings.forUser(ctx.state.user.id);',
  '});',
);

const koaCookieJar = code(
  "import Koa from 'koa';",
  "import Router from '@koa/router';",
  '',
  'const app = new Koa();',
  'const router = new Router();',
  '',
  "router.get('/lang/:code', async (ctx) => {",
  "  ctx.cookies.set('lang', ctx.params.code, { httpOnly: false });",
  "  ctx.set('Cache-Control', 'public, max-age=600');",
  "  ctx.redirect('/');",
  '});',
  '',
  'app.use(router.routes());',
);

// ---------------------------------------------------------------------------------------------
// Hono

const honoUser = code(
  "import { Hono } from 'hono';",
  '',
  'const app = new Hono();',
  '',
  "app.get('/api/me', (c) => {",
  "  const user = c.get('user');",
  "  c.header('Cache-Control', 'public, max-age=60');",
  '  return c.json({ id: user.id, name: user.name });',
  '});',
);

const honoGetCookie = code(
  "import { Hono } from 'hono';",
  "import { getCookie } from 'hono/cookie';",
  '',
  'const app = new Hono();',
  '',
  "app.get('/api/preferences', (c) => {",
  "  const theme = getCookie(c, 'theme') ?? 'light';",
  "  return c.json({ theme }, 200, { 'Cache-Control': 'public, max-age=60' });",
  '});',
);

const honoSetCookie = code(
  "import { Hono } from 'hono';",
  "import { setCookie } from 'hono/cookie';",
  '',
  'const app = new Hono();',
  '',
  "app.on('GET', '/visit', (c) => {",
  "  setCookie(c, 'visited', '1', { path: '/' });",
  "  c.header('Cache-Control', 's-maxage=60');",
  "  return c.text('welcome');",
  '});',
);

const honoJsx = code(
  "import { Hono } from 'hono';",
  "import { Dashboard } from './views/dashboard';",
  '',
  'const app = new Hono();',
  '',
  "app.get('/dashboard', (c) => {",
  "  c.header('Cache-Control', 'public, max-age=120');",
  "  return c.html(<Dashboard user={c.get('user')} />);",
  '});',
);

// ---------------------------------------------------------------------------------------------
// Next.js route handlers

const nextAuth = code(
  "import { NextResponse } from 'next/server';",
  "import { auth } from '@/auth';",
  '',
  'export async function GET() {',
  '  const session = await auth();',
  '  return NextResponse.json(',
  '    { name: session?.user?.name ?? null },',
  "    { headers: { 'Cache-Control': 'public, s-maxage=60' } },",
  '  );',
  '}',
);

const nextCookies = code(
  "import { cookies } from 'next/headers';",
  '',
  'export async function GET() {',
  "  const cartId = (await cookies()).get('cart')?.value;",
  "  return Response.json(await carts.summary(cartId), { headers: { 'Cache-Control': 'public, max-age=60' } });",
  '}',
);

const nextServerSession = code(
  "import { getServerSession } from 'next-auth';",
  "import { NextResponse } from 'next/server';",
  "import { authOptions } from '@/lib/auth';",
  '',
  'export async function GET() {',
  '  const session = await getServerSession(authOptions);',
  '  const response = NextResponse.json({ email: session?.user?.email });',
  "  response.headers.set('Cache-Control', 'public, max-age=60');",
  '  return response;',
  '}',
);

const nextSetsCookie = code(
  "import { cookies } from 'next/headers';",
  '',
  'export async function GET(request: Request) {',
  "  (await cookies()).set('ref', new URL(request.url).searchParams.get('ref') ?? 'direct');",
  "  return new Response(null, { status: 302, headers: { Location: '/', 'Cache-Control': 's-maxage=300' } });",
  '}',
);

// ---------------------------------------------------------------------------------------------
// NestJS

const nestGuard = code(
  "import { Controller, Get, Header, UseGuards } from '@nestjs/common';",
  "import { AuthGuard } from '@nestjs/passport';",
  '',
  "@Controller('me')",
  "@UseGuards(AuthGuard('jwt'))",
  'export class MeController {',
  '  @Get()',
  "  @Header('Cache-Control', 'public, max-age=300')",
  '  me() {',
  '    return this.users.current();',
  '  }',
  '}',
);

const nestAuthorization = code(
  "import { Controller, Get, Header, Headers } from '@nestjs/common';",
  '',
  "@Controller('tokens')",
  'export class TokensController {',
  '  @Get()',
  "  @Header('Cache-Control', 'public, max-age=60')",
  "  list(@Headers('authorization') authorization: string) {",
  '    return this.tokens.list(authorization);',
  '  }',
  '}',
);

const suggestion = (replacement: string, output: string) => [{ messageId: 'makePrivate', data: { replacement }, output }];

ruleTester.run(NAME, rule as never, {
  valid: [
    {
      name: 'express: a public catalog endpoint that reads no user',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/api/products', async (req, res) => {",
        "  res.set('Cache-Control', 'public, max-age=60, s-maxage=300');",
        '  res.json(await products.list({ page: Number(req.query.page ?? 1) }));',
        '});',
      ),
    },
    {
      name: 'express: a private response that reads the user, with Vary: Cookie',
      code: code(
        "import express from 'express';",
        "import { requireAuth } from './auth';",
        'const app = express();',
        "app.get('/api/me', requireAuth, (req, res) => {",
        "  res.set('Cache-Control', 'private, max-age=60');",
        "  res.set('Vary', 'Cookie');",
        '  res.json(req.user);',
        '});',
      ),
    },
    {
      name: 'express: reading only Accept-Language is not reading the user',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/', (req, res) => {",
        "  const lang = req.headers['accept-language'];",
        "  res.set('Cache-Control', 'public, max-age=60');",
        "  res.set('Vary', 'Accept-Language');",
        "  res.render('home', { lang });",
        '});',
      ),
    },
    {
      name: 'express: rate limiting middleware is not authentication',
      code: code(
        "import express from 'express';",
        "import { rateLimit } from 'express-rate-limit';",
        'const app = express();',
        "app.get('/api/search', rateLimit({ windowMs: 60_000, limit: 30 }), (req, res) => {",
        "  res.set('Cache-Control', 'public, max-age=60');",
        '  res.json(search(String(req.query.q)));',
        '});',
      ),
    },
    {
      name: 'express: the user is read by another route of the same file',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/api/me', (req, res) => {",
        "  res.set('Cache-Control', 'no-store');",
        '  res.json(req.user);',
        '});',
        "app.get('/api/pricing', (req, res) => {",
        "  res.set('Cache-Control', 'public, s-maxage=3600');",
        '  res.json(pricing.table());',
        '});',
      ),
    },
    {
      name: 'express: a local Map called cookies and a nested req parameter are not the request',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/api/stats/requests', async (req, res) => {",
        '  const cookies = new Map<string, number>();',
        '  const rows = (await requestLog.latest()).map((req) => ({ path: req.path, user: req.user }));',
        '  for (const row of rows) cookies.set(row.path, (cookies.get(row.path) ?? 0) + 1);',
        "  res.set('Cache-Control', 'public, max-age=30');",
        '  res.json(Object.fromEntries(cookies));',
        '});',
      ),
    },
    {
      name: 'express: a cookie set on a no-store response; a computed value cannot be judged',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.post('/login', async (req, res) => {",
        "  res.cookie('sid', await sessions.create(req.body), { httpOnly: true });",
        "  res.set('Cache-Control', 'no-store');",
        "  res.redirect('/');",
        '});',
        "app.get('/api/me', (req, res) => {",
        "  res.set('Cache-Control', cacheControlFor(req.user));",
        '  res.json(req.user);',
        '});',
      ),
    },
    {
      name: 'express: authMiddlewarePattern narrowed so requireAuth does not count',
      options: [{ authMiddlewarePattern: '^ensureMember$' }],
      code: code(
        "import express from 'express';",
        "import { requireAuth } from './auth';",
        'const app = express();',
        "app.get('/api/catalog', requireAuth, (req, res) => {",
        "  res.set('Cache-Control', 'public, max-age=60');",
        '  res.json(catalog.all());',
        '});',
      ),
    },
    {
      name: 'fastify: a public route behind the rate limiter',
      code: code(
        "import Fastify from 'fastify';",
        'const app = Fastify();',
        "app.get('/api/status', { onRequest: app.rateLimit() }, async (request, reply) => {",
        "  reply.header('Cache-Control', 'public, max-age=10');",
        '  return status.current();',
        '});',
      ),
    },
    {
      name: 'koa: the cookie is read on a private route, the public route reads none',
      code: code(
        "import Router from '@koa/router';",
        'export const router = new Router();',
        "router.get('/cart', async (ctx) => {",
        "  ctx.set('Cache-Control', 'private, max-age=30');",
        "  ctx.body = await carts.get(ctx.cookies.get('cart'));",
        '});',
        "router.get('/categories', async (ctx) => {",
        "  ctx.set('Cache-Control', 'public, max-age=300');",
        '  ctx.body = await categories.all();',
        '});',
      ),
    },
    {
      name: 'hono: a public catalog that negotiates the language',
      code: code(
        "import { Hono } from 'hono';",
        'const app = new Hono();',
        "app.on('GET', '/api/articles', (c) => {",
        "  const lang = c.req.header('Accept-Language') ?? 'en';",
        "  c.header('Cache-Control', 'public, max-age=300');",
        "  c.header('Vary', 'Accept-Language');",
        '  return c.json(articles.list(lang));',
        '});',
      ),
    },
    {
      name: 'next: a public GET that reads no user',
      filename: 'app/api/products/route.ts',
      code: code(
        "import { NextResponse } from 'next/server';",
        'export async function GET() {',
        "  return NextResponse.json(await catalog.list(), { headers: { 'Cache-Control': 'public, s-maxage=300' } });",
        '}',
      ),
    },
    {
      name: 'next: the session is read, and the response is private',
      filename: 'app/api/me/route.ts',
      code: code(
        "import { auth } from '@/auth';",
        'export async function GET() {',
        '  const session = await auth();',
        "  return Response.json(session?.user ?? null, { headers: { 'Cache-Control': 'private, max-age=30', Vary: 'Cookie' } });",
        '}',
      ),
    },
    {
      name: 'nest: a rate-limit guard is not authentication; Accept-Language is not the user',
      code: code(
        "import { Controller, Get, Header, Headers, UseGuards } from '@nestjs/common';",
        "import { ThrottlerGuard } from '@nestjs/throttler';",
        "@Controller('articles')",
        '@UseGuards(ThrottlerGuard)',
        'export class ArticlesController {',
        '  @Get()',
        "  @Header('Cache-Control', 'public, max-age=60')",
        "  list(@Headers('accept-language') lang: string) {",
        '    return this.articles.list(lang);',
        '  }',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: 'express: route behind requireAuth answered public',
      code: expressAuthMiddleware,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=300', evidence: 'the authentication middleware `requireAuth`' },
          line: 7,
          suggestions: suggestion('private, max-age=300', withLine(expressAuthMiddleware, 7, "  res.set('Cache-Control', 'private, max-age=300');")),
        },
      ],
    },
    {
      name: 'express: req.user read, s-maxage sent (s-maxage is dropped)',
      code: expressUser,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'max-age=60, s-maxage=600', evidence: '`req.user.id`' },
          line: 7,
          suggestions: suggestion('private, max-age=60', withLine(expressUser, 7, "  res.setHeader('Cache-Control', 'private, max-age=60');")),
        },
      ],
    },
    {
      name: 'express: cookies destructured from req, header set in a chain',
      code: expressCookies,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=60', evidence: '`req.cookies`' },
          line: 9,
          suggestions: suggestion(
            'private, max-age=60',
            withLine(expressCookies, 9, "  res.header('Cache-Control', 'private, max-age=60').json(await carts.get(cartId));"),
          ),
        },
      ],
    },
    {
      name: 'express: the Authorization header read through req.get',
      code: expressAuthHeader,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public', evidence: "`req.get('Authorization')`" },
          line: 7,
          suggestions: suggestion('private', withLine(expressAuthHeader, 7, "  res.set('Cache-Control', 'private');")),
        },
      ],
    },
    {
      name: 'express: a cookie set with res.cookie',
      code: expressSetsCookie,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=3600', evidence: "a cookie it sets (`res.cookie('ab_bucket', assignBucket(...`)" },
          line: 7,
          suggestions: suggestion('private, max-age=3600', withLine(expressSetsCookie, 7, "  res.set('Cache-Control', 'private, max-age=3600');")),
        },
      ],
    },
    {
      name: 'express: Set-Cookie and Cache-Control in one res.set object',
      code: expressSetCookieHeader,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=60', evidence: 'the `Set-Cookie` header it sends' },
          line: 6,
          suggestions: suggestion(
            'private, max-age=60',
            withLine(expressSetCookieHeader, 6, "  res.set({ 'Set-Cookie': 'promo=spring; Path=/', 'Cache-Control': 'private, max-age=60' });"),
          ),
        },
      ],
    },
    {
      name: 'express: passport.authenticate at the route',
      code: expressPassport,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 's-maxage=120', evidence: 'the authentication middleware `passport.authenticate`' },
          line: 7,
          suggestions: suggestion('private', withLine(expressPassport, 7, "  res.set('Cache-Control', 'private');")),
        },
      ],
    },
    {
      name: 'express: a value from a constant is reported without a suggestion',
      code: expressConstant,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, s-maxage=600', evidence: '`req.session.userId`' },
          line: 7,
          suggestions: [],
        },
      ],
    },
    {
      name: 'express: authMiddlewarePattern names the project’s own middleware',
      options: [{ authMiddlewarePattern: '^ensureMember$' }],
      code: expressCustomPattern,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=86400', evidence: 'the authentication middleware `ensureMember`' },
          line: 7,
          suggestions: suggestion('private, max-age=86400', withLine(expressCustomPattern, 7, "  res.set('Cache-Control', 'private, max-age=86400');")),
        },
      ],
    },
    {
      name: 'fastify: preHandler app.authenticate',
      code: fastifyPreHandler,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=60', evidence: 'the authentication middleware `authenticate`' },
          line: 6,
          suggestions: suggestion('private, max-age=60', withLine(fastifyPreHandler, 6, "  reply.header('Cache-Control', 'private, max-age=60');")),
        },
      ],
    },
    {
      name: 'fastify: request.user in a plugin',
      code: fastifyUser,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, s-maxage=60', evidence: '`request.user.sub`' },
          line: 6,
          suggestions: suggestion('private', withLine(fastifyUser, 6, "    reply.header('cache-control', 'private');")),
        },
      ],
    },
    {
      name: 'fastify: reply.setCookie chained with the header',
      code: fastifySetCookie,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=60', evidence: "a cookie it sets (`reply.setCookie('variant', pickVarian...`)" },
          line: 6,
          suggestions: suggestion(
            'private, max-age=60',
            withLine(fastifySetCookie, 6, "  reply.setCookie('variant', pickVariant(), { path: '/' }).header('Cache-Control', 'private, max-age=60');"),
          ),
        },
      ],
    },
    {
      name: 'koa: ctx.state.user',
      code: koaStateUser,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=60', evidence: '`ctx.state.user.id`' },
          line: 6,
          suggestions: suggestion('private, max-age=60', withLine(koaStateUser, 6, "  ctx.set('Cache-Control', 'private, max-age=60');")),
        },
      ],
    },
    {
      name: 'koa: ctx.cookies.set',
      code: koaCookieJar,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=600', evidence: "a cookie it sets (`ctx.cookies.set('lang', ctx.params.co...`)" },
          line: 9,
          suggestions: suggestion('private, max-age=600', withLine(koaCookieJar, 9, "  ctx.set('Cache-Control', 'private, max-age=600');")),
        },
      ],
    },
    {
      name: 'hono: c.get(user) set by auth middleware',
      code: honoUser,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=60', evidence: "`c.get('user')`" },
          line: 7,
          suggestions: suggestion('private, max-age=60', withLine(honoUser, 7, "  c.header('Cache-Control', 'private, max-age=60');")),
        },
      ],
    },
    {
      name: 'hono: getCookie(c) with headers in c.json',
      code: honoGetCookie,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=60', evidence: "`getCookie(c, 'theme')`" },
          line: 8,
          suggestions: suggestion(
            'private, max-age=60',
            withLine(honoGetCookie, 8, "  return c.json({ theme }, 200, { 'Cache-Control': 'private, max-age=60' });"),
          ),
        },
      ],
    },
    {
      name: 'hono: setCookie through app.on',
      code: honoSetCookie,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 's-maxage=60', evidence: "a cookie it sets (`setCookie(c, 'visited', '1', { path: ...`)" },
          line: 8,
          suggestions: suggestion('private', withLine(honoSetCookie, 8, "  c.header('Cache-Control', 'private');")),
        },
      ],
    },
    {
      name: 'hono: TSX page rendering the user',
      filename: 'src/routes/dashboard.tsx',
      code: honoJsx,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=120', evidence: "`c.get('user')`" },
          line: 7,
          suggestions: suggestion('private, max-age=120', withLine(honoJsx, 7, "  c.header('Cache-Control', 'private, max-age=120');")),
        },
      ],
    },
    {
      name: 'next: auth() from the local auth module',
      filename: 'app/api/me/route.ts',
      code: nextAuth,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, s-maxage=60', evidence: '`auth()`' },
          line: 8,
          suggestions: suggestion('private', withLine(nextAuth, 8, "    { headers: { 'Cache-Control': 'private' } },")),
        },
      ],
    },
    {
      name: 'next: cookies() from next/headers',
      filename: 'app/api/cart/route.ts',
      code: nextCookies,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=60', evidence: '`cookies()`' },
          line: 5,
          suggestions: suggestion(
            'private, max-age=60',
            withLine(nextCookies, 5, "  return Response.json(await carts.summary(cartId), { headers: { 'Cache-Control': 'private, max-age=60' } });"),
          ),
        },
      ],
    },
    {
      name: 'next: getServerSession and response.headers.set',
      filename: 'app/api/account/route.ts',
      code: nextServerSession,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=60', evidence: '`getServerSession(authOptions)`' },
          line: 8,
          suggestions: suggestion('private, max-age=60', withLine(nextServerSession, 8, "  response.headers.set('Cache-Control', 'private, max-age=60');")),
        },
      ],
    },
    {
      name: 'next: cookies().set on a redirect cached by the CDN',
      filename: 'app/r/route.ts',
      code: nextSetsCookie,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 's-maxage=300', evidence: "a cookie it sets (`(await cookies()).set('ref', new URL(...`)" },
          line: 5,
          suggestions: suggestion(
            'private',
            withLine(nextSetsCookie, 5, "  return new Response(null, { status: 302, headers: { Location: '/', 'Cache-Control': 'private' } });"),
          ),
        },
      ],
    },
    {
      name: 'nest: controller behind @UseGuards(AuthGuard(jwt))',
      code: nestGuard,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=300', evidence: 'the guard `AuthGuard`' },
          line: 8,
          suggestions: suggestion('private, max-age=300', withLine(nestGuard, 8, "  @Header('Cache-Control', 'private, max-age=300')")),
        },
      ],
    },
    {
      name: "nest: @Headers('authorization') parameter",
      code: nestAuthorization,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=60', evidence: "`@Headers('authorization')`" },
          line: 6,
          suggestions: suggestion('private, max-age=60', withLine(nestAuthorization, 6, "  @Header('Cache-Control', 'private, max-age=60')")),
        },
      ],
    },
  ],
});

cjsRuleTester.run(`${NAME} (CommonJS)`, rule as never, {
  valid: [
    {
      name: 'require: a session read on a no-store response',
      code: code(
        "const express = require('express');",
        'const router = express.Router();',
        "router.get('/wishlist', (req, res) => {",
        "  res.set('Cache-Control', 'no-store');",
        '  res.json(wishlists.find(req.session.wishlistId));',
        '});',
      ),
    },
  ],
  invalid: [
    {
      name: 'require: req.session on a public response',
      code: expressSession,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=120', evidence: '`req.session.wishlistId`' },
          line: 6,
          suggestions: suggestion('private, max-age=120', withLine(expressSession, 6, "  res.set('Cache-Control', 'private, max-age=120');")),
        },
      ],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Implicitly shared caching: max-age without private (option checkImplicitSharedCache)

const IMPLICIT = [{ checkImplicitSharedCache: true }];

const koaImplicit = code(
  "import Router from '@koa/router';",
  "import { auth } from './auth';",
  '',
  'const router = new Router();',
  '',
  "router.get('/files', auth(), async (ctx) => {",
  "  ctx.set('Cache-Control', 'max-age=3600');",
  '  ctx.body = await filesOf(ctx.state.user);',
  '});',
);

const expressCookieImplicit = code(
  "import express from 'express';",
  '',
  'const app = express();',
  '',
  "app.get('/api/cart', (req, res) => {",
  "  res.set('Cache-Control', 'max-age=600, stale-while-revalidate=60');",
  '  res.json(carts.get(req.cookies.cart));',
  '});',
);

const expressAuthorizationImplicit = (value: string) =>
  code(
    "import express from 'express';",
    '',
    'const app = express();',
    '',
    "app.get('/api/tokens', (req, res) => {",
    `  res.set('Cache-Control', '${value}');`,
    "  res.json(tokens.for(req.get('Authorization')));",
    '});',
  );

const nextCookiesImplicit = code(
  "import { NextResponse } from 'next/server';",
  "import { cookies } from 'next/headers';",
  '',
  'export async function GET() {',
  "  const theme = (await cookies()).get('theme');",
  "  return NextResponse.json({ theme }, { headers: { 'Cache-Control': 'max-age=60' } });",
  '}',
);

/** One implicitSharedPrivateData error with its `private` suggestion, which replaces line `line` with `fixed`. */
const implicitError = (source: string, line: number, value: string, evidence: string, fixed: string) => ({
  messageId: 'implicitSharedPrivateData',
  data: { value, evidence },
  line,
  suggestions: suggestion(/'(private[^']*)'/.exec(fixed)![1]!, withLine(source, line, fixed)),
});

ruleTester.run(`${NAME} (checkImplicitSharedCache)`, rule as never, {
  valid: [
    { name: 'off by default: max-age without private is not reported', code: koaImplicit },
    { name: 'private max-age is fine', code: koaImplicit.replace("'max-age=3600'", "'private, max-age=3600'"), options: IMPLICIT },
    { name: 'max-age=0 stores nothing fresh', code: koaImplicit.replace("'max-age=3600'", "'max-age=0'"), options: IMPLICIT },
    { name: 'no-cache without max-age', code: koaImplicit.replace("'max-age=3600'", "'no-cache'"), options: IMPLICIT },
    {
      name: 'only the Authorization header is read: shared caches already refuse to store it',
      code: expressAuthorizationImplicit('max-age=60'),
      options: IMPLICIT,
    },
    {
      name: 'no user evidence',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/api/catalog', (req, res) => {",
        "  res.set('Cache-Control', 'max-age=600');",
        '  res.json(catalog.all());',
        '});',
      ),
      options: IMPLICIT,
    },
  ],
  invalid: [
    {
      name: 'koa: auth middleware and ctx.state.user',
      code: koaImplicit,
      options: IMPLICIT,
      errors: [implicitError(koaImplicit, 7, 'max-age=3600', '`ctx.state.user`', "  ctx.set('Cache-Control', 'private, max-age=3600');")],
    },
    {
      name: 'express: req.cookies',
      code: expressCookieImplicit,
      options: IMPLICIT,
      errors: [
        implicitError(
          expressCookieImplicit,
          6,
          'max-age=600, stale-while-revalidate=60',
          '`req.cookies.cart`',
          "  res.set('Cache-Control', 'private, max-age=600, stale-while-revalidate=60');",
        ),
      ],
    },
    {
      name: 'Next.js: cookies()',
      code: nextCookiesImplicit,
      options: IMPLICIT,
      errors: [
        implicitError(
          nextCookiesImplicit,
          6,
          'max-age=60',
          '`cookies()`',
          "  return NextResponse.json({ theme }, { headers: { 'Cache-Control': 'private, max-age=60' } });",
        ),
      ],
    },
    {
      name: 'must-revalidate lifts the Authorization protection',
      code: expressAuthorizationImplicit('max-age=60, must-revalidate'),
      options: IMPLICIT,
      errors: [
        implicitError(
          expressAuthorizationImplicit('max-age=60, must-revalidate'),
          6,
          'max-age=60, must-revalidate',
          "`req.get('Authorization')`",
          "  res.set('Cache-Control', 'private, max-age=60, must-revalidate');",
        ),
      ],
    },
    {
      name: 'explicit public keeps its own message with the option on',
      code: koaImplicit.replace("'max-age=3600'", "'public, max-age=3600'"),
      options: IMPLICIT,
      errors: [
        {
          ...implicitError(koaImplicit, 7, 'public, max-age=3600', '`ctx.state.user`', "  ctx.set('Cache-Control', 'private, max-age=3600');"),
          messageId: 'publicPrivateData',
        },
      ],
    },
  ],
});

jsRuleTester.run(`${NAME} (JavaScript)`, rule as never, {
  valid: [
    {
      name: 'express: public feed for anonymous visitors',
      code: code(
        "import express from 'express';",
        'export const app = express();',
        "app.get('/api/feed/public', async (req, res) => {",
        "  res.set('Cache-Control', 'public, max-age=30');",
        '  res.json(await feed.trending());',
        '});',
      ),
    },
  ],
  invalid: [
    {
      name: 'express: req.headers.authorization in plain JavaScript',
      code: expressJs,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=30, stale-while-revalidate=60', evidence: '`req.headers.authorization`' },
          line: 7,
          suggestions: suggestion(
            'private, max-age=30, stale-while-revalidate=60',
            withLine(expressJs, 7, "  res.set('Cache-Control', 'private, max-age=30, stale-while-revalidate=60');"),
          ),
        },
      ],
    },
  ],
});

describe(`${NAME}: configuration`, () => {
  it('throws a clear error when authMiddlewarePattern is not a valid regular expression', () => {
    const linter = new Linter({ configType: 'flat' });
    const lint = () =>
      linter.verify(
        "import express from 'express';\n",
        [
          {
            files: ['**/*.js'],
            plugins: { cache: plugin as never },
            rules: { [`cache/${NAME}`]: ['error', { authMiddlewarePattern: '(auth|login' }] },
          },
        ] as never,
        { filename: 'server.js' },
      );
    expect(lint).toThrow(
      'cache/no-public-cache-on-private-data: option authMiddlewarePattern is not a valid regular expression: Invalid regular expression: /(auth|login/i: Unterminated group',
    );
  });
});
