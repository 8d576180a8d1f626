import type { Language } from '../../domain/catalogue.js';

/**
 * How a person reaches the office when the app cannot help them: shown at the foot of every page.
 * It is part of the build, so it shows with no connection too (the service worker keeps the app's
 * code), which is when a person needs it most. An office deploying AidFlow writes its own here
 * before `npm run build:web` (README "Deploying to AWS"); these are the demo office's.
 */
export interface OfficeContact {
  /** The hotline: as dialled (a `tel:` link) and as written for people. */
  readonly phone: { readonly dial: string; readonly shown: string };
  readonly hours: Readonly<Record<Language, string>>;
  readonly address: Readonly<Record<Language, string>>;
  /**
   * Where the office's days are counted (the API's JURISDICTION zone): a deadline such as "answer
   * by 23 April" ends at midnight there, and a phone in another zone must show that same day.
   */
  readonly timeZone: string;
}

export const office: OfficeContact = {
  phone: { dial: '+78000000000', shown: '8 800 000-00-00' },
  hours: {
    en: 'free of charge, Monday to Friday, 9:00–18:00',
    uk: 'безкоштовно, пн–пт, 9:00–18:00',
    ru: 'бесплатно, пн–пт, 9:00–18:00',
    zh: '免费，周一至周五 9:00–18:00',
  },
  address: {
    en: '1 Tsentralnaya Street, room 105',
    uk: 'вул. Центральна, 1, каб. 105',
    ru: 'ул. Центральная, 1, каб. 105',
    zh: '中央街1号105室',
  },
  timeZone: 'Europe/Moscow',
};
