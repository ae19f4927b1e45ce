// One case: the residents' messages (as plain text), what the analyzer decided and why, the operator's correction,
// the answer form, the transitions the server allows and the timeline.
import { api, ApiError } from '../api.js';
import { h, mount, select, toast } from '../dom.js';
import { statusNames, actionNames, eventNames, eventValues, responseKinds, fmtDateTime, fmtDue, fmtPercent } from '../format.js';
import { loadBodies, loadTopics, forgetTopics, bodyName } from '../registry.js';

export async function render(main, ctx) {
  const id = Number(ctx.params[0]);
  const [bodies, topics] = await Promise.all([loadBodies(), loadTopics()]);
  let detail;
  try {
    detail = flat(await api(`/api/cases/${id}`));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      mount(main, h('h1', null, `Обращение №${id} не найдено`), h('p', null, 'Его нет или оно вне вашей зоны ответственности.'));
      return;
    }
    throw e;
  }
  draw(detail);

  function draw(c) {
    const now = ctx.info?.now || new Date().toISOString();
    const role = ctx.me.role;
    const canTriage = role === 'admin' || role === 'operator';
    const canAct = canTriage || role === 'executor';
    mount(main,
      h('p', { class: 'back' }, h('a', { href: role === 'executor' ? '/my' : '/inbox', 'data-link': true }, '← К списку')),
      h('div', { class: 'page-head case-head' },
        h('h1', null, `Обращение №${c.id}`),
        h('span', { class: `status s-${c.status}`, id: 'case-status' }, statusNames[c.status] || c.status),
        c.overdue ? h('span', { class: 'badge danger' }, 'Просрочено') : null,
        c.simulated ? h('span', { class: 'badge' }, 'смоделировано') : null),
      h('div', { class: 'case-grid' },
        h('div', { class: 'case-main' },
          section('Сообщения заявителей', messages(c)),
          section('Ответы', responses(c)),
          canAct ? section('Ответить', answerForm(c)) : null,
          section('История', timeline(c))),
        h('aside', { class: 'case-side' },
          section('Сроки', deadlines(c, now)),
          section('Распознано', analysis(c)),
          canTriage ? section('Исправить', corrections(c)) : null,
          canAct ? section('Действия', actions(c)) : null)));
  }

  function messages(c) {
    if (!c.messages?.length) return h('p', { class: 'muted' }, 'Нет сообщений.');
    return h('ol', { class: 'messages' }, c.messages.map((m) => h('li', { class: 'message' },
      h('div', { class: 'meta small muted' },
        `${m.channel} · ${fmtDateTime(m.postedAt || m.receivedAt)}`,
        m.author ? ` · ${m.author}` : m.authorId ? ` · автор ${m.authorId}` : '',
        m.address ? ` · ${m.address}` : ''),
      // The resident's words, exactly as written, as a text node: markup in them is shown, never run.
      m.textRemoved ? h('p', { class: 'muted' }, 'Текст удалён по сроку хранения.') : h('p', { class: 'message-text' }, m.text),
      m.url ? h('a', { href: safeUrl(m.url), rel: 'noopener noreferrer', target: '_blank' }, 'Источник') : null)));
  }

  function responses(c) {
    if (!c.responses?.length) return h('p', { class: 'muted' }, 'Ответов пока нет.');
    return h('ul', { class: 'responses' }, c.responses.map((r) => h('li', null,
      h('div', { class: 'small muted' }, `${responseKinds[r.kind] || r.kind} · ${fmtDateTime(r.at)}${r.authorUser ? ` · ${r.authorUser}` : ''}`),
      h('p', { class: 'message-text' }, r.text))));
  }

  function deadlines(c, now) {
    const open = ['new', 'assigned', 'inProgress', 'reopened'].includes(c.status);
    return h('dl', { class: 'facts' },
      h('dt', null, 'Создано'), h('dd', null, fmtDateTime(c.createdAt)),
      h('dt', null, 'Первый ответ'), h('dd', null, c.firstReplyAt ? fmtDateTime(c.firstReplyAt) : `до ${fmtDateTime(c.firstReplyDue)}`,
        open && !c.firstReplyAt && c.firstReplyDue ? h('div', { class: 'small' }, fmtDue(c.firstReplyDue, now)) : null),
      h('dt', null, 'Полный ответ'), h('dd', null, c.answeredAt ? fmtDateTime(c.answeredAt) : `до ${fmtDateTime(c.answerDue)}`,
        open && !c.answeredAt && c.answerDue ? h('div', { class: 'small' }, fmtDue(c.answerDue, now)) : null),
      c.feedbackAt ? [h('dt', null, 'Отзыв'), h('dd', null, c.feedbackFixed ? 'Проблема решена' : 'Не решена', c.feedbackComment ? ` — ${c.feedbackComment}` : '')] : null);
  }

  function analysis(c) {
    const conf = c.confidence ?? null;
    return h('div', { class: 'analysis' },
      h('dl', { class: 'facts' },
        h('dt', null, 'Тема'), h('dd', { id: 'case-topic' }, c.topic || '—', c.topicGroup ? h('div', { class: 'small muted' }, c.topicGroup) : null),
        h('dt', null, 'Место'), h('dd', null, [c.city, c.district, c.region].filter(Boolean).join(', ') || '—'),
        h('dt', null, 'Орган'), h('dd', { id: 'case-body' }, c.bodyName || '—'),
        h('dt', null, 'Уверенность'), h('dd', null,
          conf === null ? '—' : h('span', { class: 'confidence' }, h('meter', { min: 0, max: 1, low: 0.5, high: 0.8, optimum: 1, value: conf }), ` ${fmtPercent(conf)}`),
          c.labelSource ? h('div', { class: 'small muted' }, sourceName(c.labelSource)) : null)),
      c.reasons?.length ? h('details', { open: true }, h('summary', null, 'Почему так'), h('ul', { class: 'reasons' }, c.reasons.map((r) => h('li', null, r)))) : null);
  }

  function corrections(c) {
    const topicSelect = select({ id: 'fix-topic', 'aria-label': 'Правильная тема' },
      [['', 'Тема…'], ...topics.map((t) => [`${t.topicGroup ?? ''}\u0000${t.topic}`, t.topic])], `${c.topicGroup ?? ''}\u0000${c.topic ?? ''}`);
    const bodySelect = select({ id: 'fix-body', 'aria-label': 'Ответственный орган' },
      [['', 'Орган…'], ...bodies.map((b) => [b.id, b.shortName || b.name])], c.bodyId ?? '');
    return h('div', { class: 'corrections' },
      h('div', { class: 'row' }, topicSelect, h('button', { type: 'button', id: 'fix-topic-save', onclick: fixTopic }, 'Исправить тему')),
      h('div', { class: 'row' }, bodySelect, h('button', { type: 'button', id: 'fix-body-save', onclick: fixBody }, 'Передать органу')),
      h('p', { class: 'small muted' }, 'Исправление записывается в историю и попадает в данные для дообучения классификатора.'));

    async function fixTopic() {
      const [topicGroup, topic] = topicSelect.value.split('\u0000');
      if (!topic) { toast('Выберите тему', 'error'); return; }
      await run(() => api(`/api/cases/${c.id}/labels`, { method: 'POST', body: { topic, topicGroup: topicGroup || null } }), 'Тема исправлена');
      forgetTopics();
    }

    async function fixBody() {
      const bodyId = Number(bodySelect.value);
      if (!bodyId) { toast('Выберите орган', 'error'); return; }
      const action = c.allowedActions?.includes('assign') ? 'assign' : 'reassign';
      await run(() => api(`/api/cases/${c.id}/transitions`, { method: 'POST', body: { action, bodyId, reason: action === 'reassign' ? 'Исправлено оператором' : undefined } }), 'Обращение передано органу');
    }
  }

  function actions(c) {
    const reason = h('input', { id: 'action-reason', placeholder: 'Причина (для отклонения, переоткрытия, переназначения)', 'aria-label': 'Причина' });
    const buttons = (c.allowedActions || [])
      .filter((a) => a !== 'assign' && a !== 'reassign' && a !== 'answer')
      .map((a) => h('button', { type: 'button', class: a === 'reject' ? 'danger' : '', dataset: { action: a }, onclick: () => transition(a) }, actionNames[a] || a));
    const reassign = c.allowedActions?.includes('reassign') && ctx.me.role === 'executor'
      ? h('button', { type: 'button', dataset: { action: 'reassign' }, onclick: notOurs }, 'Не наше: вернуть оператору')
      : null;
    if (!buttons.length && !reassign) return h('p', { class: 'muted' }, 'Нет доступных действий.');
    return h('div', { class: 'actions' }, reason, h('div', { class: 'row wrap' }, buttons, reassign));

    async function transition(action) {
      const needsReason = ['reject', 'reopen'].includes(action);
      if (needsReason && !reason.value.trim()) { toast('Укажите причину', 'error'); reason.focus(); return; }
      await run(() => api(`/api/cases/${c.id}/transitions`, { method: 'POST', body: { action, reason: reason.value.trim() || undefined } }), actionNames[action]);
    }

    async function notOurs() {
      if (!reason.value.trim()) { toast('Укажите, почему обращение не относится к вашему органу', 'error'); reason.focus(); return; }
      await run(() => api(`/api/cases/${c.id}/transitions`, { method: 'POST', body: { action: 'reassign', reason: reason.value.trim() } }), 'Возвращено оператору');
    }
  }

  function answerForm(c) {
    if (!['assigned', 'inProgress', 'reopened', 'new'].includes(c.status)) return h('p', { class: 'muted' }, 'Обращение не ждёт ответа.');
    const kind = select({ id: 'answer-kind', 'aria-label': 'Вид ответа' }, Object.entries(responseKinds), c.firstReplyAt ? 'final' : 'firstReply');
    const text = h('textarea', { id: 'answer-text', rows: 5, required: true, 'aria-label': 'Текст ответа', placeholder: 'Текст ответа заявителю' });
    return h('form', { class: 'answer', onsubmit: async (e) => {
      e.preventDefault();
      if (!text.value.trim()) { toast('Напишите текст ответа', 'error'); return; }
      await run(() => api(`/api/cases/${c.id}/answers`, { method: 'POST', body: { kind: kind.value, text: text.value.trim() } }), 'Ответ отправлен');
    } }, kind, text, h('button', { type: 'submit', class: 'primary', id: 'answer-send' }, 'Отправить ответ'));
  }

  function timeline(c) {
    const events = c.timeline || [];
    if (!events.length) return h('p', { class: 'muted' }, 'Событий нет.');
    return h('ol', { class: 'timeline', id: 'timeline' }, events.map((e) => h('li', { dataset: { kind: e.kind } },
      h('span', { class: 'when small muted' }, fmtDateTime(e.at)),
      h('strong', null, eventNames[e.kind] || e.kind),
      h('span', { class: 'small' }, ` · ${e.actor}`),
      eventValues(e, bodyName) ? h('div', { class: 'small values' }, eventValues(e, bodyName)) : null,
      e.note ? h('div', { class: 'small muted' }, e.note) : null)));
  }

  async function run(call, done) {
    try {
      const updated = await call();
      toast(done);
      detail = flat(updated?.case ? updated : await api(`/api/cases/${id}`));
      draw(detail);
    } catch (e) {
      const allowed = e.problem?.allowedActions;
      toast(allowed ? `${e.message}. Доступно: ${allowed.map((a) => actionNames[a] || a).join(', ')}` : e.message, 'error');
    }
  }
}

/** The API nests the case's own fields under `case`; the page reads them side by side with the lists. */
function flat(d) {
  return { ...d.case, ...d };
}

function section(title, body) {
  return h('section', { class: 'card' }, h('h2', null, title), body);
}

function sourceName(source) {
  return { input: 'метка источника', model: 'классификатор', rules: 'правила', operator: 'исправлено оператором', default: 'по умолчанию' }[source] || source;
}

/** Only http(s) links from residents' messages become links; anything else (javascript:, data:) is dropped. */
function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '#';
  } catch {
    return '#';
  }
}
