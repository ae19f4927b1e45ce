// The operators' inbox: filters kept in the URL, cursor paging ("Показать ещё"), bulk assign, keyboard j/k/x/Enter and "/".
import { api, query } from '../api.js';
import { h, mount, select, toast } from '../dom.js';
import { statusNames, fmtDateTime, fmtDue } from '../format.js';
import { loadBodies, loadTopics, bodyName } from '../registry.js';

const NEAR_HOURS = 24;

export async function render(main, ctx) {
  const s = ctx.search;
  const [bodies, topics] = await Promise.all([loadBodies(), loadTopics()]);
  const canAssign = ctx.me.role === 'admin' || ctx.me.role === 'operator';

  const filters = {
    q: h('input', { id: 'f-q', type: 'search', name: 'q', value: s.get('q') || '', placeholder: 'Поиск по тексту обращений', 'aria-label': 'Поиск по тексту' }),
    status: select({ id: 'f-status', name: 'status', 'aria-label': 'Статус' },
      [['', 'Все статусы'], ['new,assigned,inProgress,reopened', 'Открытые'], ...Object.entries(statusNames)], s.get('status')),
    topicGroup: select({ id: 'f-topic-group', name: 'topicGroup', 'aria-label': 'Группа тем' },
      [['', 'Все группы тем'], ...[...new Set(topics.map((t) => t.topicGroup).filter(Boolean))].sort().map((g) => [g, g])], s.get('topicGroup')),
    topic: select({ id: 'f-topic', name: 'topic', 'aria-label': 'Тема' },
      [['', 'Все темы'], ...topics.map((t) => [t.topic, `${t.topic} (${t.cases})`])], s.get('topic')),
    bodyId: select({ id: 'f-body', name: 'bodyId', 'aria-label': 'Орган' },
      [['', 'Все органы'], ...bodies.map((b) => [b.id, b.shortName || b.name])], s.get('bodyId')),
    region: select({ id: 'f-region', name: 'region', 'aria-label': 'Регион' },
      [['', 'Все регионы'], ...regionsOf(bodies)], s.get('region')),
    city: h('input', { id: 'f-city', name: 'city', value: s.get('city') || '', placeholder: 'Город', list: 'cities', 'aria-label': 'Город' }),
    from: h('input', { id: 'f-from', name: 'from', type: 'date', value: s.get('from') || '', 'aria-label': 'С даты' }),
    to: h('input', { id: 'f-to', name: 'to', type: 'date', value: s.get('to') || '', 'aria-label': 'По дату' }),
    overdue: h('input', { id: 'f-overdue', name: 'overdue', type: 'checkbox', checked: s.get('overdue') === 'true' }),
    needsOperator: h('input', { id: 'f-needs', name: 'needsOperator', type: 'checkbox', checked: s.get('needsOperator') === 'true' }),
    sort: select({ id: 'f-sort', name: 'sort', 'aria-label': 'Сортировка', title: 'С поиском «Сначала новые» — по самому новому сообщению, где нашлись слова' }, [['newest', 'Сначала новые'], ['due', 'По сроку ответа']], s.get('sort') || 'newest'),
  };
  const cityList = h('datalist', { id: 'cities' }, [...new Set(bodies.map((b) => b.territory?.city).filter(Boolean))].sort().map((c) => h('option', { value: c })));

  const form = h('form', { class: 'filters', role: 'search', onsubmit: (e) => { e.preventDefault(); apply(); } },
    h('div', { class: 'filters-main' }, filters.q, h('button', { type: 'submit', class: 'primary' }, 'Найти')),
    h('div', { class: 'filters-row' },
      filters.status, filters.topicGroup, filters.topic, filters.bodyId, filters.region, filters.city,
      h('label', { class: 'inline' }, 'с ', filters.from), h('label', { class: 'inline' }, 'по ', filters.to),
      h('label', { class: 'check' }, filters.overdue, ' Просроченные'),
      h('label', { class: 'check' }, filters.needsOperator, ' Требуют оператора'),
      filters.sort,
      h('button', { type: 'button', onclick: reset }, 'Сбросить')),
    cityList);
  for (const el of Object.values(filters)) {
    if (el.tagName === 'SELECT' || el.type === 'checkbox' || el.type === 'date') el.addEventListener('change', apply);
  }

  const tbody = h('tbody');
  const selectAll = h('input', { type: 'checkbox', 'aria-label': 'Выбрать все', onchange: () => {
    for (const box of tbody.querySelectorAll('input[type=checkbox]')) box.checked = selectAll.checked;
    updateBulk();
  } });
  const table = h('table', { class: 'cases', id: 'inbox-table' },
    h('thead', null, h('tr', null,
      canAssign ? h('th', { class: 'sel' }, selectAll) : null,
      h('th', null, '№'), h('th', null, 'Обращение'), h('th', { class: 'hide-sm' }, 'Тема'), h('th', { class: 'hide-sm' }, 'Орган'),
      h('th', { class: 'hide-sm' }, 'Место'), h('th', null, 'Статус'), h('th', null, 'Срок ответа'))),
    tbody);
  const more = h('button', { type: 'button', class: 'more', hidden: true, onclick: () => load(false) }, 'Показать ещё');
  const counter = h('p', { class: 'muted', id: 'inbox-count' });
  const bulkBody = select({ id: 'bulk-body', 'aria-label': 'Орган для назначения' },
    [['', 'Назначить органу…'], ...bodies.map((b) => [b.id, b.shortName || b.name])], '');
  const bulkButton = h('button', { type: 'button', class: 'primary', id: 'bulk-assign', disabled: true, onclick: bulkAssign }, 'Назначить выбранные');
  const bulk = canAssign ? h('div', { class: 'bulk' }, h('span', { id: 'bulk-count' }, 'Выбрано: 0'), bulkBody, bulkButton) : null;

  mount(main,
    h('div', { class: 'page-head' }, h('h1', null, 'Входящие обращения'),
      h('p', { class: 'muted keys' }, 'Клавиши: j/k — вниз/вверх, Enter — открыть, x — выбрать, / — поиск')),
    form, bulk, counter, h('div', { class: 'table-wrap' }, table), more);

  let cursor = null;
  let shown = 0;
  let focused = -1;
  await load(true);

  function currentParams() {
    const p = {
      q: filters.q.value.trim(), topicGroup: filters.topicGroup.value, topic: filters.topic.value,
      bodyId: filters.bodyId.value, region: filters.region.value, city: filters.city.value.trim(),
      from: filters.from.value, to: filters.to.value, sort: filters.sort.value === 'newest' ? '' : filters.sort.value,
      overdue: filters.overdue.checked ? 'true' : '',
      needsOperator: filters.needsOperator.checked ? 'true' : '',
      status: filters.status.value,
    };
    return p;
  }

  function apply() {
    history.replaceState(null, '', `/inbox${query(currentParams())}`);
    load(true);
  }

  function reset() {
    history.replaceState(null, '', '/inbox');
    ctx.navigate('/inbox', { replace: true });
  }

  async function load(first) {
    const p = currentParams();
    // "Needs an operator" is a case the router could not assign on its own: status new.
    const status = p.needsOperator ? 'new' : p.status;
    const apiParams = {
      q: p.q, topicGroup: p.topicGroup, topic: p.topic, bodyId: p.bodyId, region: p.region, city: p.city,
      from: p.from ? `${p.from}T00:00:00Z` : '', to: p.to ? nextDay(p.to) : '', sort: p.sort, overdue: p.overdue,
      status, limit: 50, cursor: first ? '' : cursor,
    };
    const page = await api('/api/cases', { params: apiParams });
    if (!ctx.isCurrent()) return;
    if (first) {
      tbody.replaceChildren();
      shown = 0;
      focused = -1;
      if (selectAll) selectAll.checked = false;
    }
    const now = ctx.info?.now || new Date().toISOString();
    for (const c of page.items) tbody.append(row(c, now));
    shown += page.items.length;
    cursor = page.nextCursor;
    more.hidden = !cursor;
    counter.textContent = shown === 0 ? 'Ничего не найдено.' : `Показано: ${shown}${cursor ? ' (есть ещё)' : ''}`;
    updateBulk();
  }

  function row(c, now) {
    const hoursLeft = c.answerDue ? (new Date(c.answerDue) - new Date(now)) / 3600000 : null;
    const open = ['new', 'assigned', 'inProgress', 'reopened'].includes(c.status);
    const near = open && !c.overdue && hoursLeft !== null && hoursLeft <= NEAR_HOURS;
    const tr = h('tr', {
      class: `case-row${c.overdue ? ' overdue' : ''}${near ? ' near' : ''}`,
      tabindex: '-1', dataset: { id: c.id },
      onclick: (e) => { if (!e.target.closest('input,a')) ctx.navigate(`/cases/${c.id}`); },
    },
    canAssign ? h('td', { class: 'sel' }, h('input', { type: 'checkbox', 'aria-label': `Выбрать обращение ${c.id}`, value: c.id, dataset: { status: c.status }, onchange: updateBulk })) : null,
    h('td', { class: 'num' }, h('a', { href: `/cases/${c.id}`, 'data-link': true }, String(c.id))),
    h('td', { class: 'title' }, h('span', { class: 'case-title' }, c.title || '(текст удалён)'),
      c.messageCount > 1 ? h('span', { class: 'pill', title: 'Сообщений в обращении' }, `×${c.messageCount}`) : null),
    h('td', { class: 'hide-sm' }, c.topic || '—', c.topicGroup ? h('div', { class: 'muted small' }, c.topicGroup) : null),
    h('td', { class: 'hide-sm' }, c.bodyName || bodyName(c.bodyId) || '—'),
    h('td', { class: 'hide-sm' }, c.city || c.region || '—'),
    h('td', null, h('span', { class: `status s-${c.status}` }, statusNames[c.status] || c.status)),
    h('td', { class: 'due' },
      c.overdue ? h('span', { class: 'badge danger' }, 'Просрочено') : near ? h('span', { class: 'badge warn' }, 'Скоро срок') : null,
      h('div', { class: 'small' }, open ? fmtDue(c.answerDue, now) : fmtDateTime(c.answeredAt || c.closedAt || c.updatedAt))));
    return tr;
  }

  function checked() {
    return [...tbody.querySelectorAll('input[type=checkbox]:checked')];
  }

  function updateBulk() {
    if (!bulk) return;
    const n = checked().length;
    bulk.querySelector('#bulk-count').textContent = `Выбрано: ${n}`;
    bulkButton.disabled = n === 0;
  }

  async function bulkAssign() {
    const bodyId = Number(bulkBody.value);
    if (!bodyId) { toast('Выберите орган для назначения', 'error'); bulkBody.focus(); return; }
    const boxes = checked();
    let ok = 0;
    const failed = [];
    for (const box of boxes) {
      const action = box.dataset.status === 'new' ? 'assign' : 'reassign';
      try {
        await api(`/api/cases/${box.value}/transitions`, { method: 'POST', body: { action, bodyId, reason: action === 'reassign' ? 'Назначено оператором из списка' : undefined } });
        ok++;
      } catch (e) {
        failed.push(`№${box.value}: ${e.message}`);
      }
    }
    toast(failed.length ? `Назначено: ${ok}. Не удалось: ${failed.join('; ')}` : `Назначено: ${ok}`, failed.length ? 'error' : 'ok');
    await load(true);
  }

  function rows() { return [...tbody.querySelectorAll('tr.case-row')]; }

  function focusRow(i) {
    const all = rows();
    if (all.length === 0) return;
    focused = Math.max(0, Math.min(all.length - 1, i));
    all.forEach((r, k) => r.classList.toggle('focused', k === focused));
    all[focused].focus();
  }

  const onKey = (e) => {
    if (!ctx.isCurrent() || !document.body.contains(table)) { document.removeEventListener('keydown', onKey); return; }
    if (e.target.closest('input,select,textarea') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'j') { focusRow(focused + 1); e.preventDefault(); }
    else if (e.key === 'k') { focusRow(focused - 1); e.preventDefault(); }
    else if (e.key === 'Enter' && focused >= 0) { ctx.navigate(`/cases/${rows()[focused].dataset.id}`); e.preventDefault(); }
    else if (e.key === 'x' && focused >= 0) {
      const box = rows()[focused].querySelector('input[type=checkbox]');
      if (box) { box.checked = !box.checked; updateBulk(); }
    } else if (e.key === '/') { filters.q.focus(); e.preventDefault(); }
  };
  document.addEventListener('keydown', onKey);
}

function regionsOf(bodies) {
  const map = new Map();
  for (const b of bodies) if (b.regionCode) map.set(b.regionCode, b.territory?.region || b.regionCode);
  return [...map.entries()].sort((a, b) => String(a[1]).localeCompare(String(b[1]), 'ru'));
}

function nextDay(day) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}
