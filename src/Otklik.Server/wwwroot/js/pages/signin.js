import { api, ApiError } from '../api.js';
import { h } from '../dom.js';

export async function render(main, ctx) {
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const name = h('input', { id: 'signin-name', name: 'name', autocomplete: 'username', required: true });
  const password = h('input', { id: 'signin-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'card signin', onsubmit: submit },
    h('h1', null, 'Вход в Отклик'),
    h('label', { for: 'signin-name' }, 'Имя пользователя'), name,
    h('label', { for: 'signin-password' }, 'Пароль'), password,
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Войти'),
    h('p', { class: 'muted' }, 'Рейтинги и методика открыты без входа: ', h('a', { href: '/ratings', 'data-link': true }, 'перейти к рейтингам'), '.'));
  main.append(form);
  name.focus();

  async function submit(event) {
    event.preventDefault();
    error.hidden = true;
    try {
      await api('/api/auth/sign-in', { method: 'POST', body: { name: name.value.trim(), password: password.value }, redirectOn401: false });
      await ctx.signedIn(ctx.search.get('next'));
    } catch (e) {
      error.textContent = e instanceof ApiError && e.status === 401 ? 'Неверное имя или пароль.' : `Не удалось войти: ${e.message}`;
      error.hidden = false;
    }
  }
}
