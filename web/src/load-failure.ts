/**
 * When the strings of the first language cannot be fetched (a dropped connection on a slow
 * network), there is no language to speak in yet: the page says so in all four, with a button
 * that loads it again. Plain DOM, so it needs nothing else that could be missing.
 */
const notices: readonly { readonly lang: string; readonly text: string; readonly retry: string }[] = [
  {
    lang: 'en',
    text: 'AidFlow could not be loaded. Check your internet connection and try again.',
    retry: 'Try again',
  },
  {
    lang: 'uk',
    text: 'Не вдалося завантажити AidFlow. Перевірте з’єднання з інтернетом і спробуйте ще раз.',
    retry: 'Спробувати ще раз',
  },
  {
    lang: 'ru',
    text: 'Не удалось загрузить AidFlow. Проверьте подключение к интернету и попробуйте ещё раз.',
    retry: 'Попробовать ещё раз',
  },
  { lang: 'zh', text: '无法加载 AidFlow。请检查网络连接后重试。', retry: '重试' },
];

export function showLoadFailure(root: HTMLElement): void {
  const main = document.createElement('main');
  main.className = 'container main';
  main.id = 'main';
  const title = document.createElement('h1');
  title.textContent = 'AidFlow';
  main.append(title);
  const alert = document.createElement('div');
  alert.className = 'alert alert--error';
  alert.setAttribute('role', 'alert');
  for (const notice of notices) {
    const p = document.createElement('p');
    p.lang = notice.lang;
    p.textContent = notice.text;
    alert.append(p);
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button--secondary';
  for (const [i, notice] of notices.entries()) {
    if (i > 0) button.append(' · ');
    const span = document.createElement('span');
    span.lang = notice.lang;
    span.textContent = notice.retry;
    button.append(span);
  }
  button.addEventListener('click', () => location.reload());
  alert.append(button);
  main.append(alert);
  root.replaceChildren(main);
}
