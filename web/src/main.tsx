import { render } from 'preact';
import { App } from './app.js';
import { initialLanguage } from './language-choice.js';
import { loadMessages } from './language-packs.js';
import { showLoadFailure } from './load-failure.js';
import { keepAppForOffline } from './offline.js';
import './styles.css';

const root = document.getElementById('app');
if (root) {
  const language = initialLanguage();
  loadMessages(language)
    .then(
      (messages) => {
        // index.html's placeholder goes; the app renders into an empty element.
        root.replaceChildren();
        render(<App language={language} messages={messages} />, root);
      },
      () => showLoadFailure(root),
    )
    .finally(() => root.removeAttribute('aria-busy'));
}
keepAppForOffline();
