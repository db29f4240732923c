import rule from '../../rules/no-cached-private-fetch.js';
import { code, ruleTester } from '../rule-tester.js';

/** `source` with `search` (which must occur exactly once) replaced: the expected text of a suggestion. */
function edit(source: string, search: string, replacement: string): string {
  const at = source.indexOf(search);
  if (at === -1 || source.indexOf(search, at + 1) !== -1) throw new Error(`expected exactly one ${JSON.stringify(search)}`);
  return source.slice(0, at) + replacement + source.slice(at + search.length);
}

// ---------------------------------------------------------------------------------------------
// Reported sources

/** Server component: NextAuth v5 session token, `force-cache`. */
const ordersPage = code(
  "import { auth } from '@/auth';",
  "import { redirect } from 'next/navigation';",
  "import { OrderList } from './order-list';",
  '',
  'export default async function OrdersPage() {',
  '  const session = await auth();',
  "  if (!session) redirect('/login');",
  '',
  '  const res = await fetch(`${process.env.API_URL}/v1/orders`, {',
  '    headers: { Authorization: `Bearer ${session.accessToken}` },',
  "    cache: 'force-cache',",
  '  });',
  '  const orders: Order[] = await res.json();',
  '  return <OrderList orders={orders} />;',
  '}',
);

/** Server component: the user's cookies forwarded, ISR revalidation. */
const accountLayout = code(
  "import { cookies } from 'next/headers';",
  "import type { ReactNode } from 'react';",
  '',
  'async function getAccount() {',
  '  const cookieStore = await cookies();',
  '  const res = await fetch(`${process.env.BACKEND_URL}/account`, {',
  '    headers: { Cookie: cookieStore.toString() },',
  '    next: { revalidate: 60 },',
  '  });',
  "  if (!res.ok) throw new Error('Failed to load the account');",
  '  return res.json() as Promise<Account>;',
  '}',
  '',
  'export default async function AccountLayout({ children }: { children: ReactNode }) {',
  '  const account = await getAccount();',
  '  return (',
  '    <section>',
  '      <AccountHeader account={account} />',
  '      {children}',
  '    </section>',
  '  );',
  '}',
);

/** Forwarding the whole incoming header bag, with tags. */
const forwardHeaders = code(
  "import { headers } from 'next/headers';",
  '',
  'export default async function NotificationsPage() {',
  '  const res = await fetch(`${process.env.API_URL}/notifications`, {',
  '    headers: await headers(),',
  "    next: { revalidate: 300, tags: ['notifications'] },",
  '  });',
  '  const items = await res.json();',
  '  return <NotificationList items={items} />;',
  '}',
);

/** Clerk: a session token, cached indefinitely. */
const clerkBilling = code(
  "import { auth } from '@clerk/nextjs/server';",
  '',
  'export default async function BillingPage() {',
  '  const { getToken, userId } = await auth();',
  "  const token = await getToken({ template: 'billing' });",
  '  const res = await fetch(`https://billing.example.com/users/${userId}/invoices`, {',
  '    headers: { Authorization: `Bearer ${token}` },',
  '    next: { revalidate: false },',
  '  });',
  '  const invoices: Invoice[] = await res.json();',
  '  return <InvoiceTable invoices={invoices} />;',
  '}',
);

/** Next 14 BFF proxy: `force-dynamic` hands the handler its raw request, and the fetch is auto-cached. */
const proxyRoute = code(
  "import { NextRequest, NextResponse } from 'next/server';",
  '',
  "export const dynamic = 'force-dynamic';",
  '',
  'export async function GET(request: NextRequest) {',
  '  const upstream = await fetch(`${process.env.API_URL}/v1/me/orders`, {',
  "    headers: { authorization: request.headers.get('authorization') ?? '' },",
  '  });',
  '  return NextResponse.json(await upstream.json(), { status: upstream.status });',
  '}',
);

/** `fetchCache = 'default-cache'` opts the route's fetches in; a `Headers` built with `set`. */
const defaultCacheRoute = code(
  "export const fetchCache = 'default-cache';",
  '',
  'export async function GET(req: Request) {',
  '  const upstreamHeaders = new Headers();',
  "  upstreamHeaders.set('Cookie', req.headers.get('cookie') ?? '');",
  "  const profile = await fetch('https://accounts.internal/profile', { headers: upstreamHeaders });",
  '  return Response.json(await profile.json());',
  '}',
);

/** A `Request` object whose init carries the user's token. */
const requestObjectRoute = code(
  "import { getToken } from 'next-auth/jwt';",
  "import type { NextRequest } from 'next/server';",
  '',
  "export const fetchCache = 'default-cache';",
  '',
  'export async function GET(req: NextRequest) {',
  '  const jwt = await getToken({ req });',
  '  const upstream = new Request(`${process.env.API_URL}/me/settings`, {',
  '    headers: { Authorization: `Bearer ${jwt?.accessToken}` },',
  '  });',
  '  return fetch(upstream);',
  '}',
);

/** `fetchCache = 'force-cache'` caches even `no-store`: nothing on the fetch can fix it. */
const forceCacheSegment = code(
  "import { cookies } from 'next/headers';",
  '',
  "export const fetchCache = 'force-cache';",
  '',
  'export default async function CartPage() {',
  "  const sid = (await cookies()).get('sid')?.value;",
  "  const cart = await fetch('https://shop.internal/cart', { headers: { Cookie: `sid=${sid}` }, cache: 'no-store' });",
  '  return <Cart data={await cart.json()} />;',
  '}',
);

/** Server action: revalidation plus tags. */
const cartAction = code(
  "'use server';",
  '',
  "import { cookies } from 'next/headers';",
  '',
  'export async function loadCart() {',
  '  const cookieStore = await cookies();',
  "  const sessionId = cookieStore.get('sid')?.value;",
  '  const res = await fetch(`${process.env.SHOP_API}/cart`, {',
  '    headers: { Cookie: `sid=${sessionId}` },',
  "    next: { revalidate: 30, tags: ['cart'] },",
  '  });',
  '  return res.json();',
  '}',
);

/** A server-only data helper taking the session. */
const billingLib = code(
  "import 'server-only';",
  "import type { Session } from 'next-auth';",
  '',
  'export async function getPlan(session: Session) {',
  '  const res = await fetch(`${process.env.BILLING_URL}/plan`, {',
  '    headers: { Authorization: `Bearer ${session.accessToken}` },',
  "    cache: 'force-cache',",
  '  });',
  '  return res.json() as Promise<Plan>;',
  '}',
);

/** Both options: Next warns and `next.revalidate` wins. */
const bothOptions = code(
  "import { getServerSession } from 'next-auth';",
  "import { authOptions } from '@/lib/auth';",
  '',
  'export default async function TeamPage() {',
  '  const { accessToken } = (await getServerSession(authOptions))!;',
  '  const res = await fetch(`${process.env.API_URL}/team`, {',
  '    headers: { Authorization: `Bearer ${accessToken}` },',
  "    cache: 'force-cache',",
  '    next: { revalidate: 120 },',
  '  });',
  '  return <Team members={await res.json()} />;',
  '}',
);

/** Init object shared through a spread. */
const spreadInit = code(
  "import { cookies } from 'next/headers';",
  '',
  'export default async function WishlistPage() {',
  "  const token = (await cookies()).get('access_token')?.value;",
  '  const authInit = { headers: { Authorization: `Bearer ${token}` } };',
  "  const res = await fetch('https://api.example.com/wishlist', { ...authInit, cache: 'force-cache' });",
  '  return <Wishlist items={await res.json()} />;',
  '}',
);

/** Next 14 honours `next.revalidate` in a `force-dynamic` page; Next 15 turns it into 0. */
const forceDynamicRevalidate = code(
  "import { auth } from '@/auth';",
  '',
  "export const dynamic = 'force-dynamic';",
  '',
  'export default async function InboxPage() {',
  '  const session = await auth();',
  '  const res = await fetch(`${process.env.API_URL}/inbox`, {',
  '    headers: { Authorization: `Bearer ${session?.accessToken}` },',
  '    next: { revalidate: 60 },',
  '  });',
  '  return <Inbox messages={await res.json()} />;',
  '}',
);

const unstableCacheCookies = code(
  "import { cookies } from 'next/headers';",
  "import { unstable_cache } from 'next/cache';",
  "import { db } from '@/lib/db';",
  '',
  'export const getPreferences = unstable_cache(',
  '  async () => {',
  "    const userId = (await cookies()).get('uid')?.value;",
  '    return db.preferences.findUnique({ where: { userId } });',
  '  },',
  "  ['preferences'],",
  '  { revalidate: 3600 },',
  ');',
);

const unstableCacheClosure = code(
  "import { unstable_cache } from 'next/cache';",
  "import { auth } from '@/auth';",
  "import { db } from '@/lib/db';",
  '',
  'export default async function OrdersPage() {',
  '  const session = await auth();',
  '  const getOrders = unstable_cache(',
  '    async () => db.order.findMany({ where: { userId: session!.user.id } }),',
  "    ['orders'],",
  "    { tags: ['orders'] },",
  '  );',
  '  return <Orders orders={await getOrders()} />;',
  '}',
);

const unstableCacheNoKeyParts = code(
  "import { unstable_cache } from 'next/cache';",
  "import { currentUser } from '@clerk/nextjs/server';",
  '',
  'export async function getRecommendations() {',
  '  const user = await currentUser();',
  '  const userId = user?.id;',
  '  const load = unstable_cache(async () => recommender.forUser(userId));',
  '  return load();',
  '}',
);

const useCacheAuth = code(
  "import { auth } from '@/auth';",
  "import { cacheLife } from 'next/cache';",
  '',
  'export async function getDashboard() {',
  "  'use cache';",
  "  cacheLife('hours');",
  '  const session = await auth();',
  '  return db.dashboard.findFirst({ where: { ownerId: session?.user?.id } });',
  '}',
);

const useCacheHelper = code(
  "import { getServerSession } from 'next-auth';",
  "import { authOptions } from '@/lib/auth';",
  '',
  'async function getViewer() {',
  '  const session = await getServerSession(authOptions);',
  '  return session?.user;',
  '}',
  '',
  'export default async function Sidebar() {',
  "  'use cache';",
  '  const viewer = await getViewer();',
  '  return <Nav viewer={viewer} />;',
  '}',
);

const useCacheFile = code(
  "'use cache';",
  '',
  "import { headers } from 'next/headers';",
  '',
  'export async function getTenantTheme() {',
  "  const tenant = (await headers()).get('x-tenant-id');",
  '  return themes.load(tenant);',
  '}',
);

const useCacheRemote = code(
  "import { cookies } from 'next/headers';",
  '',
  'export async function getCartCount() {',
  "  'use cache: remote';",
  "  const cartId = (await cookies()).get('cart')?.value;",
  '  return carts.count(cartId);',
  '}',
);

/** An API wrapper: headers from a helper of this file, options spread from the caller before them. */
const apiWrapper = code(
  "import 'server-only';",
  "import { auth } from '@/auth';",
  '',
  'async function authHeaders() {',
  '  const session = await auth();',
  '  return { Authorization: `Bearer ${session?.accessToken}` };',
  '}',
  '',
  'export async function apiGet<T>(path: string, init: RequestInit = {}): Promise<T> {',
  '  const res = await fetch(`${process.env.API_URL}${path}`, {',
  '    ...init,',
  "    headers: { ...(await authHeaders()), 'Content-Type': 'application/json' },",
  '    next: { revalidate: 60 },',
  '  });',
  '  return res.json() as Promise<T>;',
  '}',
);

/** Auth0 (v3) access token. */
const auth0Profile = code(
  "import { getAccessToken } from '@auth0/nextjs-auth0';",
  '',
  'export default async function ProfilePage() {',
  '  const { accessToken } = await getAccessToken();',
  "  const res = await fetch('https://api.example.com/profile', { headers: { Authorization: `Bearer ${accessToken}` }, cache: 'force-cache' });",
  '  return <Profile data={await res.json()} />;',
  '}',
);

/** Headers spread conditionally, from a local session helper in a server component. */
const conditionalHeaders = code(
  "import { getCurrentUser } from '@/lib/session';",
  '',
  'export default async function ActivityPage() {',
  '  const user = await getCurrentUser();',
  '  const res = await fetch(`${process.env.API_URL}/activity`, {',
  "    headers: { Accept: 'application/json', ...(user ? { Authorization: `Bearer ${user.token}` } : {}) },",
  '    next: { revalidate: 120 },',
  '  });',
  '  return <Activity items={await res.json()} />;',
  '}',
);

/** A data module of a Next.js project (known through `nextMajor`) with no Next import of its own. */
const nextAuthDataModule = code(
  "import { auth } from '@/auth';",
  '',
  'export async function getSubscriptions() {',
  '  const session = await auth();',
  '  const res = await fetch(`${process.env.API_URL}/subscriptions`, {',
  '    headers: { Authorization: `Bearer ${session?.accessToken}` },',
  "    cache: 'force-cache',",
  '  });',
  '  return res.json();',
  '}',
);

// ---------------------------------------------------------------------------------------------
// Suggestion outputs (valid on a second pass)

const ordersPageFixed = edit(ordersPage, "cache: 'force-cache'", "cache: 'no-store'");
const accountLayoutFixed = edit(accountLayout, 'next: { revalidate: 60 },', "cache: 'no-store',");
const forwardHeadersFixed = edit(forwardHeaders, 'revalidate: 300', 'revalidate: 0');
const proxyRouteFixed = edit(
  proxyRoute,
  "    headers: { authorization: request.headers.get('authorization') ?? '' },",
  "    headers: { authorization: request.headers.get('authorization') ?? '' },\n    cache: 'no-store',",
);
const bothOptionsFixed = edit(edit(bothOptions, "cache: 'force-cache',", "cache: 'no-store',"), '\n    next: { revalidate: 120 },', '');
const unstableCacheClosureFixed = edit(unstableCacheClosure, "['orders'],", "['orders', String(session!.user.id)],");

ruleTester.run('no-cached-private-fetch', rule as never, {
  valid: [
    {
      name: 'public data with force-cache: nothing private is sent',
      filename: 'app/products/page.tsx',
      code: code(
        'export default async function ProductsPage() {',
        "  const res = await fetch('https://api.example.com/products', { cache: 'force-cache' });",
        '  return <ProductGrid products={await res.json()} />;',
        '}',
      ),
    },
    {
      name: 'a service token from the environment is the same for every user',
      filename: 'app/blog/[slug]/page.tsx',
      code: code(
        'export default async function PostPage({ params }: { params: Promise<{ slug: string }> }) {',
        '  const { slug } = await params;',
        '  const res = await fetch(`${process.env.CMS_URL}/posts/${slug}`, {',
        '    headers: { Authorization: `Bearer ${process.env.CMS_TOKEN}` },',
        "    next: { revalidate: 600, tags: ['posts'] },",
        '  });',
        '  return <Post post={await res.json()} />;',
        '}',
      ),
    },
    {
      name: "the user's token with cache: 'no-store'",
      filename: 'app/orders/page.tsx',
      code: ordersPageFixed,
    },
    {
      name: 'cookies forwarded with no-store (fixed layout)',
      filename: 'app/account/layout.tsx',
      code: accountLayoutFixed,
    },
    {
      name: 'next.revalidate: 0 never stores (fixed forwarding)',
      filename: 'app/notifications/page.tsx',
      code: forwardHeadersFixed,
    },
    {
      name: 'Next 14 force-dynamic route handler with no-store (fixed proxy)',
      filename: 'app/api/orders/route.ts',
      options: [{ nextMajor: 14 }],
      code: proxyRouteFixed,
    },
    {
      name: 'both options reduced to no-store (fixed)',
      filename: 'app/team/page.tsx',
      code: bothOptionsFixed,
    },
    {
      name: 'unstable_cache keyed by the user (fixed)',
      filename: 'app/orders/page.tsx',
      code: unstableCacheClosureFixed,
    },
    {
      name: "client component: the browser's HTTP cache is private to the user",
      filename: 'app/orders/order-refresher.tsx',
      code: code(
        "'use client';",
        '',
        "import { useSession } from 'next-auth/react';",
        "import { useEffect, useState } from 'react';",
        '',
        'export function OrderRefresher() {',
        '  const { data: session } = useSession();',
        '  const [orders, setOrders] = useState<Order[]>([]);',
        '  useEffect(() => {',
        '    if (!session) return;',
        "    fetch('/api/orders', { headers: { Authorization: `Bearer ${session.accessToken}` }, cache: 'force-cache' })",
        '      .then((res) => res.json())',
        '      .then(setOrders);',
        '  }, [session]);',
        '  return <OrderList orders={orders} />;',
        '}',
      ),
    },
    {
      name: 'Next 15 does not cache fetch by default',
      filename: 'app/orders/page.tsx',
      options: [{ nextMajor: 15 }],
      code: code(
        "import { auth } from '@/auth';",
        '',
        'export default async function OrdersPage() {',
        '  const session = await auth();',
        '  const res = await fetch(`${process.env.API_URL}/v1/orders`, {',
        '    headers: { Authorization: `Bearer ${session?.accessToken}` },',
        '  });',
        '  return <OrderList orders={await res.json()} />;',
        '}',
      ),
    },
    {
      name: 'Next 14 skips authorised fetches once cookies() made the route dynamic',
      filename: 'app/account/page.tsx',
      options: [{ nextMajor: 14 }],
      code: code(
        "import { cookies } from 'next/headers';",
        '',
        'export default async function AccountPage() {',
        "  const token = cookies().get('token')?.value;",
        "  const res = await fetch('https://api.example.com/me', { headers: { Authorization: `Bearer ${token}` } });",
        '  return <Profile user={await res.json()} />;',
        '}',
      ),
    },
    {
      name: 'Next 15 force-dynamic route handler: the default fetch is not cached',
      filename: 'app/api/orders/route.ts',
      options: [{ nextMajor: 15 }],
      code: proxyRoute,
    },
    {
      name: 'Next 14 route handler without force-dynamic: reading the request marks it dynamic',
      filename: 'app/api/orders/route.ts',
      options: [{ nextMajor: 14 }],
      code: proxyRoute.replace("export const dynamic = 'force-dynamic';\n\n", ''),
    },
    {
      name: 'Next 14 force-dynamic route handler that also exports POST: the module is revalidate 0',
      filename: 'app/api/orders/route.ts',
      options: [{ nextMajor: 14 }],
      code: code(
        proxyRoute,
        '',
        'export async function POST(request: NextRequest) {',
        '  const res = await fetch(`${process.env.API_URL}/v1/me/orders`, {',
        "    method: 'POST',",
        "    headers: { authorization: request.headers.get('authorization') ?? '' },",
        '    body: await request.text(),',
        '  });',
        '  return NextResponse.json(await res.json(), { status: res.status });',
        '}',
      ),
    },
    {
      name: 'Next 15 force-dynamic turns next.revalidate into 0',
      filename: 'app/inbox/page.tsx',
      options: [{ nextMajor: 15 }],
      code: forceDynamicRevalidate,
    },
    {
      name: 'fetchCache = force-no-store overrides force-cache on every fetch',
      filename: 'app/cart/page.tsx',
      code: code(
        "import { cookies } from 'next/headers';",
        '',
        "export const fetchCache = 'force-no-store';",
        '',
        'export default async function CartPage() {',
        "  const sid = (await cookies()).get('sid')?.value;",
        "  const cart = await fetch('https://shop.internal/cart', { headers: { Cookie: `sid=${sid}` }, cache: 'force-cache' });",
        '  return <Cart data={await cart.json()} />;',
        '}',
      ),
    },
    {
      name: 'Accept-Language from headers() identifies no one',
      filename: 'app/[locale]/page.tsx',
      code: code(
        "import { headers } from 'next/headers';",
        '',
        'export default async function HomePage() {',
        "  const language = (await headers()).get('accept-language') ?? 'en';",
        "  const res = await fetch('https://cms.example.com/home', { headers: { 'Accept-Language': language }, cache: 'force-cache' });",
        '  return <Home content={await res.json()} />;',
        '}',
      ),
    },
    {
      name: 'unstable_cache keyed by the user id passed as an argument',
      filename: 'app/orders/page.tsx',
      code: code(
        "import { unstable_cache } from 'next/cache';",
        "import { auth } from '@/auth';",
        '',
        'const getOrders = unstable_cache(',
        '  async (userId: string) => db.order.findMany({ where: { userId } }),',
        "  ['orders'],",
        '  { revalidate: 60 },',
        ');',
        '',
        'export default async function OrdersPage() {',
        '  const session = await auth();',
        '  return <Orders orders={await getOrders(session!.user.id)} />;',
        '}',
      ),
    },
    {
      name: 'unstable_cache whose keyParts already hold the user id',
      filename: 'app/settings/page.tsx',
      code: code(
        "import { unstable_cache } from 'next/cache';",
        "import { auth } from '@/auth';",
        '',
        'export default async function SettingsPage() {',
        '  const session = await auth();',
        '  const userId = session!.user.id;',
        "  const getSettings = unstable_cache(async () => db.settings.find(userId), ['settings', userId]);",
        '  return <Settings value={await getSettings()} />;',
        '}',
      ),
    },
    {
      name: "'use cache: private' is meant for per-user data",
      filename: 'app/cart/cart-summary.tsx',
      code: code(
        "import { cookies } from 'next/headers';",
        "import { cacheLife } from 'next/cache';",
        '',
        'export async function CartSummary() {',
        "  'use cache: private';",
        "  cacheLife({ stale: 60 });",
        "  const cartId = (await cookies()).get('cart')?.value;",
        '  return <Summary cart={await carts.load(cartId)} />;',
        '}',
      ),
    },
    {
      name: "'use cache' may read draftMode(), and its arguments are part of the key",
      filename: 'app/posts/data.ts',
      code: code(
        "import { draftMode } from 'next/headers';",
        '',
        'export async function getPost(slug: string, viewerId: string) {',
        "  'use cache';",
        '  const { isEnabled } = await draftMode();',
        '  return cms.post(slug, { preview: isEnabled, viewerId });',
        '}',
      ),
    },
    {
      name: 'middleware is not fetch-cached',
      filename: 'middleware.ts',
      code: code(
        "import { NextResponse, type NextRequest } from 'next/server';",
        '',
        'export async function middleware(request: NextRequest) {',
        "  const res = await fetch('https://auth.internal/check', {",
        "    headers: { cookie: request.headers.get('cookie') ?? '' },",
        "    cache: 'force-cache',",
        '  });',
        "  return res.ok ? NextResponse.next() : NextResponse.redirect(new URL('/login', request.url));",
        '}',
      ),
    },
    {
      name: 'Pages Router fetch is plain Node fetch',
      filename: 'pages/account.tsx',
      code: code(
        "import type { GetServerSideProps } from 'next';",
        '',
        'export const getServerSideProps: GetServerSideProps = async ({ req }) => {',
        "  const res = await fetch('https://api.example.com/me', { headers: { cookie: req.headers.cookie ?? '' }, cache: 'force-cache' });",
        '  return { props: { user: await res.json() } };',
        '};',
      ),
    },
    {
      name: 'a helper taking `session` in a file that may run in the browser',
      filename: 'lib/api.ts',
      code: code(
        'export async function getPlan(session: { accessToken: string }) {',
        "  const res = await fetch('/api/plan', { headers: { Authorization: `Bearer ${session.accessToken}` }, cache: 'force-cache' });",
        '  return res.json();',
        '}',
      ),
    },
    {
      name: "the caller's options spread after the headers may set the cache: unknown, not reported",
      filename: 'lib/api.ts',
      code: code(
        "import 'server-only';",
        "import { cookies } from 'next/headers';",
        '',
        'export async function apiGet(path: string, init: RequestInit = {}) {',
        "  const token = (await cookies()).get('token')?.value;",
        '  return fetch(`${process.env.API_URL}${path}`, { headers: { Authorization: `Bearer ${token}` }, ...init });',
        '}',
      ),
    },
    {
      name: 'the API wrapper with no-store (fixed)',
      filename: 'lib/api.ts',
      code: edit(apiWrapper, 'next: { revalidate: 60 },', "cache: 'no-store',"),
    },
    {
      name: 'a local getSession() in a module that may run in the browser',
      filename: 'lib/activity.ts',
      code: code(
        "import { getSession } from '@/lib/auth-client';",
        '',
        'export async function loadActivity() {',
        '  const session = await getSession();',
        "  const res = await fetch('/api/activity', { headers: { Authorization: `Bearer ${session?.token}` }, cache: 'force-cache' });",
        '  return res.json();',
        '}',
      ),
    },
    {
      name: 'a Request handler outside Next.js (a worker): no Data Cache',
      filename: 'src/worker.ts',
      code: code(
        'export default {',
        '  async fetch(request: Request): Promise<Response> {',
        "    return fetch('https://origin.example.com/api/me', {",
        "      headers: { authorization: request.headers.get('authorization') ?? '' },",
        "      cache: 'force-cache',",
        '    });',
        '  },',
        '};',
      ),
    },
    {
      name: 'a data module with no sign of Next.js (no import, no next option, version unknown)',
      filename: 'lib/subscriptions.ts',
      code: nextAuthDataModule,
    },
    {
      name: 'a local fetch wrapper is not the patched global',
      filename: 'app/orders/page.tsx',
      code: code(
        "import { auth } from '@/auth';",
        "import { fetch } from '@/lib/http';",
        '',
        'export default async function OrdersPage() {',
        '  const session = await auth();',
        "  const res = await fetch('/orders', { headers: { Authorization: `Bearer ${session?.accessToken}` }, cache: 'force-cache' });",
        '  return <OrderList orders={await res.json()} />;',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: 'server component: NextAuth token with force-cache',
      filename: 'app/orders/page.tsx',
      code: ordersPage,
      errors: [
        {
          messageId: 'cachedPrivateFetch',
          data: { credential: 'an `Authorization` header from `auth()`', how: "`cache: 'force-cache'`" },
          line: 11,
          suggestions: [{ messageId: 'useNoStore', output: ordersPageFixed }],
        },
      ],
      output: null,
    },
    {
      name: "layout: the user's cookies with next.revalidate",
      filename: 'app/account/layout.tsx',
      code: accountLayout,
      errors: [
        {
          messageId: 'cachedPrivateFetch',
          data: { credential: 'a `Cookie` header from `cookies()`', how: '`next: { revalidate: 60 }`' },
          line: 8,
          suggestions: [{ messageId: 'useNoStore', output: accountLayoutFixed }],
        },
      ],
      output: null,
    },
    {
      name: 'the incoming headers forwarded whole, with tags kept',
      filename: 'app/notifications/page.tsx',
      code: forwardHeaders,
      errors: [
        {
          messageId: 'cachedPrivateFetch',
          data: {
            credential: "the incoming request's headers (`headers()`), cookies and `Authorization` included",
            how: '`next: { revalidate: 300 }`',
          },
          line: 6,
          suggestions: [{ messageId: 'revalidateZero', output: forwardHeadersFixed }],
        },
      ],
      output: null,
    },
    {
      name: 'Clerk session token cached indefinitely (revalidate: false)',
      filename: 'app/billing/page.tsx',
      code: clerkBilling,
      errors: [
        {
          messageId: 'cachedPrivateFetch',
          data: { credential: 'an `Authorization` header from `auth()`', how: '`next: { revalidate: false }` (cache indefinitely)' },
          line: 8,
          suggestions: [{ messageId: 'useNoStore', output: edit(clerkBilling, 'next: { revalidate: false },', "cache: 'no-store',") }],
        },
      ],
      output: null,
    },
    {
      name: 'Next 14 force-dynamic route handler forwarding Authorization from its raw request',
      filename: 'app/api/orders/route.ts',
      options: [{ nextMajor: 14 }],
      code: proxyRoute,
      errors: [
        {
          messageId: 'cachedPrivateFetch',
          data: {
            credential: 'an `Authorization` header from `request.headers`',
            how: "Next 14's default fetch cache (which `force-dynamic` does not turn off in a route handler)",
          },
          line: 6,
          suggestions: [{ messageId: 'useNoStore', output: proxyRouteFixed }],
        },
      ],
      output: null,
    },
    {
      name: "fetchCache = 'default-cache' with a Headers object built by set()",
      filename: 'app/api/profile/route.ts',
      code: defaultCacheRoute,
      errors: [
        {
          messageId: 'cachedPrivateFetch',
          data: { credential: 'a `Cookie` header from `req.headers`', how: "`export const fetchCache = 'default-cache'`" },
          line: 6,
          suggestions: [
            {
              messageId: 'useNoStore',
              output: edit(defaultCacheRoute, '{ headers: upstreamHeaders }', "{ headers: upstreamHeaders, cache: 'no-store' }"),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a Request object carrying a next-auth JWT',
      filename: 'app/api/settings/route.ts',
      code: requestObjectRoute,
      errors: [
        {
          messageId: 'cachedPrivateFetch',
          data: { credential: 'an `Authorization` header from `getToken()`', how: "`export const fetchCache = 'default-cache'`" },
          line: 11,
          suggestions: [{ messageId: 'useNoStore', output: edit(requestObjectRoute, 'fetch(upstream)', "fetch(upstream, { cache: 'no-store' })") }],
        },
      ],
      output: null,
    },
    {
      name: "fetchCache = 'force-cache' caches even no-store: no suggestion on the fetch",
      filename: 'app/cart/page.tsx',
      code: forceCacheSegment,
      errors: [
        {
          messageId: 'cachedPrivateFetch',
          data: { credential: 'a `Cookie` header from `cookies()`', how: "`export const fetchCache = 'force-cache'`" },
          line: 7,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      name: 'server action: cookie with revalidate and tags',
      filename: 'app/cart/actions.ts',
      code: cartAction,
      errors: [
        {
          messageId: 'cachedPrivateFetch',
          line: 10,
          suggestions: [{ messageId: 'revalidateZero', output: edit(cartAction, 'revalidate: 30', 'revalidate: 0') }],
        },
      ],
      output: null,
    },
    {
      name: "server-only helper taking next-auth's Session",
      filename: 'lib/billing.ts',
      code: billingLib,
      errors: [
        {
          messageId: 'cachedPrivateFetch',
          data: { credential: 'an `Authorization` header from `session`', how: "`cache: 'force-cache'`" },
          line: 7,
          suggestions: [{ messageId: 'useNoStore', output: edit(billingLib, "cache: 'force-cache'", "cache: 'no-store'") }],
        },
      ],
      output: null,
    },
    {
      name: 'cache and next.revalidate together: revalidate wins, the suggestion leaves only no-store',
      filename: 'app/team/page.tsx',
      code: bothOptions,
      errors: [
        {
          messageId: 'cachedPrivateFetch',
          data: { credential: 'an `Authorization` header from `getServerSession()`', how: '`next: { revalidate: 120 }`' },
          line: 9,
          suggestions: [{ messageId: 'useNoStore', output: bothOptionsFixed }],
        },
      ],
      output: null,
    },
    {
      name: 'init spread from a const object',
      filename: 'app/wishlist/page.tsx',
      code: spreadInit,
      errors: [
        {
          messageId: 'cachedPrivateFetch',
          line: 6,
          suggestions: [{ messageId: 'useNoStore', output: edit(spreadInit, "cache: 'force-cache'", "cache: 'no-store'") }],
        },
      ],
      output: null,
    },
    {
      name: 'Next 14 force-dynamic page still honours next.revalidate',
      filename: 'app/inbox/page.tsx',
      options: [{ nextMajor: 14 }],
      code: forceDynamicRevalidate,
      errors: [
        {
          messageId: 'cachedPrivateFetch',
          line: 9,
          suggestions: [{ messageId: 'useNoStore', output: edit(forceDynamicRevalidate, 'next: { revalidate: 60 },', "cache: 'no-store',") }],
        },
      ],
      output: null,
    },
    {
      name: 'API wrapper: headers returned by a helper that reads the session, after a spread of the caller options',
      filename: 'lib/api.ts',
      code: apiWrapper,
      errors: [
        {
          messageId: 'cachedPrivateFetch',
          data: { credential: 'an `Authorization` header from `auth()`', how: '`next: { revalidate: 60 }`' },
          line: 13,
          suggestions: [{ messageId: 'useNoStore', output: edit(apiWrapper, 'next: { revalidate: 60 },', "cache: 'no-store',") }],
        },
      ],
      output: null,
    },
    {
      name: 'Auth0 access token with force-cache',
      filename: 'app/profile/page.tsx',
      code: auth0Profile,
      errors: [
        {
          messageId: 'cachedPrivateFetch',
          data: { credential: 'an `Authorization` header from `getAccessToken()`', how: "`cache: 'force-cache'`" },
          line: 5,
          suggestions: [{ messageId: 'useNoStore', output: edit(auth0Profile, "cache: 'force-cache'", "cache: 'no-store'") }],
        },
      ],
      output: null,
    },
    {
      name: 'conditional Authorization spread, local getCurrentUser() in a page',
      filename: 'app/activity/page.tsx',
      code: conditionalHeaders,
      errors: [
        {
          messageId: 'cachedPrivateFetch',
          data: { credential: 'an `Authorization` header from `getCurrentUser()`', how: '`next: { revalidate: 120 }`' },
          line: 7,
          suggestions: [{ messageId: 'useNoStore', output: edit(conditionalHeaders, 'next: { revalidate: 120 },', "cache: 'no-store',") }],
        },
      ],
      output: null,
    },
    {
      name: 'a data module of a Next.js project: auth() proves server code',
      filename: 'lib/subscriptions.ts',
      options: [{ nextMajor: 15 }],
      code: nextAuthDataModule,
      errors: [
        {
          messageId: 'cachedPrivateFetch',
          line: 7,
          suggestions: [{ messageId: 'useNoStore', output: edit(nextAuthDataModule, "cache: 'force-cache'", "cache: 'no-store'") }],
        },
      ],
      output: null,
    },
    {
      name: 'unstable_cache body reading cookies()',
      filename: 'lib/preferences.ts',
      code: unstableCacheCookies,
      errors: [{ messageId: 'requestInCache', data: { call: '`cookies()`', scope: '`unstable_cache`' }, line: 7, suggestions: [] }],
      output: null,
    },
    {
      name: 'unstable_cache closure over the session, keyParts without the user',
      filename: 'app/orders/page.tsx',
      code: unstableCacheClosure,
      errors: [
        {
          messageId: 'unkeyedRequestValue',
          data: { name: 'session', source: '`auth()`' },
          line: 8,
          suggestions: [{ messageId: 'addToKeyParts', data: { expression: 'String(session!.user.id)' }, output: unstableCacheClosureFixed }],
        },
      ],
      output: null,
    },
    {
      name: 'unstable_cache without keyParts over a Clerk user id',
      filename: 'lib/recommendations.ts',
      code: unstableCacheNoKeyParts,
      errors: [
        {
          messageId: 'unkeyedRequestValue',
          data: { name: 'userId', source: '`currentUser()`' },
          line: 7,
          suggestions: [
            {
              messageId: 'addToKeyParts',
              data: { expression: 'String(userId)' },
              output: edit(unstableCacheNoKeyParts, 'recommender.forUser(userId))', 'recommender.forUser(userId), [String(userId)])'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: "'use cache' function calling auth()",
      filename: 'app/dashboard/data.ts',
      code: useCacheAuth,
      errors: [{ messageId: 'requestInCache', data: { call: '`auth()`', scope: "`'use cache'`" }, line: 7, suggestions: [] }],
      output: null,
    },
    {
      name: "'use cache' component calling a helper that reads the session",
      filename: 'app/components/sidebar.tsx',
      code: useCacheHelper,
      errors: [
        {
          messageId: 'requestInCache',
          data: { call: '`getViewer()` (which calls `getServerSession()`)', scope: "`'use cache'`" },
          line: 11,
        },
      ],
      output: null,
    },
    {
      name: "file-level 'use cache' reading headers()",
      filename: 'lib/theme.ts',
      code: useCacheFile,
      errors: [{ messageId: 'requestInCache', data: { call: '`headers()`', scope: "`'use cache'`" }, line: 6 }],
      output: null,
    },
    {
      name: "'use cache: remote' is shared too",
      filename: 'lib/cart.ts',
      code: useCacheRemote,
      errors: [{ messageId: 'requestInCache', data: { call: '`cookies()`', scope: "`'use cache: remote'`" }, line: 5 }],
      output: null,
    },
  ],
});
