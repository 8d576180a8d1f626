import { useI18n } from './i18n.js';
import { Alert, Button, PageTitle, useTitle } from './ui.js';

/** A page whose code has not arrived: the way back is to load the page again. */
export function PageLoadFailed() {
  const { t } = useI18n();
  useTitle(t.pageLoadFailedTitle);
  return (
    <>
      <PageTitle>{t.pageLoadFailedTitle}</PageTitle>
      <Alert
        kind="error"
        action={
          <Button type="button" kind="secondary" onClick={() => location.reload()}>
            {t.tryAgain}
          </Button>
        }
      >
        <p>{t.pageLoadFailed}</p>
      </Alert>
    </>
  );
}
