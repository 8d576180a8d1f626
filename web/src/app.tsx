import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Language, languages } from '../../domain/catalogue.js';
import { CatalogueProvider } from './catalogue.js';
import { I18nContext, languageNames, makeI18n, useI18n } from './i18n.js';
import { rememberLanguage } from './language-choice.js';
import { addStringPack, loadMessages, type StringPack } from './language-packs.js';
import { lazyPage } from './lazy-page.js';
import type { Messages } from './messages/en.js';
import { office } from './office.js';
import { PageLoadFailed } from './page-load-failed.js';
import { HomePage } from './pages/home.js';
import { StatusPage } from './pages/status.js';
import { Link, match, navigate, useLocation } from './router.js';
import { PageTitle, useTitle } from './ui.js';

function LanguageSwitcher() {
  const { lang, setLanguage, t } = useI18n();
  return (
    <nav class="languages" aria-label={t.languageLabel}>
      <ul>
        {languages.map((l: Language) => (
          <li key={l}>
            {l === lang ? (
              <span class="language language--current" lang={l} aria-current="true">
                {languageNames[l]}
              </span>
            ) : (
              <a
                class="language"
                href={`?lang=${l}`}
                lang={l}
                hrefLang={l}
                onClick={(e) => {
                  e.preventDefault();
                  setLanguage(l);
                }}
              >
                {languageNames[l]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Whether the browser knows it has no connection (it may say "online" behind a dead link). */
function useOffline(): boolean {
  const [offline, setOffline] = useState(!navigator.onLine);
  useEffect(() => {
    const update = () => setOffline(!navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return offline;
}

/**
 * Said when the phone loses its connection (the app opens without one: web/public/sw.js), in a
 * status region that is always there, so a screen reader hears it come and go.
 */
function OfflineNotice() {
  const { t } = useI18n();
  const offline = useOffline();
  return (
    <div role="status" data-testid="offline-notice">
      {offline && <p class="container offline-notice">{t.offline}</p>}
    </div>
  );
}

function NotFound() {
  const { t } = useI18n();
  useTitle(t.pageNotFoundTitle);
  return (
    <>
      <PageTitle>{t.pageNotFoundTitle}</PageTitle>
      <p>{t.pageNotFound}</p>
      <p>
        <Link href="/">{t.goHome}</Link>
      </p>
    </>
  );
}

// The forms (with the shared validation schemas) and the staff desk are chunks of their own: the
// start and status pages, where an applicant on a slow phone lands, load without them.
const applyPage = lazyPage(() => import('./pages/apply.js').then((m) => m.ApplyPage), PageLoadFailed);
const appealPage = lazyPage(() => import('./pages/appeal.js').then((m) => m.AppealPage), PageLoadFailed);
const staffArea = lazyPage(() => import('./staff/staff.js').then((m) => m.StaffArea), PageLoadFailed);
const authCallback = lazyPage(
  () => import('./staff/staff.js').then((m) => m.AuthCallbackPage),
  PageLoadFailed,
);

function Page() {
  const loc = useLocation();
  const path = loc.path;
  if (path === '/') return <HomePage preload={applyPage.preload} />;
  if (path === '/apply') return <applyPage.Page />;
  if (path === '/appeal') return <appealPage.Page />;
  if (path === '/status') return <StatusPage />;
  if (path === '/auth/callback') return <authCallback.Page />;
  if (path === '/staff' || match('/staff/:page', path) || match('/staff/:page/:id', path))
    return <staffArea.Page path={path} />;
  return <NotFound />;
}

/** The app, in the language it starts in, whose strings main.tsx has loaded. */
export function App(p: { language: Language; messages: Messages }) {
  const [shown, setShown] = useState({ lang: p.language, t: p.messages });
  const [switchFailed, setSwitchFailed] = useState(false);
  // The last language asked for: a slow fetch of an earlier choice must not overrule it.
  const wanted = useRef(p.language);
  const i18n = useMemo(() => {
    const setLanguage = (l: Language) => {
      wanted.current = l;
      setSwitchFailed(false);
      loadMessages(l).then(
        (t) => {
          if (wanted.current !== l) return;
          rememberLanguage(l);
          setShown({ lang: l, t });
          // Keep ?lang= in the address in step with the choice, so a shared link shows this language.
          const url = new URL(location.href);
          if (url.searchParams.has('lang')) {
            url.searchParams.set('lang', l);
            navigate(`${url.pathname}${url.search}`, { replace: true });
          }
        },
        () => {
          if (wanted.current === l) setSwitchFailed(true);
        },
      );
    };
    const extend = async (pack: StringPack) => {
      addStringPack(pack);
      const extra = await pack(shown.lang);
      // Unless the language changed meanwhile: its strings were then fetched with the pack.
      setShown((now) => (now.lang === shown.lang ? { lang: now.lang, t: { ...now.t, ...extra } } : now));
    };
    return makeI18n(shown.lang, shown.t, setLanguage, extend);
  }, [shown]);
  const { lang, t } = i18n;
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <I18nContext.Provider value={i18n}>
      <CatalogueProvider>
        <a class="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <header class="header">
          <div class="container header-inner">
            <Link href="/" class="brand">
              <span class="brand-name">{t.serviceName}</span>
              <span class="brand-tagline">{t.serviceTagline}</span>
            </Link>
            <LanguageSwitcher />
          </div>
          {switchFailed && (
            <p class="container language-failed" role="alert">
              {t.languageLoadFailed}
            </p>
          )}
          <OfflineNotice />
        </header>
        <main id="main" class="container main" tabIndex={-1}>
          <Page />
        </main>
        <footer class="footer">
          <div class="container">
            <p>{t.footerText}</p>
            <p>{t.footerHelp}</p>
            <p data-testid="office-contact">
              {t.hotline}: <a href={`tel:${office.phone.dial}`}>{office.phone.shown}</a> ({office.hours[lang]}
              )
              <br />
              {t.officeAddress}: {office.address[lang]}
            </p>
          </div>
        </footer>
      </CatalogueProvider>
    </I18nContext.Provider>
  );
}
