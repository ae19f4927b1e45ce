// Public ratings (no sign-in): per category, score with its confidence interval, rank (tied ranks marked) and its
// change; each row opens the breakdown by indicator and the history. Data: GET /api/ratings (docs/api.md).
import { api, ApiError } from '../api.js';
import { h, mount, select, toCsv, download } from '../dom.js';
import { fmtDecimal, fmtNumber, fmtPercent, fmtDate } from '../format.js';
import { chart, palette } from '../charts.js';

export async function render(main, ctx) {
  let periods;
  let method;
  try {
    [periods, method] = await Promise.all([api('/api/ratings/periods', { redirectOn401: false }), api('/api/ratings/methodology', { redirectOn401: false })]);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      mount(main, h('h1', null, 'Рейтинги открытости'), h('p', { class: 'muted' }, 'Рейтинги ещё не рассчитаны.'));
      return;
    }
    throw e;
  }
  const titles = new Map((method.indicators || []).map((i) => [i.id, i.title?.ru || i.id]));
  const directions = new Map((method.indicators || []).map((i) => [i.id, i.direction]));
  const period = ctx.search.get('period') || periods.current || periods.periods.at(-1);
  const report = await api('/api/ratings', { params: { period }, redirectOn401: false });
  if (!ctx.isCurrent()) return;

  const periodSelect = select({ id: 'r-period', 'aria-label': 'Период' }, periods.periods.map((p) => [p, p]), report.period);
  periodSelect.addEventListener('change', () => ctx.navigate(`/ratings?period=${encodeURIComponent(periodSelect.value)}`));

  mount(main,
    h('div', { class: 'page-head' }, h('h1', null, 'Рейтинги открытости органов власти и официальных аккаунтов'),
      h('p', { class: 'muted' }, `Период ${report.period}: ${fmtDate(report.periodStart)} — ${fmtDate(report.periodEnd)}. Методика версии ${report.methodologyVersion}. `,
        h('a', { href: '/ratings/methodology', 'data-link': true }, 'Как считается рейтинг'), '.')),
    h('div', { class: 'filters-row' }, h('label', { class: 'inline' }, 'Период: ', periodSelect)),
    report.notes?.length ? h('div', { class: 'notes card' }, h('ul', null, report.notes.map((n) => h('li', null, n)))) : null,
    h('section', { class: 'nominations', id: 'nominations' }, h('h2', null, 'Номинации'),
      h('div', { class: 'nomination-grid' }, (report.nominations || []).map((n) => h('div', { class: 'card nomination' },
        h('div', { class: 'small muted' }, n.title?.ru || n.id),
        h('div', { class: 'nominee' }, n.winnerName || 'не присуждена'),
        n.score != null ? h('div', { class: 'small' }, `балл ${fmtDecimal(n.score)}`, n.tied ? ' · статистически вровень со следующим' : '') : null,
        n.simulated ? h('span', { class: 'badge' }, 'смоделировано') : null)))),
    (report.categories || []).map((c) => category(c)));

  function category(c) {
    const rated = c.entities.filter((e) => e.score != null);
    const tbody = h('tbody');
    for (const e of c.entities) {
      const detail = h('tr', { class: 'breakdown-row', hidden: true }, h('td', { colspan: 7 }));
      const tr = h('tr', {
        class: `rating-row${e.score == null ? ' unrated' : ''}`, tabindex: 0, 'aria-expanded': 'false', dataset: { id: e.id },
        onclick: () => toggle(tr, detail, e), onkeydown: (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); toggle(tr, detail, e); } },
      },
      h('td', { class: 'num' }, e.rank == null ? '—' : rankText(e)),
      h('td', { class: 'num' }, change(e.rankChange)),
      h('td', null, e.name, e.simulated ? h('span', { class: 'badge' }, 'смод.') : null, e.dataQuality ? h('span', { class: 'badge warn', title: e.dataQuality }, '!') : null),
      h('td', { class: 'num score' }, e.score == null ? '—' : fmtDecimal(e.score)),
      h('td', { class: 'num hide-sm' }, e.scoreLow == null ? '—' : `${fmtDecimal(e.scoreLow)}–${fmtDecimal(e.scoreHigh)}`),
      h('td', { class: 'hide-sm ci' }, e.score == null ? null : ciBar(e)),
      h('td', { class: 'num' }, fmtNumber(e.volume)));
      tbody.append(tr, detail);
    }
    const id = `cat-${c.id}`;
    return h('section', { class: 'card rating-category', id },
      h('div', { class: 'card-head' }, h('h2', null, c.title?.ru || c.id),
        h('div', { class: 'card-tools' }, h('button', { type: 'button', class: 'small-btn', 'data-export': 'csv', onclick: () => download(`${id}-${report.period}.csv`, toCsv(
          ['место', 'от', 'до', 'название', 'балл', 'ниже', 'выше', 'объём', 'изменение места'],
          c.entities.map((e) => [e.rank, e.rankLow, e.rankHigh, e.name, e.score, e.scoreLow, e.scoreHigh, e.volume, e.rankChange]))) }, 'CSV'))),
      h('p', { class: 'small muted' }, `Оценено: ${rated.length} из ${c.entities.length}. Строка открывает расшифровку балла. «=» — места статистически неразличимы.`),
      h('div', { class: 'table-wrap' }, h('table', { class: 'ratings' },
        h('thead', null, h('tr', null, h('th', null, 'Место'), h('th', null, 'Δ'), h('th', null, 'Название'), h('th', null, 'Балл'),
          h('th', { class: 'hide-sm' }, '95% интервал'), h('th', { class: 'hide-sm' }, ''), h('th', null, c.entity === 'account' ? 'Публикаций' : 'Обращений'))),
        tbody)));
  }

  function toggle(tr, detail, e) {
    const open = detail.hidden;
    detail.hidden = !open;
    tr.setAttribute('aria-expanded', String(open));
    if (open && !detail.dataset.drawn) {
      detail.dataset.drawn = '1';
      mount(detail.firstChild, breakdown(e));
      if ((e.history || []).length > 1) drawHistory(detail.querySelector('.history-box'), e);
    }
  }

  function breakdown(e) {
    return h('div', { class: 'breakdown' },
      e.notRatedReason ? h('p', { class: 'muted' }, `Не оценено: ${e.notRatedReason}`) : null,
      e.dataQuality ? h('p', { class: 'warn-text' }, `Качество данных: ${e.dataQuality}`) : null,
      e.rankLow != null ? h('p', { class: 'small' }, `Место с учётом неопределённости: ${e.rankLow}–${e.rankHigh}.`, e.capped ? ` Не учтено из-за ограничения на одного автора: ${e.capped}.` : '') : null,
      h('div', { class: 'table-wrap' }, h('table', { class: 'compact' },
        h('thead', null, h('tr', null, h('th', null, 'Показатель'), h('th', null, 'Значение'), h('th', null, 'N'),
          h('th', { class: 'hide-sm' }, 'Поправка на темы'), h('th', null, 'Процентиль'), h('th', { class: 'hide-sm' }, 'Надёжность'), h('th', null, 'Вес'), h('th', null, 'Баллов'))),
        h('tbody', null, (e.breakdown || []).map((b) => h('tr', { class: b.eligible ? '' : 'muted' },
          h('td', null, titles.get(b.id) || b.id, directions.get(b.id) === 'lower-is-better' ? h('span', { class: 'small muted' }, ' (меньше — лучше)') : null),
          h('td', { class: 'num' }, rawValue(b)),
          h('td', { class: 'num' }, fmtNumber(b.n)),
          h('td', { class: 'num hide-sm' }, b.topicFactor === 1 ? '—' : `×${fmtDecimal(b.topicFactor)}`),
          h('td', { class: 'num' }, b.eligible ? fmtDecimal(b.percentileRank) : 'мало данных'),
          h('td', { class: 'num hide-sm' }, b.reliability == null ? '—' : fmtDecimal(b.reliability)),
          h('td', { class: 'num' }, fmtPercent(b.weight)),
          h('td', { class: 'num' }, b.eligible ? fmtDecimal(b.contribution) : '0')))))),
      (e.history || []).length > 1 ? h('div', { class: 'history' }, h('h3', null, 'История'), h('div', { class: 'chart-box small-chart history-box' })) : null);
  }

  function drawHistory(holder, e) {
    chart(holder, {
      type: 'line', label: `История: ${e.name}`,
      data: { labels: e.history.map((p) => p.period), datasets: [
        { label: 'Балл', data: e.history.map((p) => p.score), borderColor: palette[0], backgroundColor: palette[0], yAxisID: 'y' },
        { label: 'Место', data: e.history.map((p) => p.rank), borderColor: palette[1], backgroundColor: palette[1], yAxisID: 'rank' }] },
      options: { scales: { y: { min: 0, max: 100, title: { display: true, text: 'балл' } }, rank: { position: 'right', reverse: true, ticks: { precision: 0 }, title: { display: true, text: 'место' } } } },
    });
  }
}

function rankText(e) {
  return e.tiedFrom != null && e.tiedTo != null && e.tiedFrom !== e.tiedTo ? `=${e.rank}` : String(e.rank);
}

function change(delta) {
  if (delta == null) return h('span', { class: 'muted' }, 'нов.');
  if (delta > 0) return h('span', { class: 'up', title: 'поднялся' }, `▲${delta}`);
  if (delta < 0) return h('span', { class: 'down', title: 'опустился' }, `▼${-delta}`);
  return h('span', { class: 'muted' }, '0');
}

function ciBar(e) {
  const left = Math.max(0, Math.min(100, e.scoreLow ?? e.score));
  const right = Math.max(0, Math.min(100, e.scoreHigh ?? e.score));
  return h('div', { class: 'ci-track', title: `${fmtDecimal(e.scoreLow)}–${fmtDecimal(e.scoreHigh)}` },
    h('div', { class: 'ci-range', style: `left:${left}%;width:${Math.max(0.5, right - left)}%` }),
    h('div', { class: 'ci-point', style: `left:${e.score}%` }));
}

function rawValue(b) {
  if (b.raw == null) return '—';
  return b.id.endsWith('_share') || b.id.endsWith('on_time') || b.id.includes('rate') ? fmtPercent(b.raw) : fmtDecimal(b.raw);
}
