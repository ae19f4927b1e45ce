// The executor's desk: the open cases of my body (the server narrows to my scope), earliest deadline first,
// grouped into overdue, due within a day and later.
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { statusNames, fmtDue, fmtDateTime } from '../format.js';
import { loadBodies, bodyName } from '../registry.js';

export async function render(main, ctx) {
  const now = ctx.info?.now || new Date().toISOString();
  await loadBodies();
  const myBody = bodyName(ctx.me.bodyId);
  const items = [];
  let cursor = null;
  // Up to 500 open cases: an executor's desk, not an archive (the inbox pages further for operators).
  do {
    const page = await api('/api/cases', { params: { status: 'new,assigned,inProgress,reopened', sort: 'due', limit: 200, cursor } });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < 500);
  if (!ctx.isCurrent()) return;

  const groups = [
    ['Просрочено', items.filter((c) => c.overdue), 'danger'],
    ['Срок в ближайшие 24 часа', items.filter((c) => !c.overdue && c.answerDue && new Date(c.answerDue) - new Date(now) <= 86400000), 'warn'],
    ['Позже', items.filter((c) => !c.overdue && (!c.answerDue || new Date(c.answerDue) - new Date(now) > 86400000)), ''],
  ];
  mount(main,
    h('div', { class: 'page-head' }, h('h1', null, 'Мои обращения'),
      h('p', { class: 'muted' }, myBody ? `Орган: ${myBody}. ` : '', `Открытых: ${items.length}, по сроку ответа.`)),
    h('div', { class: 'summary' }, groups.map(([title, list, kind]) =>
      h('div', { class: `stat ${kind}` }, h('div', { class: 'stat-value' }, String(list.length)), h('div', { class: 'stat-label' }, title)))),
    groups.map(([title, list, kind]) => h('section', { class: 'card' },
      h('h2', null, title, ' ', h('span', { class: `badge ${kind}` }, String(list.length))),
      list.length === 0 ? h('p', { class: 'muted' }, 'Нет обращений.') :
        h('ul', { class: 'desk' }, list.map((c) => h('li', { class: `desk-item${c.overdue ? ' overdue' : ''}` },
          h('a', { href: `/cases/${c.id}`, 'data-link': true, class: 'desk-link' },
            h('span', { class: 'num' }, `№${c.id}`), ' ', h('span', { class: 'case-title' }, c.title || '(текст удалён)')),
          h('div', { class: 'small muted' },
            h('span', { class: `status s-${c.status}` }, statusNames[c.status] || c.status),
            ` · ${c.topic || 'без темы'} · ${c.city || c.region || ''} · срок ${fmtDateTime(c.answerDue)} (${fmtDue(c.answerDue, now)})`)))))));
}
