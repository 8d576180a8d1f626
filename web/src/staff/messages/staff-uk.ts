import type { ChainProblem } from '../../../../domain/audit-chain-problem.js';
import type { StaffMessages } from './staff-en.js';

/** Outcomes named as on the form, quoted, joined by “or”. */
const either = (names: readonly string[]) => names.map((n) => `«${n}»`).join(' або ');

export const staffUk: StaffMessages = {
  staffTitle: 'Вхід для працівників',
  staffIntro: 'Для працівників управління соціального захисту.',
  username: 'Ім’я користувача',
  password: 'Пароль',
  signIn: 'Увійти',
  signingIn: 'Входимо…',
  signInFailed: 'Неправильне ім’я користувача або пароль. Перевірте та спробуйте ще раз.',
  signOut: 'Вийти',
  signedInAs: (name: string, roles: string) => `Ви увійшли як ${name} (${roles})`,
  sessionEnded: 'Сеанс завершено. Увійдіть знову, щоб продовжити.',
  sessionEndsSoon: (time: string) =>
    `Ваш вхід завершиться о ${time}. Запишіть те, над чим працюєте, до того часу або увійдіть знову зараз: розпочате рішення збережеться.`,
  sessionEndedKeepTyping:
    'Ваш вхід завершився. Можете продовжувати писати: увійдіть знову, щоб записати рішення, і введене збережеться.',
  signInAgainNow: 'Увійти знову зараз',
  networkErrorReading:
    'Не вдалося зʼєднатися з AidFlow. Перевірте підключення до інтернету та спробуйте ще раз.',
  demoHint:
    'Локальна демоверсія: користувачі clerk, reviewer, head, commission1, finance, admin, auditor; пароль у всіх «demo».',
  staffNav: 'Меню працівника',
  navTasks: 'Завдання',
  navPayments: 'Виплати',
  navBudgets: 'Бюджети',
  navReports: 'Звіти',
  navLetters: 'Листи',
  navMailbox: 'Пошта',
  tasksTitle: 'Ваші завдання',
  tasksIntro: 'Відкриті завдання за вашими ролями. Спершу прострочені, далі — з найближчим строком.',
  showTaskType: 'Показати',
  allTaskTypes: (n: number) => `Усі завдання (${n})`,
  noTasksOfType: (type: string) =>
    `Відкритих завдань цього типу (${type}) немає. Оберіть «Усі завдання», щоб побачити інші.`,
  tasksEmpty: 'Відкритих завдань немає. Нові завдання з’являться тут, коли заяви дійдуть до вашого етапу.',
  refresh: 'Оновити',
  taskColumn: 'Завдання',
  referenceColumn: 'Номер',
  dueColumn: 'Строк',
  receivedColumn: 'Надійшло',
  dueToday: 'Строк сьогодні',
  claimedBy: (name: string) => `Переглядає ${name}`,
  claimHeldTitle: 'Це завдання вже переглядає інший працівник',
  claimHeld: (name: string, until: string) =>
    `${name} відкрив(-ла) це завдання і, можливо, саме ухвалює рішення (не довше ніж до ${until}). Візьміть наступне завдання зі списку або перейміть це, якщо ${name} його залишив(-ла).`,
  takeOver: 'Перейняти завдання',
  tookOver: 'Тепер це завдання ваше: колеги бачать, що ви його переглядаєте.',
  leaveForOthers: 'Залишити для інших',
  taskCountAtLeast: (n: number) => `Показано відкритих завдань: ${n}; є ще`,
  priorityTag: 'Першочергове',
  taskCount: (n: number) => `Відкритих завдань: ${n}`,
  overdueCount: (n: number) => `прострочених: ${n}`,
  moreTasks: 'Завантажити ще завдання',
  taskTypes: {
    review: 'Розгляд',
    approve: 'Затвердження',
    commission_vote: 'Голосування комісії',
    authorise_payment: 'Дозвіл на виплату',
    department_answer: 'Відповідь відділу',
    consolidate_answer: 'Відповідь заявнику',
    close_unanswered_request: 'Запит відомостей без відповіді',
    sign_off_answer: 'Підписання відповіді',
    approve_extension: 'Погодження продовження строку',
    reissue_payment: 'Виправлення виплати, що не пройшла',
  },
  outcomes: {
    approve: 'Затвердити',
    reject: 'Відмовити',
    request_info: 'Запитати в заявника додаткові відомості',
    answer: 'Відповісти',
    extend: 'Продовжити строк',
    forward: 'Переслати до іншої організації',
    not_answerable: 'Відповідь неможлива',
    reissue: 'Виправити реквізити й виплатити повторно',
    close: 'Закрити справу (виплата неможлива)',
  },
  taskOutcomes: {
    authorise_payment: {
      approve: { label: 'Дозволити виплату' },
      reject: {
        label: 'Не дозволяти: відмовити в задоволенні заяви',
        hint: 'Заяву буде відхилено повністю, а заявникові повідомлять наведені вами причини.',
      },
    },
    close_unanswered_request: {
      reject: {
        label: 'Відмовити в задоволенні заяви: відомості не надано',
        hint: 'Заявникові повідомлять наведені вами причини.',
      },
      extend: { label: 'Дати заявникові більше часу на відповідь' },
    },
    sign_off_answer: {
      approve: { label: 'Підписати: відповідь надсилається заявникові' },
      reject: {
        label: 'Повернути проєкт на доопрацювання',
        hint: 'Зазначте в причині, що потрібно змінити.',
      },
    },
    approve_extension: {
      approve: { label: 'Погодити продовження строку' },
      reject: { label: 'Відмовити в продовженні строку' },
    },
  },
  backToTasks: 'Назад до завдань',
  taskNotFound: 'Такого завдання немає або його вже закрито.',
  taskForbidden: 'Це завдання для іншої ролі. Ви не можете його відкрити.',
  applicant: 'Заявник',
  perPerson: 'на особу',
  eligibility: 'Перевірка права на допомогу за кожним правилом',
  gistRequested: (amount: string) => `запитано ${amount}`,
  gistProposed: (amount: string) => `запропоновано під час розгляду ${amount}`,
  verdict: 'Підсумок',
  verdicts: {
    eligible: 'Право є: усі умови виконано',
    ineligible: 'Права немає: обов’язкову умову не виконано',
    needs_review: 'Потрібне рішення: не виконано необов’язкову умову',
  },
  rule: 'Правило',
  ruleResult: 'Підсумок',
  mandatory: 'обов’язкове',
  otherOpenApplicationRule: 'Інша відкрита заява цієї ж особи на цю допомогу',
  history: 'Історія',
  decidedBy: (who: string, outcome: string) => `${outcome} — ${who}`,
  taskOpen: 'відкрите',
  yourDecision: 'Ваше рішення',
  decisionComment: 'Коментар',
  approvedAmount: 'Сума, що затверджується, у рублях',
  approvedAmountProposedHint: (requested: string, proposed: string) =>
    `Запитано: ${requested}. Під час розгляду запропоновано ${proposed}: залиште, щоб затвердити цю суму, або введіть іншу, не більшу за запитану.`,
  approvedAmountHint: (requested: string) =>
    `Запитано: ${requested}. Залиште як є, щоб затвердити запитану суму, або введіть меншу; більшу не можна.`,
  fundingSource: 'Джерело фінансування',
  amountAboveRequested: (requested: string) =>
    `Сума, що затверджується, не може бути більшою за запитану заявником: ${requested}. Введіть ${requested} або менше чи відмовте з причинами.`,
  sourceLeft: (source: string, left: string) => `${source} — залишок ${left}`,
  sourceNoLine: (source: string, year: string) => `${source} — немає бюджету на ${year}`,
  sourcesLeftHint: (year: string) => `Після кожного джерела — залишок його бюджету на ${year} рік.`,
  sourceLeftChosen: (source: string, left: string) => `Вибрано: ${source}, залишок ${left}.`,
  departmentAnswer: (department: string) =>
    `Відповідь підрозділу «${department}» (діловод зводить відповіді підрозділів в одну для заявника)`,
  appealAnswer: 'Відповідь заявнику',
  appealAnswersTitle: 'Відповіді',
  departmentAwaited: 'Ще не відповіли',
  answeredBy: (who: string, when: string) => `${who}, ${when}`,
  forwardedToOrganisation: 'Переслано до',
  answerDraftTitle: 'Відповідь, яку буде надіслано (очікує погодження)',
  answerSentTitle: 'Відповідь, надіслана заявникові',
  recordDecision: 'Записати рішення',
  recordingDecision: 'Записуємо…',
  decisionRecorded: (ref: string) => `Рішення щодо ${ref} записано.`,
  decisionRecordedNext: (ref: string) => `Рішення щодо ${ref} записано. Це наступна задача з вашого списку.`,
  openNextTask: 'Потім відкрити наступну задачу з мого списку',
  openNextTaskHint: 'Зберігається для ваших наступних рішень на цьому комп’ютері.',
  decisionConflict:
    'Щодо цього завдання вже ухвалено рішення. Поверніться до завдань, щоб побачити відкриті.',
  decisionRefused: {
    own_application:
      'Ви — заявник у цій справі, тож не можете ухвалювати рішення щодо неї (розподіл обов’язків). Це завдання має взяти колега.',
    took_part_in_contested: (appeal: string, stage: string) =>
      `Ви брали участь у рішенні, яке оскаржує звернення ${appeal} (${stage}). Переглянути його має колега, який у ньому не брав участі (розподіл обов’язків).`,
    corrected_payout:
      'Ви виправили платіжні реквізити цієї виплати, тож повторну виплату має погодити колега (розподіл обов’язків).',
    approved_this_aid: (stage: string) =>
      `Ви погодили цю допомогу (${stage}), тож виплату має погодити той, хто її не погоджував (розподіл обов’язків).`,
    decided_before: (stage: string) =>
      `Ви вже ухвалювали рішення в цій справі (${stage}). Цей крок має зробити колега (розподіл обов’язків).`,
    task_role_required: 'Це завдання для іншої ролі, тож ви не можете ухвалити щодо нього рішення.',
    head_limit_exceeded: (limit: string) =>
      `Керівник може погодити до ${limit} за цим видом допомоги; більшу суму погоджує комісія. Погодьте не більше цієї суми або відмовте з поясненням причин.`,
    case_withdrawn: 'Тим часом заявник відкликав заяву, тож ухвалювати рішення вже нема про що.',
    case_moved_on: (status: string) =>
      `Тим часом справа перейшла далі; її статус зараз: ${status}. Поверніться до завдань, щоб побачити, що потрібно тепер.`,
    commission_decided: 'Комісія ухвалила рішення більшістю ще до вашого голосу, тож ваш голос не записано.',
  },
  extensionRefused: {
    already_extended: 'Цей строк уже продовжено стільки разів, скільки дозволяє закон.',
    not_positive: 'Продовжте на ціле число днів, щонайменше на один.',
    past_due: 'Строк минув: продовження треба погодити до його закінчення.',
    too_long: 'Закон не дозволяє так довго продовжити строк для цього звернення. Виберіть менше днів.',
  } as Record<string, string>,
  draftRestored: 'Те, що ви раніше ввели для цього завдання, повернуто. Перевірте та запишіть рішення.',
  decidedByYou: (outcome: string, when: string) =>
    `Ви ухвалили рішення щодо цього завдання: ${outcome}${when ? `, ${when}` : ''}.`,
  decidedByOther: (who: string, outcome: string, when: string) =>
    `${who} ухвалив(-ла) рішення щодо цього завдання: ${outcome}${when ? `, ${when}` : ''}.`,
  yourDecisionNotRecorded: 'Ваше рішення не записано.',
  decisionAlreadyRecorded: (ref: string, outcome: string) =>
    `Ваше рішення щодо ${ref} уже було записано: ${outcome}.`,
  taskClosedByMajority: 'Це голосування закрито: комісія вже ухвалила рішення більшістю.',
  taskReplaced: 'Це завдання вже не відкрите: його замінило новіше.',
  taskNotOpened: 'Не вдалося відкрити завдання',
  caseNotOpened: 'Не вдалося відкрити справу',
  paymentsTitle: 'Виплати',
  paymentsIntro:
    'Дозволені до виплати суми. Сформуйте з них реєстр, надішліть файл до банку та позначте, що банк виплатив.',
  disbursementStatuses: {
    authorised: 'Дозволено',
    batched: 'У реєстрі',
    paid: 'Виплачено',
    failed: 'Не пройшло',
  },
  payee: 'Одержувач',
  aidTypeColumn: 'Допомога',
  sourceColumn: 'Джерело',
  statusColumn: 'Статус',
  noDisbursements: 'Виплат із таким статусом немає.',
  createBatch: 'Сформувати реєстр з усіх дозволених виплат',
  creatingBatch: 'Формуємо реєстр…',
  batchCreated: (count: number, total: string) => `Реєстр сформовано: виплат — ${count}, на суму ${total}.`,
  downloadCsv: 'Завантажити CSV',
  downloadPain: 'Завантажити pain.001 (ISO 20022)',
  markPaid: 'Позначити як виплачене',
  markFailed: 'Позначити як непройдене',
  settlementRecorded: (ref: string) => `Результат виплати щодо ${ref} записано.`,
  showStatus: 'Показати',
  budgetsTitle: 'Бюджети',
  budgetYear: 'Рік',
  opening: 'Залишок на початок',
  allocated: 'Виділено',
  reserved: 'Зарезервовано',
  spent: 'Витрачено',
  remaining: 'Доступно',
  reportsTitle: 'Звіти',
  reportAidUsage: 'Виплачена допомога за джерелами та видами',
  downloadReportCsv: 'Завантажити в CSV',
  families: 'Сім’ї з дітьми',
  adults: 'Дорослі',
  persons: 'осіб',
  mailboxTitle: 'Пошта (локально)',
  mailboxIntro: 'Повідомлення, які локальна система надіслала заявникам, — нові вгорі.',
  mailboxEmpty: 'Повідомлень ще не було.',
  to: 'Кому',
  sentAt: 'Надіслано',
  noRole: 'Ваші ролі не дають доступу до цієї сторінки.',
  // Staff desk, issue 5
  tableOf: (title: string) => `Таблиця: ${title}`,
  pageNumber: (page: number) => `Сторінка ${page}`,
  actions: 'Дії',
  cancel: 'Скасувати',
  saving: 'Збереження…',
  search: 'Шукати',
  total: 'Усього',
  navCases: 'Справи',
  navRules: 'Правила',
  navCatalogue: 'Довідник',
  hostedUiIntro: 'Ви входите на сторінці входу управління, з паролем і застосунком-автентифікатором.',
  signInRefused: (code: string) =>
    `Вхід не завершено (служба входу відповіла: ${code}). Увійдіть знову; якщо це повторюється, повідомте адміністратора.`,
  signInDenied:
    'Служба входу вас не впустила: вхід скасовано або ваш обліковий запис не має доступу до робочого місця. Увійдіть знову або зверніться до адміністратора.',
  signInUnavailable: 'Служба входу зараз недоступна. Спробуйте за кілька хвилин.',
  signInExpired: 'Вхід тривав надто довго або був розпочатий в іншій вкладці. Увійдіть знову.',
  signInAgain: 'Увійти знову',
  // Cases
  casesTitle: 'Справи',
  casesIntro:
    'Знайдіть справу за реєстраційним номером або перегляньте справи в певному статусі, найновіші першими.',
  searchByReference: 'Реєстраційний номер',
  searchByReferenceHint: 'Наприклад, AID-2026-000123. Залиште порожнім, щоб шукати за статусом.',
  findPersonTitle: 'Знайти справи людини',
  findPersonHint:
    'Для того, хто телефонує без номера: повне ім’я, як у заяві, і дата народження. Ё чи е та прізвище на початку чи в кінці не важать.',
  findPerson: 'Знайти справи',
  searchByStatus: 'Статус',
  kindAid: 'Допомога',
  kindAppeal: 'Звернення',
  casesFound: (n: number, more: boolean) =>
    more ? `${n} справ на цій сторінці; є ще` : `Знайдено справ: ${n}`,
  noCases: 'Жодна справа не відповідає пошуку.',
  caseSubject: 'Допомога або тема',
  caseTitle: (reference: string) => `Справа ${reference}`,
  openCase: (reference: string) => `Відкрити всю справу ${reference}`,
  backToCases: 'Назад до справ',
  caseSections: 'Розділи справи',
  caseTab: 'Справа',
  auditTab: 'Журнал аудиту',
  caseDecision: 'Рішення',
  decisionOutcomes: { approved: 'Затверджено', rejected: 'Відхилено', waitlisted: 'Очікує коштів' } as Record<
    string,
    string
  >,
  taskStatuses: { decided: 'вирішено', closed: 'закрито (не потрібно)', open: 'відкрито' } as Record<
    string,
    string
  >,
  minutesTitle: 'Протокол комісії',
  minutesIntro: 'Члени комісії, їхні голоси й коментарі, дата та результат — документом Markdown.',
  downloadMinutes: 'Завантажити протокол',
  minutesNotYet: 'Протокол складається, коли комісія ухвалила рішення. Спробуйте пізніше.',
  auditTitle: 'Журнал аудиту',
  auditIntro: 'Усі зміни справи, від найдавніших: коли, хто, що і значення до та після.',
  auditCheck: 'Перевірити ланцюжок',
  auditChecking: 'Перевірка…',
  auditDownload: 'Завантажити журнал (CSV)',
  auditIntact: 'Журнал цілий',
  chainProblem: (p: ChainProblem): string => {
    switch (p.kind) {
      case 'edited':
        return `Подію ${p.seq} змінено: її вміст не відповідає її хешу.`;
      case 'missing':
        return p.from === p.to
          ? `Подія ${p.from} відсутня (видалена).`
          : `Події ${p.from}–${p.to} відсутні (видалені).`;
      case 'broken_link':
        return `Подія ${p.seq} не пов’язана з попередньою.`;
      case 'unchained':
        return `Запис журналу (${p.sk}) не входить до ланцюжка.`;
      case 'beyond_head':
        return `Подія ${p.seq} лежить за кінцем, записаним у справі.`;
      case 'head_mismatch':
        return `Кінець, записаний у справі, не відповідає події ${p.seq}.`;
      case 'no_head':
        return 'Запису справи немає: кінець журналу перевірити неможливо.';
    }
  },
  staffReferenceInvalid: 'Введіть номер повністю, наприклад AID-2026-000123 або APL-2026-000045',
  auditBroken: 'Журнал змінено',
  auditCheckSummary: (events: number, head: number) =>
    `Перевірено подій: ${events}, ланка за ланкою, до останньої, записаної у справі (№${head}).`,
  auditEmpty: 'Для цієї справи немає записів аудиту.',
  auditWhen: 'Коли',
  auditWho: 'Хто',
  auditWhat: 'Що',
  auditChange: 'Зміна',
  auditShowChange: 'Показати значення',
  auditBefore: 'До',
  auditAfter: 'Після',
  actorKinds: { applicant: 'Заявник', system: 'Система', staff: 'Працівник' } as Record<string, string>,
  // Commission votes
  commissionVotes: 'Голоси комісії',
  member: 'Член комісії',
  vote: 'Голос',
  seat: (n: number) => `Місце ${n}`,
  yourVote: 'Ваш голос',
  castVote: 'Проголосувати',
  voteCommentHint: 'Потрапляє до протоколу. Голос «відхилити» потребує обґрунтування.',
  votesAfterYours: 'Голоси інших членів комісії з’являться тут після того, як ви проголосуєте.',
  voteRecorded: (reference: string) => `Ваш голос щодо ${reference} зараховано.`,
  youHaveVoted: 'Ви проголосували. Подані голоси показано разом зі справою.',
  // Re-issue
  currentPayout: 'Поточні реквізити виплати',
  caseReason: 'Чому заявник просить допомоги',
  payoutBankDetails: (p: { holder: string; iban?: string; accountNumber?: string; bic?: string }) =>
    [
      `Переказ на банківський рахунок заявника: власник рахунку ${p.holder}`,
      p.iban ? `IBAN ${p.iban}` : `номер рахунку ${p.accountNumber ?? '—'}`,
      ...(p.bic ? [`БІК ${p.bic}`] : []),
    ].join(', '),
  correctPayoutQuestion: 'Реквізити для нової виплати',
  samePayout: 'Лишити ті самі реквізити (збій банку був тимчасовим)',
  newPayout: 'Виправити реквізити',
  deliveryAddressHintApplicant: 'Залиште порожнім, щоб доставити на поштову адресу заявника.',
  // Finance desk
  channels: {
    bank_transfer: 'Банківський переказ',
    cash_desk: 'Каса',
    delivery: 'Натуральна допомога',
    in_kind: 'Натуральна допомога',
  } as Record<string, string>,
  attempt: (n: number) => `спроба ${n}`,
  batchEmpty: 'Немає чого включити до реєстру: натуральну допомогу передають, а не виплачують через банк.',
  batchTitle: (id: string) => `Реєстр ${id}`,
  batchCount: 'Виплат у реєстрі',
  batchTotal: (currency: string) => `Разом (${currency})`,
  batchSkipped: 'Не включено',
  skipReasons: {
    not_found: 'не знайдено',
    not_authorised: 'більше не дозволено',
    in_kind: 'натуральна допомога (підтвердьте передачу)',
    batched_meanwhile: 'тим часом включено до іншого реєстру',
  } as Record<string, string>,
  batchFiles: 'Файли реєстру',
  recordResult: 'Записати результат банку',
  recordResultFor: (reference: string) => `Записати результат банку щодо ${reference}`,
  bankResult: 'Що зробив банк?',
  resultPaid: 'Виплачено',
  resultFailed: 'Не виплачено',
  resultFailedHint:
    'Кошти повертаються до бюджету, а фінвідділ отримує завдання виправити й повторити виплату.',
  failureReasonLabel: 'Чому виплата не пройшла?',
  failureReasonHint:
    'Як пише банк, наприклад «рахунок закрито». Це прочитає працівник, який виправлятиме реквізити.',
  bankReference: 'Банківський номер',
  bankReferenceHint: 'Як у виписці банку, до 35 знаків.',
  bankReferenceIs: (reference: string) => `Банківський номер: ${reference}`,
  failureReason: (reason: string) => `Причина: ${reason}`,
  settlementPaid: (reference: string) => `Записано: ${reference} виплачено.`,
  settlementFailed: (reference: string) =>
    `Записано: виплата за ${reference} не пройшла. Завдання виправити й повторити її — у вхідних фінвідділу.`,
  batchNotSentYet: 'Реєстр не позначено як надісланий: результат записують після надсилання файла до банку',
  settlementBatchNotSent: (batchId: string) =>
    `Реєстр ${batchId} із цією виплатою не позначено як надісланий до банку, тож результату за нею ще не може бути. Надішліть файл реєстру, позначте реєстр надісланим, а тоді запишіть результат.`,
  settlementConflict: 'Для цієї виплати вже записано інший результат.',
  batchOutcomeUnknown:
    'Не вдалося дізнатися, чи сформовано реєстр: відповідь не надійшла. Список нижче оновлено. Натисніть «Сформувати реєстр» ще раз: другого реєстру не буде, а якщо реєстр уже сформовано, його буде показано.',
  batchFourEyes: (reference: string, amount: string, threshold: string) =>
    `Ви погодили ${reference} (${amount}), а це більше за ${threshold}: пакет із цією виплатою має сформувати інший фінансовий працівник (принцип чотирьох очей). Виберіть виплати без неї або зверніться до колеги.`,
  batchNothingToBatch:
    'Включати до реєстру нічого: немає дозволених виплат через банк чи касу (натуральну допомогу підтверджують видачею). Список нижче оновлено.',
  batchBatchedMeanwhile: 'Усі вибрані виплати тим часом включено до іншого реєстру. Список нижче оновлено.',
  batchKeyReused: 'Цей запит не можна повторити. Натисніть «Сформувати реєстр» ще раз, щоб сформувати новий.',
  batchNothingToSend: 'У цьому реєстрі немає виплат: надсилати нічого.',
  batchNoBankTransfers: 'У цьому реєстрі немає банківських переказів: виплати через касу — у файлі CSV.',
  officeAccountMissing: (sources: string) =>
    `Не налаштовано рахунок установи для виплат із джерела: ${sources}. Його задає адміністратор у параметрі «office-accounts».`,
  settlementInKind: 'Це натуральна допомога: підтвердьте видачу, а не результат банку.',
  settlementNotInKind: 'Ця виплата йде через банк або касу: запишіть її результат, а не видачу.',
  deliveredBeforeAuthorised: (date: string) =>
    `Дата видачі раніша за дату дозволу виплати (${date}). Перевірте дату.`,
  caseNotWaiting: (status: string) =>
    `Справа більше не очікує цієї виплати (зараз: «${status}»). Список нижче оновлено.`,
  batchReceiptFocus: 'Щойно сформований реєстр',
  confirmDelivery: 'Підтвердити передачу',
  confirmDeliveryFor: (reference: string) => `Підтвердити передачу за ${reference}`,
  deliveredAt: 'Дата передачі',
  receivedBy: 'Хто отримав',
  deliveryNote: 'Примітка',
  deliveredOn: (day: string, who: string) =>
    who ? `Передано ${day}, отримав(ла) ${who}` : `Передано ${day}`,
  deliveryRecorded: (reference: string) => `Записано: допомогу за ${reference} передано.`,
  // Batch register, sending to the bank, downloads
  batchesTab: 'Реєстри',
  batchRegisterIntro:
    'Усі платіжні реєстри, спершу найновіші. Відкрийте реєстр, щоб завантажити його файли й записати, що його надіслано до банку.',
  noBatches: 'Платіжних реєстрів ще немає.',
  batchColumn: 'Реєстр',
  createdColumn: 'Створено',
  paymentsColumn: 'Виплат',
  downloadsColumn: 'Завантаження',
  createdByAt: (who: string, when: string) => `${when}, ${who}`,
  batchStatuses: { created: 'Ще не надіслано', sent: 'Надіслано' },
  sentByAt: (who: string, when: string) => `Надіслано до банку: ${who}, ${when}.`,
  handedByAt: (who: string, when: string) => `Передано до каси: ${who}, ${when}.`,
  downloadsSummary: (n: number, who: string, when: string) =>
    n === 1 ? `Завантажено один раз: ${who}, ${when}` : `Завантажень: ${n}; останнє: ${who}, ${when}`,
  notDownloaded: 'Файли цього реєстру ще ніхто не завантажував.',
  downloadsShown: (shown: number, all: number) => `Останні ${shown} з ${all} завантажень.`,
  openBatch: (id: string) => `Відкрити реєстр ${id}`,
  openBatchHint: 'Там можна завантажити його файли й записати, коли їх надіслано до банку.',
  backToBatches: 'Назад до реєстрів',
  batchBankTransfers: 'Банківські перекази (у файлі pain.001 і в CSV)',
  batchCashDesk: 'Виплати в касі (лише в CSV)',
  batchFilesIntro:
    'Завантажте файл pain.001 до банку (у CSV є всі виплати, зокрема касові). Потім позначте реєстр як надісланий.',
  batchFilesCashIntro:
    'Усі виплати цього реєстру здійснюються в касі: передайте CSV до каси, а потім позначте реєстр як переданий.',
  batchSentTitle: 'Цей реєстр уже надіслано до банку',
  batchHandedTitle: 'Цей реєстр уже передано до каси',
  batchSentWarning:
    'Якщо надіслати його файл до банку ще раз, кожна людина в ньому отримає гроші двічі. Завантажуйте його повторно лише для перевірки чи для архіву.',
  batchHandedWarning:
    'Якщо передати його список до каси ще раз, кожна людина в ньому може отримати гроші двічі. Завантажуйте його повторно лише для перевірки чи для архіву.',
  confirmDownloadTitle: (file: string) => `Завантажити файл ${file} реєстру, який уже надіслано?`,
  downloadAnyway: 'Усе одно завантажити',
  fileNames: { csv: 'CSV', pain001: 'pain.001' },
  markSent: 'Позначити як надісланий до банку',
  markHanded: 'Позначити як переданий до каси',
  markSentHint:
    'Зробіть це одразу після завантаження файлу до банку. Тоді фінансовий відділ бачить, хто і коли його надіслав, і отримує попередження перед повторним завантаженням; відтоді можна записувати результати виплат.',
  markHandedHint:
    'Зробіть це одразу після передачі списку до каси. Тоді фінансовий відділ бачить, хто і коли його передав, і отримує попередження перед повторним завантаженням; відтоді можна записувати результати виплат.',
  downloadLogTitle: 'Завантаження його файлів',
  whenColumn: 'Коли',
  whoColumn: 'Хто',
  fileColumn: 'Файл',
  batchPayments: 'Виплати в цьому реєстрі',
  // Cash-desk payouts
  recordCashResult: 'Записати результат каси',
  recordCashResultFor: (reference: string) => `Записати результат каси щодо ${reference}`,
  cashResult: 'Чи отримано готівку?',
  cashCollected: 'Отримано: людині виплачено',
  cashNotCollected: 'Не отримано',
  cashNotCollectedHint:
    'Гроші повертаються до бюджету, а фінансовий відділ отримує завдання повторити виплату або закрити справу.',
  cashFailureReasonLabel: 'Чому гроші не отримано?',
  cashFailureReasonHint:
    'Наприклад, «не прийшов протягом 30 днів». Це прочитає працівник, який повторює виплату.',
  cashReceipt: 'Номер касового ордера',
  cashReceiptHint: 'Як у касовому ордері, до 35 символів.',
  cashReceiptIs: (reference: string) => `Касовий ордер: ${reference}`,
  // A failed payment and what became of it
  followUpReissued: (attempt: number, status: string) => `Виплату повторено, спроба ${attempt} (${status})`,
  followUpPending: 'Виплата повторюється: гроші знову резервуються й затверджуються',
  followUpAwaiting: 'Ще не повторено: завдання на виправлення у вхідних фінансового відділу',
  followUpClosed: 'Справу закрито без виплати',
  // Payment attempts on the payment tasks
  reissueAttemptTitle: (n: number) => `Повторна виплата: це спроба ${n}`,
  paymentAttemptsTitle: 'Попередні спроби виплати',
  attemptFailed: (n: number, day: string, reason: string, who: string) =>
    `Спроба ${n} не вдалася ${day}: «${reason}» (записав(ла) ${who}).`,
  attemptStatus: (n: number, status: string, amount: string) => `Спроба ${n}: ${status}, ${amount}.`,
  payoutCorrectedNote: 'Реквізити для цієї спроби виправлено: звірте їх зі справою.',
  payoutSameNote: 'Реквізити ті самі, що й у невдалій спробі: перевірте причину, перш ніж затверджувати.',
  // The decision's comment, by what it is for
  decisionCommentOptionalHint: 'Видно в історії справи.',
  commentLabels: {
    question: 'Запитання до заявника',
    rejection_reason: 'Причини відмови',
    closing_reason: 'Чому допомогу не можна виплатити',
    vote_reasons: 'Обґрунтування вашого голосу',
    reason: 'Причина',
    forwarded_to: 'Організація, якій передано звернення, і чому',
  },
  commentHints: {
    question: 'Заявник отримає це запитання й відповість на сторінці статусу. Просто напишіть, що потрібно.',
    rejection_reason: 'Заявник прочитає причини: поясніть їх простими словами.',
    closing_reason: 'Заявнику повідомлять цю причину.',
    vote_reasons: 'Заноситься до протоколу.',
    reason: 'Видно в історії справи.',
    forwarded_to: 'Заявнику повідомлять, куди передано звернення.',
  },
  commentRequiredFor: {
    question: (outcomes: readonly string[]) =>
      `Обовʼязковий, якщо вибрано ${either(outcomes)}: це запитання, яке отримає заявник.`,
    rejection_reason: (outcomes: readonly string[]) =>
      `Обовʼязковий, якщо вибрано ${either(outcomes)}: заявник читає підстави.`,
    closing_reason: (outcomes: readonly string[]) =>
      `Обовʼязковий, якщо вибрано ${either(outcomes)}: заявникові повідомлять, чому виплата неможлива.`,
    vote_reasons: (outcomes: readonly string[]) =>
      `Обовʼязковий, якщо вибрано ${either(outcomes)}: обґрунтування потрапляє до протоколу.`,
    reason: (outcomes: readonly string[]) => `Обовʼязковий, якщо вибрано ${either(outcomes)}.`,
    forwarded_to: (outcomes: readonly string[]) =>
      `Обовʼязковий, якщо вибрано ${either(outcomes)}: зазначте організацію; заявникові повідомлять, куди передано звернення.`,
  },
  commentMissing: {
    question: 'Напишіть запитання до заявника',
    rejection_reason: 'Зазначте причини відмови',
    closing_reason: 'Зазначте, чому допомогу не можна виплатити',
    vote_reasons: 'Обґрунтуйте свій голос проти',
    reason: 'Зазначте причину',
    forwarded_to: 'Назвіть організацію, якій передано звернення',
  },
  // Messages to the applicant (the staff case page)
  messagesTitle: 'Повідомлення заявнику',
  noMessages: 'Повідомлень поки немає.',
  messageStatuses: {
    pending: 'Очікує надсилання',
    sending: 'Надсилається',
    sent: 'Надіслано',
    failed: 'Не доставлено',
    to_print: 'Очікує друку',
    undeliverable: 'Немає способу зв’язатися із заявником',
    requeued: 'Буде надіслано повторно',
  } as Record<string, string>,
  resendMessage: 'Надіслати ще раз',
  resendBusy:
    'Це повідомлення надсилається саме зараз. Якщо надсилання не підтвердиться протягом десяти хвилин, його можна буде надіслати ще раз.',
  resendNotPossible:
    'Це повідомлення вже не можна надіслати ще раз: тим часом з ним уже розібралися. Його стан показано таким, яким він є зараз.',
  messageText: 'Що в ньому було',
  messageNeverArrived: 'Заявник його не отримав?',
  letterNeverArrived: 'Лист не дійшов?',
  sendAgainConfirm: (when: string) =>
    `Його надіслано ${when}. Надсилайте повторно, лише якщо заявник каже, що не отримав його: інакше він отримає його двічі.`,
  reprintConfirm: (when: string) =>
    `Його відправлено поштою ${when}. Повернути до листів для друку, щоб надрукувати й відправити ще раз?`,
  printAgain: 'Надрукувати ще раз',
  messageUnconfirmed: (since: string) =>
    `Надсилання почалося ${since} і не підтвердилося: заявник міг не отримати це повідомлення. Зв’яжіться з ним інакше; сторінка статусу завжди показує, де перебуває справа.`,
  // Letters (the print queue)
  lettersTitle: 'Листи для надсилання',
  lettersIntro:
    'Листи заявникам, які вказали лише поштову адресу, — спершу найстаріші. Роздрукуйте, надішліть і позначте кожен як надісланий.',
  lettersEmpty: 'Листів для друку немає.',
  printLetters: 'Роздрукувати ці листи',
  markPosted: 'Позначити як надісланий',
  letterNoLongerToPrint: (reference: string) =>
    `Лист щодо справи ${reference} більше не чекає на друк: тим часом ним уже займався колега. Список показано таким, яким він є зараз.`,
  letterPosted: (reference: string, name: string) =>
    `Позначено як надісланий: лист щодо справи ${reference} для адресата ${name}.`,
  letterTo: 'Кому',
  letterMeta: (reference: string, date: string) => `Справа ${reference} · від ${date}`,
  letterNoAddress: 'У справі немає поштової адреси: уточніть адресу заявника перед надсиланням.',
  // Budgets
  budgetGapMissingTitle: (year: string) => `Немає бюджетних статей на ${year} рік`,
  budgetGapMissing: (sources: string, year: string, lastYear: string) =>
    `Ці джерела мали кошти у ${lastYear} році, але не мають статті на ${year} рік: ${sources}. Заяви, затверджені за ними, очікують коштів, доки статтю не встановлено.`,
  budgetGapComingTitle: (year: string) => `Бюджетні статті на ${year} рік ще не встановлено`,
  budgetGapComing: (sources: string, year: string) =>
    `Ще немає статті на ${year} рік: ${sources}. З 1 січня заяви, затверджені за цими джерелами, очікуватимуть коштів. Якщо джерело у ${year} році нічого не виділяє, встановіть статтю із сумою 0.`,
  setBudgetLines: (year: string) => `Встановити бюджетні статті на ${year} рік`,
  noBudgets: (year: string) => `На ${year} рік немає бюджетних статей.`,
  changeBudget: (year: string) => `Встановити бюджетну статтю на ${year} рік`,
  allocatedRoubles: 'Виділено, у рублях',
  openingRoubles: 'Залишок на початок року, у рублях',
  openingHint: 'Залиште порожнім, щоб не змінювати залишок на початок року.',
  saveBudget: 'Зберегти бюджетну статтю',
  budgetSaved: (source: string, year: string, amount: string) => `${source}, ${year}: виділено ${amount}.`,
  // Reports
  reportsIntro: 'Показники, які управління публікує щороку. Під кожною діаграмою — ті самі дані в таблиці.',
  reportYear: 'Рік',
  reportEmpty: (year: string) => `У ${year} році ще не було виплат.`,
  chartSeeTable: 'Ті самі дані — у таблиці під діаграмою.',
  tableAidUsage: (year: string, currency: string) =>
    `Виплачена допомога у ${year} році, ${currency}, за джерелами фінансування та видами; під кожною сумою — скільки осіб її отримали`,
  chartAidUsage: (year: string) => `Виплачена допомога у ${year} році: дорослі та сім’ї з дітьми`,
  personCount: (_n: number, formatted: string) => `осіб: ${formatted}`,
  ofWhichDisabled: 'з них особи з інвалідністю',
  ofWhichPensioners: 'з них пенсіонери',
  ofWhichOther: 'з них інші',
  downloadReportCsvNamed: (report: string) => `Завантажити «${report}» у CSV`,
  reportBudgets: 'Рух бюджетних коштів за джерелами',
  chartBudgets: (year: string) => `Рух бюджетних коштів у ${year} році`,
  spentOnAdults: 'Витрачено на дорослих',
  spentOnFamilies: 'Витрачено на сім’ї',
  closing: 'Залишок на кінець',
  reportBudgetsSpentByGroup: 'Витрачено за групами отримувачів',
  chartBudgetsSpentByGroup: (year: string) => `Витрачено у ${year} році за групами отримувачів`,
  reportAppeals: 'Звернення: надійшло й розглянуто вчасно',
  periodFrom: 'З',
  periodTo: 'По',
  showReport: 'Показати',
  reportPeriod: (from: string, to: string) => `Звернення, зареєстровані з ${from} по ${to}.`,
  chartAppeals: 'Звернення, розглянуті вчасно, із запізненням і ще відкриті після строку',
  reportCount: 'Кількість',
  reportItem: 'Показник',
  received: 'Надійшло',
  priorityAppeals: 'З них першочергових',
  answeredTotal: 'Розглянуто',
  answeredOnTime: 'Розглянуто вчасно',
  answeredLate: 'Розглянуто із запізненням',
  overdueOpen: 'Відкриті й прострочені',
  averageDays: 'Середній строк розгляду, днів',
  extensions: 'Продовжено строк',
  repeatAppeals: 'Повторні звернення',
  forwarded: 'Передано за належністю',
  notAnswerable: 'Без відповіді за законом',
  feedbackAverage: 'Оцінка заявників',
  ratingOf: (average: string, count: string) => `${average} з 5 (оцінок: ${count})`,
  byChannel: 'Надійшло за каналами',
  byKind: 'Надійшло за видами',
  byTopic: 'Надійшло за темами',
  byDepartment: 'Надійшло за відділами',
  // Mailbox
  mailboxFilter: 'Лише повідомлення однієї справи',
  mailboxFilterHint: 'Реєстраційний номер, наприклад AID-2026-000123. Залиште порожнім, щоб бачити всі.',
  showMessages: 'Показати',
  messageCount: (n: number) => `Повідомлень: ${n}`,
  messagesFor: (n: number, reference: string) => `Повідомлень щодо ${reference}: ${n}`,
  channelNames: { email: 'Ел. пошта', sms: 'SMS', letter: 'Лист' } as Record<string, string>,
  // Rules
  rulesTitle: 'Правила права на допомогу',
  rulesIntro:
    'Правила для кожного виду допомоги, усі версії. Заяву перевіряють за версією, чинною в день її надходження, і ця версія за нею закріплюється.',
  noRuleSets: (aidType: string) => `Для «${aidType}» ще немає правил: заявники не можуть її вибрати.`,
  ruleSetVersion: (n: number) => `Версія ${n}`,
  inForce: 'Чинна',
  effectiveFrom: 'Чинна з',
  effectiveFromHint: 'Сьогодні або пізніше. Уже подані заяви зберігають правила, за якими їх перевірено.',
  hash: 'Відбиток',
  createdBy: (who: string, when: string) => (when ? `додав(ла) ${who}, ${when}` : `додав(ла) ${who}`),
  showRules: (n: number) => `Показати правила (${n})`,
  ruleMessages: 'Що читає заявник',
  ruleConditions: 'Умови',
  conditionAll: 'усі умови:',
  conditionAny: 'будь-яка з умов:',
  conditionNot: 'не:',
  discretionary: 'на розсуд',
  newRuleSetVersion: 'Додати нову версію',
  newRuleSetIntro:
    'Почніть із чинної версії нижче. Змініть правила у форматі JSON; перед надсиланням їх перевіряють тут за тією самою схемою, що й на сервері.',
  ruleSetId: 'Назва набору правил',
  ruleSetVersionNumber: 'Номер версії',
  ruleSetVersionHint: 'Залиште порожнім, щоб узяти наступний номер.',
  rulesJson: 'Правила (JSON)',
  rulesJsonHint:
    'Список правил: code, mandatory, description, messages (pass, fail) мовами en, uk, ru і zh, та conditions.',
  rulesNotJson: (detail: string) => `Правила — не коректний JSON: ${detail}`,
  ruleNumber: (n: number, code: string) => (code ? `Правило ${n} (${code})` : `Правило ${n}`),
  saveRuleSet: 'Зберегти нову версію',
  ruleSetCreated: (version: number, from: string) => `Версію ${version} збережено; вона діє з ${from}.`,
  // Catalogue
  catalogueTitle: 'Довідник',
  catalogueIntro:
    'Категорії отримувачів, види допомоги та джерела фінансування, з яких обирають заявники й працівники. Зміна потрапляє до форми заяви протягом хвилини; новий вид допомоги пропонується, щойно для нього є правила.',
  catalogueCategories: 'Категорії отримувачів',
  catalogueAidTypes: 'Види допомоги',
  catalogueSources: 'Джерела фінансування',
  addEntry: 'Додати запис',
  changeEntry: (code: string) => `Змінити ${code}`,
  entryKind: 'Що додати або змінити',
  entryCode: 'Код',
  entryCodeHint:
    'Малі латинські літери, цифри й підкреслення, наприклад food_set. Наявний код змінює цей запис.',
  entryNameIn: (language: string) => `Назва (${language})`,
  entryAidKind: 'Вид допомоги за формою',
  aidKinds: {
    money: 'Грошова',
    in_kind: 'Натуральна',
    money_or_works: 'Гроші або роботи',
    money_or_in_kind: 'Гроші або натуральна',
    service: 'Послуга',
    premium: 'Страховий внесок',
  } as Record<string, string>,
  entrySources: 'Звичайні джерела фінансування',
  entrySourcesHint:
    'У порядку, в якому ви їх позначите: перше вибирається за замовчуванням при затвердженні.',
  saveEntry: 'Зберегти запис',
  entryAdded: (code: string) => `Додано ${code}.`,
  entryChanged: (code: string) => `Змінено ${code}.`,
  entryExists: (code: string, kind: string) =>
    `У розділі «${kind}» уже є запис з кодом «${code}». Збереження замінило б його: виберіть інший код для нового запису або змініть наявний.`,
  changeExisting: (code: string) => `Змінити «${code}»`,
  // Ідентифікація працівників (адміністратор: хто працівники як заявники, для розподілу обов’язків)
  navStaffIdentities: 'Ідентифікація працівників',
  staffIdentitiesTitle: 'Ідентифікація працівників',
  staffIdentitiesIntro:
    'Ніхто не може вирішувати власну заяву, але система розпізнає її, лише якщо знає, хто працівник як особа. Запишіть прізвище, ім’я, по батькові, дату народження і, якщо відомо, ідентифікаційний номер так, як працівник написав би їх у заяві: зберігаються лише ключовані хеші (ключі особи), ніколи не ім’я, дата чи номер.',
  identityCheckTitle: 'Перевірити ім’я користувача',
  identityUsernameHint: 'Як працівник входить до системи, наприклад reviewer2.',
  identityCheck: 'Перевірити',
  identityChecking: 'Перевіряємо…',
  identityRecordedOn: (username: string, when: string, by: string, keys: string) =>
    `${username}: особу записано ${when}, записав(ла) ${by} (${keys}).`,
  identityNotRecorded: (username: string) =>
    `${username}: особу не записано, тож власні заяви цієї людини не буде розпізнано.`,
  identityRecordTitle: 'Записати особу',
  identityRecordHint: 'Новий запис для того самого імені користувача замінює попередній.',
  identityFullNameHint: 'Як у паспорті, як людина написала б у заяві.',
  identityNationalId: 'Ідентифікаційний номер',
  identityNationalIdHint: 'Наприклад, номер паспорта: заяви, у яких він є, розпізнаються і за ним.',
  identitySave: 'Записати особу',
  identitySaving: 'Записуємо…',
  identitySavedTitle: (username: string) => `Особу записано для ${username}`,
  identitySaved: 'Ім’я, дату народження та номер не збережено, і форма їх більше не містить.',
  identityPersonKeys: 'Ключі особи',
  identityPersonKeysCount: (n: number) => `ключів особи: ${n}`,
  identityRecordedAt: 'Записано',
  identityErrors: {
    username: 'Введіть ім’я користувача: лише літери, цифри та . _ @ + -, до 128 символів',
    fullName: 'Введіть прізвище, ім’я, по батькові',
    fullNameInvalid: 'Введіть прізвище, ім’я, по батькові до 200 символів, в один рядок',
    birthDate: 'Введіть справжню дату народження: день, місяць і рік, наприклад 2 4 1950',
    nationalId: 'Введіть ідентифікаційний номер до 50 символів або залиште поле порожнім',
  },
  // Реєстрація звернення
  navRegisterAppeal: 'Зареєструвати звернення',
  registerAppealTitle: 'Зареєструвати звернення',
  registerAppealIntro:
    'Для звернення, що надійшло електронною поштою, поштою, телефоном, на особистому або виїзному прийомі. Внесіть його так, як його подала людина: вона отримає номер і код доступу, щоб стежити за ним, а відповідь має бути надана в установлений законом строк.',
  registerChannel: 'Як звернення надійшло?',
  registerReceivedOn: 'Дата надходження',
  registerReceivedOnHint:
    'День, коли надійшов лист чи електронний лист або людина зателефонувала чи прийшла. Не може бути в майбутньому.',
  registerRelatedHint:
    'Якщо людина не згодна з рішенням щодо її заяви — номер заяви, наприклад AID-2026-000123.',
  registerText: 'Звернення',
  registerTextHint: 'Що людина написала або сказала: ситуація і про що вона просить.',
  registerAboutPerson: 'Заявник',
  registerFullNameHint: 'Залиште порожнім лише для анонімного листа.',
  registerCategories: 'Категорії, які називає людина',
  registerCategoriesHint:
    'Особам з інвалідністю та ветеранам війни відповідають у скорочений строк. Позначте всі, що підходять.',
  registerContactLegend: 'Як надіслати людині відповідь?',
  registerContactHint: 'Хоча б одне: відповідь надійде електронною поштою, SMS з посиланням або поштою.',
  registerLanguage: 'Мова відповіді',
  registerNoContactTitle: 'Немає як відповісти людині',
  registerNoContact:
    'Без електронної пошти, телефону чи поштової адреси звернення буде зареєстровано, але відповісти на нього не можна.',
  registerSubmit: 'Зареєструвати звернення',
  registering: 'Реєструємо…',
  registerErrors: {
    channel: 'Виберіть, як звернення надійшло',
    received: 'Вкажіть дату надходження звернення',
    receivedFuture: 'Дата надходження не може бути в майбутньому',
  },
  appealRegisteredTitle: (reference: string) => `Звернення ${reference} зареєстровано`,
  registerGiveCodeTitle: 'Повідомте людині номер і код доступу',
  registerGiveCode:
    'Продиктуйте їх або надішліть поштою: з ними людина стежить за зверненням і читає відповідь на сторінці статусу. Код доступу показано лише зараз.',
  registerNotAnswerable: 'Немає імені або способу відповісти, тож закон не вимагає відповіді.',
  registerLateTitle: 'Зареєстровано із запізненням',
  registeredLate: (days: number, limit: number) =>
    `Зареєстровано через ${days} ${days % 10 === 1 && days % 100 !== 11 ? 'день' : days % 10 >= 2 && days % 10 <= 4 && (days % 100 < 12 || days % 100 > 14) ? 'дні' : 'днів'} після надходження; закон вимагає реєстрації протягом ${limit} ${limit === 1 ? 'дня' : 'днів'}.`,
  registerDueDate: 'Відповісти до',
  registerPriority: 'Першочергове',
  registerPriorityYes: 'Так: скорочений строк',
  registerAnother: 'Зареєструвати ще одне звернення',
  registerSendUnknown:
    'Відповідь AidFlow не дійшла до цієї сторінки, тому невідомо, чи зареєстровано звернення. Зареєструйте його ще раз із цієї сторінки: двічі його не зареєструють, а ви отримаєте номер і код доступу. Форму збережено.',
  registerAsFirstSentTitle: 'Зареєстровано в початковому вигляді',
  registerAsFirstSent:
    'Перше надсилання дійшло, загубилася лише відповідь на нього. Звернення зареєстровано в тому вигляді, в якому його надіслали тоді, без пізніших змін форми: повідомте відділ, який на нього відповідає, що змінилося.',
  registerSentElsewhere:
    'Це звернення вже зареєстровано з іншої вкладки з іншими даними: його номер і код доступу показано там. Якщо зареєструвати його звідси, буде зареєстровано нове звернення.',
  registeredColumn: 'Зареєстровано',
  channelLabel: 'Канал',
  // Повторні звернення
  repeatsLabel: 'Повторне до',
  repeatNth: (n: number, months: number) => `${n}-е звернення на цю тему за ${months} місяців`,
  navRepeatAppellants: 'Повторні звернення',
  repeatAppellantsTitle: 'Люди, які звертаються повторно',
  repeatAppellantsIntro: (months: number) =>
    `Люди, які знову звернулися з теми, з якої вже зверталися протягом ${months} місяців; спершу ті, хто має найбільше повторних звернень. Кожне повторне звернення у своїй справі вказує на попереднє.`,
  repeatAppellantsEmpty: 'Ніхто не звертався повторно.',
  repeatAppellantsCount: (n: number) => `Людей: ${n}`,
  personColumn: 'Людина',
  repeatAppealsColumn: 'Повторних звернень',
  topicsColumn: 'Теми',
  lastAppealColumn: 'Останнє звернення',
};
