import { initialLanguage } from './language-choice.js';
import { loadMessages } from './language-packs.js';

/**
 * A second, tiny entry that index.html loads beside the app's (async): it asks for the language's
 * strings while the app's own script is still on its way, instead of one round trip after it. On a
 * 2G link that round trip is a noticeable part of the wait (docs/performance.md §17). The app's
 * own request for the chunk then joins the fetch under way (the browser's module map).
 */
const language = initialLanguage();
// The page's language from the first moment (index.html says "en" until a script knows better).
document.documentElement.lang = language;
loadMessages(language).catch(() => {
  // The app asks again and, if it fails again, says so (load-failure.ts).
});
