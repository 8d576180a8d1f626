import { useEffect } from 'preact/hooks';
import { useI18n } from '../i18n.js';
import { Link } from '../router.js';
import { PageTitle, useTitle } from '../ui.js';

/** `preload` fetches the application form's code once the page is up: most visitors go on to apply. */
export function HomePage(p: { preload?: () => void }) {
  const { t } = useI18n();
  useTitle(t.homeTitle);
  useEffect(() => {
    if (!p.preload) return;
    const later = setTimeout(p.preload, 500);
    return () => clearTimeout(later);
  }, [p.preload]);
  const cards = [
    { href: '/apply', title: t.homeApplyTitle, text: t.homeApply },
    { href: '/status', title: t.homeStatusTitle, text: t.homeStatus },
    { href: '/appeal', title: t.homeAppealTitle, text: t.homeAppeal },
  ];
  return (
    <>
      <PageTitle>{t.homeTitle}</PageTitle>
      <p class="lead">{t.homeIntro}</p>
      <ul class="cards">
        {cards.map((c) => (
          <li class="card" key={c.href}>
            <h2>
              <Link href={c.href}>{c.title}</Link>
            </h2>
            <p>{c.text}</p>
          </li>
        ))}
      </ul>
      <div class="inset">
        <h2>{t.homeBeforeTitle}</h2>
        <p>{t.homeBefore}</p>
      </div>
      <p class="staff-link">
        <Link href="/staff">{t.homeStaffTitle}</Link>: {t.homeStaff}
      </p>
    </>
  );
}
