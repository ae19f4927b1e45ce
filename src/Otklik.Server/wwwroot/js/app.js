// The single-page shell: the caller, the navigation for their role, the demo banner and a small router over
// history.pushState. Pages are modules exporting `render(main, ctx)`; the server answers every page path with index.html.
import { api, ApiError } from './api.js';
import { h, mount } from './dom.js';
import { roleNames } from './format.js';

const routes = [
  { path: /^\/sign-in$/, page: () => import('./pages/signin.js'), public: true },
  { path: /^\/inbox$/, page: () => import('./pages/inbox.js'), roles: ['admin', 'operator', 'analyst'] },
  { path: /^\/cases\/(\d+)$/, page: () => import('./pages/case.js'), roles: ['admin', 'operator', 'analyst', 'executor'] },
  { path: /^\/my$/, page: () => import('./pages/executor.js'), roles: ['executor', 'admin', 'operator'] },
  { path: /^\/dashboard$/, page: () => import('./pages/dashboard.js'), roles: ['admin', 'operator', 'analyst', 'executor'] },
  { path: /^\/ratings\/methodology$/, page: () => import('./pages/methodology.js'), public: true },
  { path: /^\/ratings$/, page: () => import('./pages/ratings.js'), public: true },
];

const nav = [
  { href: '/inbox', label: 'Входящие', roles: ['admin', 'operator', 'analyst'] },
  { href: '/my', label: 'Мои обращения', roles: ['executor'] },
  { href: '/dashboard', label: 'Аналитика', roles: ['admin', 'operator', 'analyst', 'executor'] },
  { href: '/ratings', label: 'Рейтинги', roles: null },
  { href: '/ratings/methodology', label: 'Методика', roles: null },
];

export const ctx = { me: null, info: null, navigate, signedIn: (next) => signedIn(next) };

/** Where a caller lands after sign-in or on "/". */
export function home(me) {
  if (!me) return '/ratings';
  return me.role === 'executor' ? '/my' : '/inbox';
}

export function navigate(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  route();
}

// Whether this browser signed in: without it, asking /api/auth/me would answer 401, which the browser logs as an
// error on every public page. The cookie itself is HTTP-only; this flag says nothing secret.
const SIGNED_IN = 'otklik.signedIn';

async function loadMe() {
  ctx.me = null;
  if (localStorage.getItem(SIGNED_IN) !== '1') return;
  try {
    ctx.me = await api('/api/auth/me', { redirectOn401: false });
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 401 && e.status !== 403)) throw e;
    localStorage.removeItem(SIGNED_IN);
  }
}

async function loadInfo() {
  ctx.info = await api('/api/info', { redirectOn401: false });
  const banner = document.getElementById('banner');
  banner.hidden = !ctx.info?.simulated;
  banner.textContent = ctx.info?.simulated ? (ctx.info.banner || 'Демонстрация: данные смоделированы.') : '';
}

function renderNav() {
  const role = ctx.me?.role;
  const here = location.pathname;
  mount(document.getElementById('nav'), nav
    .filter((item) => item.roles === null || (role && item.roles.includes(role)))
    .map((item) => h('a', {
      href: item.href,
      'data-link': true,
      'aria-current': here === item.href || (item.href === '/inbox' && here.startsWith('/cases/')) ? 'page' : null,
    }, item.label)));
  const who = document.getElementById('who');
  if (ctx.me) {
    mount(who,
      h('span', { class: 'who-name', title: roleNames[ctx.me.role] || ctx.me.role }, `${ctx.me.name} · ${roleNames[ctx.me.role] || ctx.me.role}`),
      h('button', { type: 'button', class: 'link', onclick: signOut }, 'Выйти'));
  } else {
    mount(who, h('a', { href: '/sign-in', 'data-link': true }, 'Войти'));
  }
}

async function signOut() {
  await api('/api/auth/sign-out', { method: 'POST', redirectOn401: false }).catch(() => null);
  ctx.me = null;
  localStorage.removeItem(SIGNED_IN);
  navigate('/sign-in');
}

let renderId = 0;
export async function route() {
  const id = ++renderId;
  const main = document.getElementById('main');
  const path = location.pathname;
  document.querySelector('.nav')?.classList.remove('open');
  if (path === '/') {
    navigate(home(ctx.me), { replace: true });
    return;
  }
  const match = routes.map((r) => ({ r, m: path.match(r.path) })).find((x) => x.m);
  renderNav();
  if (!match) {
    mount(main, h('h1', null, 'Страница не найдена'), h('p', null, h('a', { href: '/', 'data-link': true }, 'На главную')));
    return;
  }
  if (!match.r.public && !ctx.me) {
    navigate(`/sign-in?next=${encodeURIComponent(path + location.search)}`, { replace: true });
    return;
  }
  if (match.r.roles && !match.r.roles.includes(ctx.me.role)) {
    navigate(home(ctx.me), { replace: true });
    return;
  }
  try {
    const module = await match.r.page();
    if (id !== renderId) return;
    main.replaceChildren();
    await module.render(main, { ...ctx, params: match.m.slice(1), search: new URLSearchParams(location.search), isCurrent: () => id === renderId });
  } catch (e) {
    if (id !== renderId || (e instanceof ApiError && e.status === 401)) return;
    mount(main, h('h1', null, 'Ошибка'), h('p', { class: 'error' }, e.message || String(e)));
  }
}

/** Called by the sign-in page once the cookie is set. */
export async function signedIn(next) {
  localStorage.setItem(SIGNED_IN, '1');
  await loadMe();
  navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : home(ctx.me));
}

document.addEventListener('click', (event) => {
  const a = event.target.closest('a[data-link]');
  if (!a || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(a.getAttribute('href'));
});

document.querySelector('.menu-toggle').addEventListener('click', (event) => {
  const open = document.querySelector('.nav').classList.toggle('open');
  event.currentTarget.setAttribute('aria-expanded', String(open));
});

window.addEventListener('popstate', route);

await Promise.all([loadInfo(), loadMe()]);
route();
