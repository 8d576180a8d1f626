/** The pure domain of AidFlow: no AWS, no I/O, no clock. Handlers and the web app import from here. */
export * from './aid-application.js';
export * from './aid-lifecycle.js';
export * from './appeal.js';
export * from './appeal-lifecycle.js';
export * from './catalogue.js';
export * from './dates.js';
export * from './eligibility.js';
export * from './money.js';
export * from './permissions.js';
export * from './reference.js';
export * from './review-ladder.js';
export * from './roles.js';
export * from './segregation.js';
export * from './tasks.js';
