import { useEffect, useMemo, useState } from 'preact/hooks';
import { type Language, languages } from '../../domain/catalogue.js';
import { CatalogueProvider } from './catalogue.js';
import { I18nContext, initialLanguage, languageNames, makeI18n, rememberLanguage, useI18n } from './i18n.js';
import { AppealPage } from './pages/appeal.js';
import { ApplyPage } from './pages/apply.js';
import { HomePage } from './pages/home.js';
import { StatusPage } from './pages/status.js';
import { Link, match, navigate, useLocation } from './router.js';
import { AuthCallbackPage, StaffArea } from './staff/staff.js';
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

function Page() {
  const loc = useLocation();
  const path = loc.path;
  if (path === '/') return <HomePage />;
  if (path === '/apply') return <ApplyPage />;
  if (path === '/appeal') return <AppealPage />;
  if (path === '/status') return <StatusPage />;
  if (path === '/auth/callback') return <AuthCallbackPage />;
  if (path === '/staff' || match('/staff/:page', path) || match('/staff/:page/:id', path))
    return <StaffArea path={path} />;
  return <NotFound />;
}

export function App() {
  const [lang, setLang] = useState<Language>(initialLanguage);
  const i18n = useMemo(
    () =>
      makeI18n(lang, (l) => {
        rememberLanguage(l);
        setLang(l);
        // Keep ?lang= in the address in step with the choice, so a shared link shows this language.
        const url = new URL(location.href);
        if (url.searchParams.has('lang')) {
          url.searchParams.set('lang', l);
          navigate(`${url.pathname}${url.search}`, { replace: true });
        }
      }),
    [lang],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const { t } = i18n;
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
        </header>
        <main id="main" class="container main" tabIndex={-1}>
          <Page />
        </main>
        <footer class="footer">
          <div class="container">
            <p>{t.footerText}</p>
            <p>{t.footerHelp}</p>
          </div>
        </footer>
      </CatalogueProvider>
    </I18nContext.Provider>
  );
}
