import type { ChainProblem } from '../../../../domain/audit-chain-problem.js';
import type { StaffMessages } from './staff-en.js';

/** Outcomes named as on the form, quoted, joined by “or”. */
const either = (names: readonly string[]) => names.map((n) => `«${n}»`).join(' или ');

export const staffRu: StaffMessages = {
  staffTitle: 'Вход для сотрудников',
  staffIntro: 'Для сотрудников управления социальной защиты.',
  username: 'Имя пользователя',
  password: 'Пароль',
  signIn: 'Войти',
  signingIn: 'Входим…',
  signInFailed: 'Неверное имя пользователя или пароль. Проверьте и попробуйте ещё раз.',
  signOut: 'Выйти',
  signedInAs: (name: string, roles: string) => `Вы вошли как ${name} (${roles})`,
  sessionEnded: 'Сеанс завершён. Войдите снова, чтобы продолжить.',
  sessionEndsSoon: (time: string) =>
    `Ваш вход закончится в ${time}. Запишите то, над чем работаете, до этого времени или войдите снова сейчас: начатое решение сохранится.`,
  sessionEndedKeepTyping:
    'Ваш вход закончился. Можно продолжать печатать: войдите снова, чтобы записать решение, и введённое сохранится.',
  signInAgainNow: 'Войти снова сейчас',
  networkErrorReading:
    'Не удалось связаться с AidFlow. Проверьте подключение к интернету и попробуйте ещё раз.',
  demoHint:
    'Локальная демоверсия: пользователи clerk, reviewer, head, commission1, finance, admin, auditor; пароль у всех «demo».',
  staffNav: 'Меню сотрудника',
  navTasks: 'Задачи',
  navPayments: 'Выплаты',
  navBudgets: 'Бюджеты',
  navReports: 'Отчёты',
  navLetters: 'Письма',
  navMailbox: 'Почта',
  tasksTitle: 'Ваши задачи',
  tasksIntro: 'Открытые задачи по вашим ролям. Сначала просроченные, затем — с ближайшим сроком.',
  showTaskType: 'Показать',
  allTaskTypes: (n: number) => `Все задачи (${n})`,
  noTasksOfType: (type: string) =>
    `Открытых задач этого типа (${type}) нет. Выберите «Все задачи», чтобы увидеть остальные.`,
  tasksEmpty: 'Открытых задач нет. Новые задачи появятся здесь, когда заявления дойдут до вашего этапа.',
  refresh: 'Обновить',
  taskColumn: 'Задача',
  referenceColumn: 'Номер',
  dueColumn: 'Срок',
  receivedColumn: 'Поступила',
  dueToday: 'Срок сегодня',
  claimedBy: (name: string) => `Просматривает ${name}`,
  claimHeldTitle: 'Эту задачу уже просматривает другой сотрудник',
  claimHeld: (name: string, until: string) =>
    `${name} открыл(а) эту задачу и, возможно, сейчас принимает решение (не дольше чем до ${until}). Возьмите следующую задачу из списка или перехватите эту, если ${name} её оставил(а).`,
  takeOver: 'Взять задачу себе',
  tookOver: 'Теперь задача ваша: коллеги видят, что вы её просматриваете.',
  leaveForOthers: 'Оставить для других',
  taskCountAtLeast: (n: number) => `Показано открытых задач: ${n}; есть ещё`,
  priorityTag: 'Первоочередное',
  taskCount: (n: number) => `Открытых задач: ${n}`,
  overdueCount: (n: number) => `просроченных: ${n}`,
  moreTasks: 'Загрузить ещё задачи',
  taskTypes: {
    review: 'Рассмотрение',
    approve: 'Утверждение',
    commission_vote: 'Голосование комиссии',
    authorise_payment: 'Разрешение выплаты',
    department_answer: 'Ответ отдела',
    consolidate_answer: 'Ответ заявителю',
    close_unanswered_request: 'Запрос сведений без ответа',
    sign_off_answer: 'Подписание ответа',
    approve_extension: 'Согласование продления срока',
    reissue_payment: 'Исправление непрошедшей выплаты',
  },
  outcomes: {
    approve: 'Одобрить',
    reject: 'Отказать',
    request_info: 'Запросить у заявителя дополнительные сведения',
    answer: 'Ответить',
    extend: 'Продлить срок',
    forward: 'Направить в другую организацию',
    not_answerable: 'Ответ не может быть дан',
    reissue: 'Исправить реквизиты и выплатить повторно',
    close: 'Закрыть дело (выплата невозможна)',
  },
  taskOutcomes: {
    authorise_payment: {
      approve: { label: 'Разрешить выплату' },
      reject: {
        label: 'Не разрешать: отказать в удовлетворении заявления',
        hint: 'Заявление будет отклонено полностью, а заявителю сообщат указанные вами причины.',
      },
    },
    close_unanswered_request: {
      reject: {
        label: 'Отказать в удовлетворении заявления: сведения не представлены',
        hint: 'Заявителю сообщат указанные вами причины.',
      },
      extend: { label: 'Дать заявителю больше времени на ответ' },
    },
    sign_off_answer: {
      approve: { label: 'Подписать: ответ будет направлен заявителю' },
      reject: { label: 'Вернуть проект на доработку', hint: 'Укажите в причине, что нужно изменить.' },
    },
    approve_extension: {
      approve: { label: 'Согласовать продление срока' },
      reject: { label: 'Отказать в продлении срока' },
    },
  },
  backToTasks: 'Назад к задачам',
  taskNotFound: 'Такой задачи нет или она уже закрыта.',
  taskForbidden: 'Эта задача для другой роли. Вы не можете её открыть.',
  applicant: 'Заявитель',
  perPerson: 'на человека',
  eligibility: 'Проверка права на помощь по каждому правилу',
  gistRequested: (amount: string) => `запрошено ${amount}`,
  gistProposed: (amount: string) => `предложено при рассмотрении ${amount}`,
  verdict: 'Итог',
  verdicts: {
    eligible: 'Право есть: все условия выполнены',
    ineligible: 'Права нет: обязательное условие не выполнено',
    needs_review: 'Нужно решение: не выполнено необязательное условие',
  },
  rule: 'Правило',
  ruleResult: 'Итог',
  mandatory: 'обязательное',
  otherOpenApplicationRule: 'Другое открытое заявление этого же человека на эту помощь',
  history: 'История',
  decidedBy: (who: string, outcome: string) => `${outcome} — ${who}`,
  taskOpen: 'открыта',
  yourDecision: 'Ваше решение',
  decisionComment: 'Комментарий',
  approvedAmount: 'Утверждаемая сумма, в рублях',
  approvedAmountProposedHint: (requested: string, proposed: string) =>
    `Запрошено: ${requested}. При рассмотрении предложено ${proposed}: оставьте, чтобы утвердить эту сумму, или введите другую, не больше запрошенной.`,
  approvedAmountHint: (requested: string) =>
    `Запрошено: ${requested}. Оставьте как есть, чтобы утвердить запрошенную сумму, или введите меньшую; большую нельзя.`,
  fundingSource: 'Источник финансирования',
  amountAboveRequested: (requested: string) =>
    `Утверждаемая сумма не может быть больше запрошенной заявителем: ${requested}. Введите ${requested} или меньше либо откажите с указанием причин.`,
  sourceLeft: (source: string, left: string) => `${source} — остаток ${left}`,
  sourceNoLine: (source: string, year: string) => `${source} — нет бюджета на ${year}`,
  sourcesLeftHint: (year: string) => `После каждого источника — остаток его бюджета на ${year} год.`,
  sourceLeftChosen: (source: string, left: string) => `Выбрано: ${source}, остаток ${left}.`,
  departmentAnswer: (department: string) =>
    `Ответ подразделения «${department}» (делопроизводитель сводит ответы подразделений в один для заявителя)`,
  appealAnswer: 'Ответ заявителю',
  appealAnswersTitle: 'Ответы',
  departmentAwaited: 'Ещё не ответили',
  answeredBy: (who: string, when: string) => `${who}, ${when}`,
  forwardedToOrganisation: 'Перенаправлено в',
  answerDraftTitle: 'Ответ, который будет отправлен (ждёт согласования)',
  answerSentTitle: 'Ответ, отправленный заявителю',
  recordDecision: 'Записать решение',
  recordingDecision: 'Записываем…',
  decisionRecorded: (ref: string) => `Решение по ${ref} записано.`,
  decisionRecordedNext: (ref: string) => `Решение по ${ref} записано. Это следующая задача из вашего списка.`,
  openNextTask: 'Затем открыть следующую задачу из моего списка',
  openNextTaskHint: 'Сохраняется для ваших следующих решений на этом компьютере.',
  decisionConflict: 'По этой задаче уже принято решение. Вернитесь к задачам, чтобы увидеть открытые.',
  decisionRefused: {
    own_application:
      'Вы — заявитель по этому делу, поэтому не можете принимать по нему решение (разделение обязанностей). Эту задачу должен взять коллега.',
    took_part_in_contested: (appeal: string, stage: string) =>
      `Вы участвовали в решении, которое обжалует обращение ${appeal} (${stage}). Пересмотреть его должен коллега, который в нём не участвовал (разделение обязанностей).`,
    corrected_payout:
      'Вы исправили платёжные реквизиты этой выплаты, поэтому повторную выплату должен утвердить коллега (разделение обязанностей).',
    approved_this_aid: (stage: string) =>
      `Вы одобрили эту помощь (${stage}), поэтому выплату должен утвердить тот, кто её не одобрял (разделение обязанностей).`,
    decided_before: (stage: string) =>
      `Вы уже принимали решение по этому делу (${stage}). Этот шаг должен сделать коллега (разделение обязанностей).`,
    task_role_required: 'Эта задача для другой роли, поэтому вы не можете принять по ней решение.',
    head_limit_exceeded: (limit: string) =>
      `Руководитель может одобрить до ${limit} по этому виду помощи; большую сумму одобряет комиссия. Одобрите не больше этой суммы или откажите с указанием причин.`,
    case_withdrawn: 'Тем временем заявитель отозвал заявление, поэтому решать уже нечего.',
    case_moved_on: (status: string) =>
      `Тем временем дело перешло дальше; его статус сейчас: ${status}. Вернитесь к задачам, чтобы увидеть, что нужно теперь.`,
    commission_decided:
      'Комиссия приняла решение большинством ещё до вашего голоса, поэтому ваш голос не записан.',
  },
  extensionRefused: {
    already_extended: 'Этот срок уже продлевали столько раз, сколько позволяет закон.',
    not_positive: 'Продлите на целое число дней, не меньше одного.',
    past_due: 'Срок истёк: продление нужно было решить до его окончания.',
    too_long: 'Закон не позволяет так долго продлевать срок по этому обращению. Выберите меньше дней.',
  } as Record<string, string>,
  draftRestored: 'То, что вы ранее ввели по этой задаче, восстановлено. Проверьте и запишите решение.',
  decidedByYou: (outcome: string, when: string) =>
    `Вы приняли решение по этой задаче: ${outcome}${when ? `, ${when}` : ''}.`,
  decidedByOther: (who: string, outcome: string, when: string) =>
    `${who} принял(а) решение по этой задаче: ${outcome}${when ? `, ${when}` : ''}.`,
  yourDecisionNotRecorded: 'Ваше решение не записано.',
  decisionAlreadyRecorded: (ref: string, outcome: string) =>
    `Ваше решение по ${ref} уже было записано: ${outcome}.`,
  taskClosedByMajority: 'Это голосование закрыто: комиссия уже приняла решение большинством.',
  taskReplaced: 'Эта задача больше не открыта: её заменила более новая.',
  taskNotOpened: 'Не удалось открыть задачу',
  caseNotOpened: 'Не удалось открыть дело',
  paymentsTitle: 'Выплаты',
  paymentsIntro:
    'Разрешённые к выплате суммы. Соберите их в реестр, отправьте файл в банк и отметьте, что банк выплатил.',
  disbursementStatuses: {
    authorised: 'Разрешено',
    batched: 'В реестре',
    paid: 'Выплачено',
    failed: 'Не прошло',
  },
  payee: 'Получатель',
  aidTypeColumn: 'Помощь',
  sourceColumn: 'Источник',
  statusColumn: 'Статус',
  noDisbursements: 'Выплат с таким статусом нет.',
  createBatch: 'Сформировать реестр из всех разрешённых выплат',
  creatingBatch: 'Формируем реестр…',
  batchCreated: (count: number, total: string) => `Реестр сформирован: выплат — ${count}, на сумму ${total}.`,
  downloadCsv: 'Скачать CSV',
  downloadPain: 'Скачать pain.001 (ISO 20022)',
  markPaid: 'Отметить как выплаченное',
  markFailed: 'Отметить как не прошедшее',
  settlementRecorded: (ref: string) => `Результат выплаты по ${ref} записан.`,
  showStatus: 'Показать',
  budgetsTitle: 'Бюджеты',
  budgetYear: 'Год',
  opening: 'Остаток на начало',
  allocated: 'Выделено',
  reserved: 'Зарезервировано',
  spent: 'Израсходовано',
  remaining: 'Доступно',
  reportsTitle: 'Отчёты',
  reportAidUsage: 'Выплаченная помощь по источникам и видам',
  downloadReportCsv: 'Скачать в CSV',
  families: 'Семьи с детьми',
  adults: 'Взрослые',
  persons: 'чел.',
  mailboxTitle: 'Почта (локально)',
  mailboxIntro: 'Уведомления, которые локальная система отправила заявителям, — новые сверху.',
  mailboxEmpty: 'Уведомлений пока не было.',
  to: 'Кому',
  sentAt: 'Отправлено',
  noRole: 'Ваши роли не дают доступа к этой странице.',
  // Staff desk, issue 5
  tableOf: (title: string) => `Таблица: ${title}`,
  pageNumber: (page: number) => `Страница ${page}`,
  actions: 'Действия',
  cancel: 'Отмена',
  saving: 'Сохранение…',
  search: 'Найти',
  total: 'Итого',
  navCases: 'Дела',
  navRules: 'Правила',
  navCatalogue: 'Справочник',
  hostedUiIntro: 'Вы входите на странице входа управления, с паролем и приложением-аутентификатором.',
  signInRefused: (code: string) =>
    `Вход не завершён (служба входа ответила: ${code}). Войдите снова; если это повторяется, сообщите администратору.`,
  signInDenied:
    'Служба входа вас не впустила: вход отменён или у вашей учётной записи нет доступа к рабочему месту. Войдите снова или обратитесь к администратору.',
  signInUnavailable: 'Служба входа сейчас недоступна. Попробуйте через несколько минут.',
  signInExpired: 'Вход длился слишком долго или был начат в другой вкладке. Войдите снова.',
  signInAgain: 'Войти снова',
  // Cases
  casesTitle: 'Дела',
  casesIntro: 'Найдите дело по регистрационному номеру или просмотрите дела в нужном статусе, новые первыми.',
  searchByReference: 'Регистрационный номер',
  searchByReferenceHint: 'Например, AID-2026-000123. Оставьте пустым, чтобы искать по статусу.',
  findPersonTitle: 'Найти дела человека',
  findPersonHint:
    'Для того, кто звонит без номера: полное имя, как в заявлении, и дата рождения. Ё или е и фамилия в начале или в конце не важны.',
  findPerson: 'Найти дела',
  searchByStatus: 'Статус',
  kindAid: 'Помощь',
  kindAppeal: 'Обращение',
  casesFound: (n: number, more: boolean) =>
    more ? `${n} дел на этой странице; есть ещё` : `Найдено дел: ${n}`,
  noCases: 'Ни одно дело не подходит под условия поиска.',
  caseSubject: 'Помощь или тема',
  caseTitle: (reference: string) => `Дело ${reference}`,
  openCase: (reference: string) => `Открыть всё дело ${reference}`,
  backToCases: 'Назад к делам',
  caseSections: 'Разделы дела',
  caseTab: 'Дело',
  auditTab: 'Журнал аудита',
  caseDecision: 'Решение',
  decisionOutcomes: {
    approved: 'Утверждено',
    rejected: 'Отклонено',
    waitlisted: 'Ожидает средств',
  } as Record<string, string>,
  taskStatuses: { decided: 'решено', closed: 'закрыто (не требуется)', open: 'открыто' } as Record<
    string,
    string
  >,
  minutesTitle: 'Протокол комиссии',
  minutesIntro: 'Члены комиссии, их голоса и комментарии, дата и итог — документом Markdown.',
  downloadMinutes: 'Скачать протокол',
  minutesNotYet: 'Протокол составляется, когда комиссия приняла решение. Попробуйте позже.',
  auditTitle: 'Журнал аудита',
  auditIntro: 'Все изменения дела, начиная с самых ранних: когда, кто, что и значения до и после.',
  auditCheck: 'Проверить цепочку',
  auditChecking: 'Проверка…',
  auditDownload: 'Скачать журнал (CSV)',
  auditIntact: 'Журнал цел',
  chainProblem: (p: ChainProblem): string => {
    switch (p.kind) {
      case 'edited':
        return `Событие ${p.seq} изменено: его содержимое не соответствует его хешу.`;
      case 'missing':
        return p.from === p.to
          ? `Событие ${p.from} отсутствует (удалено).`
          : `События ${p.from}–${p.to} отсутствуют (удалены).`;
      case 'broken_link':
        return `Событие ${p.seq} не связано с предыдущим.`;
      case 'unchained':
        return `Запись журнала (${p.sk}) не входит в цепочку.`;
      case 'beyond_head':
        return `Событие ${p.seq} лежит за концом, записанным в деле.`;
      case 'head_mismatch':
        return `Конец, записанный в деле, не соответствует событию ${p.seq}.`;
      case 'no_head':
        return 'Записи дела нет: конец журнала проверить невозможно.';
    }
  },
  staffReferenceInvalid: 'Введите номер полностью, например AID-2026-000123 или APL-2026-000045',
  auditBroken: 'Журнал изменён',
  auditCheckSummary: (events: number, head: number) =>
    `Проверено событий: ${events}, звено за звеном, до последнего, записанного в деле (№${head}).`,
  auditEmpty: 'Для этого дела нет записей аудита.',
  auditWhen: 'Когда',
  auditWho: 'Кто',
  auditWhat: 'Что',
  auditChange: 'Изменение',
  auditShowChange: 'Показать значения',
  auditBefore: 'До',
  auditAfter: 'После',
  actorKinds: { applicant: 'Заявитель', system: 'Система', staff: 'Сотрудник' } as Record<string, string>,
  // Commission votes
  commissionVotes: 'Голоса комиссии',
  member: 'Член комиссии',
  vote: 'Голос',
  seat: (n: number) => `Место ${n}`,
  yourVote: 'Ваш голос',
  castVote: 'Проголосовать',
  voteCommentHint: 'Попадает в протокол. Голос «отклонить» требует обоснования.',
  votesAfterYours: 'Голоса других членов комиссии появятся здесь после того, как вы проголосуете.',
  voteRecorded: (reference: string) => `Ваш голос по ${reference} учтён.`,
  youHaveVoted: 'Вы проголосовали. Поданные голоса показаны вместе с делом.',
  // Re-issue
  currentPayout: 'Текущие реквизиты выплаты',
  caseReason: 'Почему заявитель просит о помощи',
  payoutBankDetails: (p: { holder: string; iban?: string; accountNumber?: string; bic?: string }) =>
    [
      `Перевод на банковский счёт заявителя: владелец счёта ${p.holder}`,
      p.iban ? `IBAN ${p.iban}` : `номер счёта ${p.accountNumber ?? '—'}`,
      ...(p.bic ? [`БИК ${p.bic}`] : []),
    ].join(', '),
  correctPayoutQuestion: 'Реквизиты для новой выплаты',
  samePayout: 'Оставить прежние реквизиты (сбой банка был временным)',
  newPayout: 'Исправить реквизиты',
  deliveryAddressHintApplicant: 'Оставьте пустым, чтобы доставить по почтовому адресу заявителя.',
  // Finance desk
  channels: {
    bank_transfer: 'Банковский перевод',
    cash_desk: 'Касса',
    delivery: 'Натуральная помощь',
    in_kind: 'Натуральная помощь',
  } as Record<string, string>,
  attempt: (n: number) => `попытка ${n}`,
  batchEmpty: 'Нечего включить в реестр: натуральную помощь передают, а не перечисляют через банк.',
  batchTitle: (id: string) => `Реестр ${id}`,
  batchCount: 'Выплат в реестре',
  batchTotal: (currency: string) => `Итого (${currency})`,
  batchSkipped: 'Не включены',
  skipReasons: {
    not_found: 'не найдена',
    not_authorised: 'больше не разрешена',
    in_kind: 'натуральная помощь (подтвердите передачу)',
    batched_meanwhile: 'тем временем включена в другой реестр',
  } as Record<string, string>,
  batchFiles: 'Файлы реестра',
  recordResult: 'Записать результат банка',
  recordResultFor: (reference: string) => `Записать результат банка по ${reference}`,
  bankResult: 'Что сделал банк?',
  resultPaid: 'Выплачено',
  resultFailed: 'Не выплачено',
  resultFailedHint: 'Деньги возвращаются в бюджет, а финотдел получает задачу исправить и повторить выплату.',
  failureReasonLabel: 'Почему выплата не прошла?',
  failureReasonHint:
    'Как пишет банк, например «счёт закрыт». Это прочитает сотрудник, который исправит реквизиты.',
  bankReference: 'Банковский номер',
  bankReferenceHint: 'Как в выписке банка, до 35 знаков.',
  bankReferenceIs: (reference: string) => `Банковский номер: ${reference}`,
  failureReason: (reason: string) => `Причина: ${reason}`,
  settlementPaid: (reference: string) => `Записано: ${reference} выплачено.`,
  settlementFailed: (reference: string) =>
    `Записано: выплата по ${reference} не прошла. Задача исправить и повторить её — во входящих финотдела.`,
  batchNotSentYet: 'Реестр не отмечен как отправленный: результат записывается после отправки файла в банк',
  settlementBatchNotSent: (batchId: string) =>
    `Реестр ${batchId} с этой выплатой не отмечен как отправленный в банк, поэтому результата по ней ещё не может быть. Отправьте файл реестра, отметьте реестр отправленным и затем запишите результат.`,
  settlementConflict: 'Для этой выплаты уже записан другой результат.',
  batchOutcomeUnknown:
    'Не удалось узнать, сформирован ли реестр: ответ не пришёл. Список ниже обновлён. Нажмите «Сформировать реестр» ещё раз: второй реестр не появится, а если реестр уже сформирован, он будет показан.',
  batchFourEyes: (reference: string, amount: string, threshold: string) =>
    `Вы утвердили ${reference} (${amount}), а это больше ${threshold}: пакет с этой выплатой должен сформировать другой финансовый сотрудник (принцип четырёх глаз). Выберите выплаты без неё или обратитесь к коллеге.`,
  batchNothingToBatch:
    'Включать в реестр нечего: нет разрешённых выплат через банк или кассу (помощь в натуральной форме подтверждается выдачей). Список ниже обновлён.',
  batchBatchedMeanwhile: 'Все выбранные выплаты тем временем включены в другой реестр. Список ниже обновлён.',
  batchKeyReused:
    'Этот запрос нельзя повторить. Нажмите «Сформировать реестр» ещё раз, чтобы сформировать новый.',
  batchNothingToSend: 'В этом реестре нет выплат: отправлять нечего.',
  batchNoBankTransfers: 'В этом реестре нет банковских переводов: выплаты через кассу — в файле CSV.',
  officeAccountMissing: (sources: string) =>
    `Не настроен счёт учреждения для выплат из источника: ${sources}. Его задаёт администратор в параметре «office-accounts».`,
  settlementInKind: 'Это помощь в натуральной форме: подтвердите выдачу, а не результат банка.',
  settlementNotInKind: 'Эта выплата идёт через банк или кассу: запишите её результат, а не выдачу.',
  deliveredBeforeAuthorised: (date: string) =>
    `Дата выдачи раньше даты разрешения выплаты (${date}). Проверьте дату.`,
  caseNotWaiting: (status: string) =>
    `Дело больше не ожидает этой выплаты (сейчас: «${status}»). Список ниже обновлён.`,
  batchReceiptFocus: 'Только что сформированный реестр',
  confirmDelivery: 'Подтвердить передачу',
  confirmDeliveryFor: (reference: string) => `Подтвердить передачу по ${reference}`,
  deliveredAt: 'Дата передачи',
  receivedBy: 'Кто получил',
  deliveryNote: 'Примечание',
  deliveredOn: (day: string, who: string) => (who ? `Передано ${day}, получил(а) ${who}` : `Передано ${day}`),
  deliveryRecorded: (reference: string) => `Записано: помощь по ${reference} передана.`,
  // Batch register, sending to the bank, downloads
  batchesTab: 'Реестры',
  batchRegisterIntro:
    'Все платёжные реестры, сначала новые. Откройте реестр, чтобы скачать его файлы и записать, что он отправлен в банк.',
  noBatches: 'Платёжных реестров пока нет.',
  batchColumn: 'Реестр',
  createdColumn: 'Создан',
  paymentsColumn: 'Выплат',
  downloadsColumn: 'Скачивания',
  createdByAt: (who: string, when: string) => `${when}, ${who}`,
  batchStatuses: { created: 'Ещё не отправлен', sent: 'Отправлен' },
  sentByAt: (who: string, when: string) => `Отправлен в банк: ${who}, ${when}.`,
  handedByAt: (who: string, when: string) => `Передан в кассу: ${who}, ${when}.`,
  downloadsSummary: (n: number, who: string, when: string) =>
    n === 1 ? `Скачан один раз: ${who}, ${when}` : `Скачиваний: ${n}; последнее: ${who}, ${when}`,
  notDownloaded: 'Файлы этого реестра ещё никто не скачивал.',
  downloadsShown: (shown: number, all: number) => `Последние ${shown} из ${all} скачиваний.`,
  openBatch: (id: string) => `Открыть реестр ${id}`,
  openBatchHint: 'Там можно скачать его файлы и записать, когда они отправлены в банк.',
  backToBatches: 'Назад к реестрам',
  batchBankTransfers: 'Банковские переводы (в файле pain.001 и в CSV)',
  batchCashDesk: 'Выплаты в кассе (только в CSV)',
  batchFilesIntro:
    'Загрузите файл pain.001 в банк (в CSV все выплаты, в том числе кассовые). Затем отметьте реестр как отправленный.',
  batchFilesCashIntro:
    'Все выплаты этого реестра производятся в кассе: передайте CSV в кассу, затем отметьте реестр как переданный.',
  batchSentTitle: 'Этот реестр уже отправлен в банк',
  batchHandedTitle: 'Этот реестр уже передан в кассу',
  batchSentWarning:
    'Если отправить его файл в банк ещё раз, каждый человек в нём получит деньги дважды. Скачивайте его повторно только для проверки или для архива.',
  batchHandedWarning:
    'Если передать его список в кассу ещё раз, каждый человек в нём может получить деньги дважды. Скачивайте его повторно только для проверки или для архива.',
  confirmDownloadTitle: (file: string) => `Скачать файл ${file} реестра, который уже отправлен?`,
  downloadAnyway: 'Всё равно скачать',
  fileNames: { csv: 'CSV', pain001: 'pain.001' },
  markSent: 'Отметить как отправленный в банк',
  markHanded: 'Отметить как переданный в кассу',
  markSentHint:
    'Сделайте это сразу после загрузки файла в банк. Тогда финансовый отдел видит, кто и когда его отправил, и получает предупреждение перед повторным скачиванием; с этого момента можно записывать результаты выплат.',
  markHandedHint:
    'Сделайте это сразу после передачи списка в кассу. Тогда финансовый отдел видит, кто и когда его передал, и получает предупреждение перед повторным скачиванием; с этого момента можно записывать результаты выплат.',
  downloadLogTitle: 'Скачивания его файлов',
  whenColumn: 'Когда',
  whoColumn: 'Кто',
  fileColumn: 'Файл',
  batchPayments: 'Выплаты в этом реестре',
  // Cash-desk payouts
  recordCashResult: 'Записать результат кассы',
  recordCashResultFor: (reference: string) => `Записать результат кассы по ${reference}`,
  cashResult: 'Получены ли наличные?',
  cashCollected: 'Получены: человеку выплачено',
  cashNotCollected: 'Не получены',
  cashNotCollectedHint:
    'Деньги возвращаются в бюджет, а финансовый отдел получает задачу повторить выплату или закрыть дело.',
  cashFailureReasonLabel: 'Почему деньги не получены?',
  cashFailureReasonHint:
    'Например, «не пришёл в течение 30 дней». Это прочтёт сотрудник, который повторяет выплату.',
  cashReceipt: 'Номер кассового ордера',
  cashReceiptHint: 'Как в кассовом ордере, до 35 символов.',
  cashReceiptIs: (reference: string) => `Кассовый ордер: ${reference}`,
  // A failed payment and what became of it
  followUpReissued: (attempt: number, status: string) => `Выплата повторена, попытка ${attempt} (${status})`,
  followUpPending: 'Выплата повторяется: деньги снова резервируются и утверждаются',
  followUpAwaiting: 'Ещё не повторена: задача на исправление во входящих финансового отдела',
  followUpClosed: 'Дело закрыто без выплаты',
  // Payment attempts on the payment tasks
  reissueAttemptTitle: (n: number) => `Повторная выплата: это попытка ${n}`,
  paymentAttemptsTitle: 'Предыдущие попытки выплаты',
  attemptFailed: (n: number, day: string, reason: string, who: string) =>
    `Попытка ${n} не удалась ${day}: «${reason}» (записал(а) ${who}).`,
  attemptStatus: (n: number, status: string, amount: string) => `Попытка ${n}: ${status}, ${amount}.`,
  payoutCorrectedNote: 'Реквизиты для этой попытки исправлены: сверьте их с делом.',
  payoutSameNote: 'Реквизиты те же, что и в неудачной попытке: проверьте причину, прежде чем утверждать.',
  // The decision's comment, by what it is for
  decisionCommentOptionalHint: 'Виден в истории дела.',
  commentLabels: {
    question: 'Вопрос заявителю',
    rejection_reason: 'Причины отказа',
    closing_reason: 'Почему помощь нельзя выплатить',
    vote_reasons: 'Обоснование вашего голоса',
    reason: 'Причина',
    forwarded_to: 'Организация, которой передано обращение, и почему',
  },
  commentHints: {
    question: 'Заявитель получит этот вопрос и ответит на странице статуса. Просто напишите, что нужно.',
    rejection_reason: 'Заявитель прочтёт причины: объясните их простыми словами.',
    closing_reason: 'Заявителю сообщат эту причину.',
    vote_reasons: 'Заносится в протокол.',
    reason: 'Виден в истории дела.',
    forwarded_to: 'Заявителю сообщат, куда передано обращение.',
  },
  commentRequiredFor: {
    question: (outcomes: readonly string[]) =>
      `Обязателен при выборе ${either(outcomes)}: это вопрос, который получит заявитель.`,
    rejection_reason: (outcomes: readonly string[]) =>
      `Обязателен при выборе ${either(outcomes)}: заявитель читает основания.`,
    closing_reason: (outcomes: readonly string[]) =>
      `Обязателен при выборе ${either(outcomes)}: заявителю сообщат, почему выплата невозможна.`,
    vote_reasons: (outcomes: readonly string[]) =>
      `Обязателен при выборе ${either(outcomes)}: обоснование попадает в протокол.`,
    reason: (outcomes: readonly string[]) => `Обязателен при выборе ${either(outcomes)}.`,
    forwarded_to: (outcomes: readonly string[]) =>
      `Обязателен при выборе ${either(outcomes)}: укажите организацию; заявителю сообщат, куда передано обращение.`,
  },
  commentMissing: {
    question: 'Напишите вопрос заявителю',
    rejection_reason: 'Укажите причины отказа',
    closing_reason: 'Укажите, почему помощь нельзя выплатить',
    vote_reasons: 'Обоснуйте свой голос против',
    reason: 'Укажите причину',
    forwarded_to: 'Назовите организацию, которой передано обращение',
  },
  // Messages to the applicant (the staff case page)
  messagesTitle: 'Сообщения заявителю',
  noMessages: 'Сообщений пока нет.',
  messageStatuses: {
    pending: 'Ожидает отправки',
    sending: 'Отправляется',
    sent: 'Отправлено',
    failed: 'Не доставлено',
    to_print: 'Ожидает печати',
    undeliverable: 'Нет способа связаться с заявителем',
    requeued: 'Будет отправлено повторно',
  } as Record<string, string>,
  resendMessage: 'Отправить ещё раз',
  resendBusy:
    'Это сообщение отправляется прямо сейчас. Если отправка не подтвердится в течение десяти минут, его можно будет отправить ещё раз.',
  resendNotPossible:
    'Это сообщение уже нельзя отправить ещё раз: тем временем с ним уже разобрались. Его состояние показано таким, какое оно сейчас.',
  messageText: 'Что в нём было',
  messageNeverArrived: 'Заявитель его не получил?',
  letterNeverArrived: 'Письмо не дошло?',
  sendAgainConfirm: (when: string) =>
    `Оно отправлено ${when}. Отправляйте повторно, только если заявитель говорит, что не получил его: иначе он получит его дважды.`,
  reprintConfirm: (when: string) =>
    `Оно отправлено почтой ${when}. Вернуть к письмам для печати, чтобы напечатать и отправить ещё раз?`,
  printAgain: 'Напечатать ещё раз',
  messageUnconfirmed: (since: string) =>
    `Отправка началась ${since} и не подтвердилась: заявитель мог не получить это сообщение. Свяжитесь с ним иначе; страница статуса всегда показывает, где находится дело.`,
  // Letters (the print queue)
  lettersTitle: 'Письма для отправки',
  lettersIntro:
    'Письма заявителям, указавшим только почтовый адрес, — сначала самые старые. Распечатайте, отправьте и отметьте каждое как отправленное.',
  lettersEmpty: 'Писем для печати нет.',
  printLetters: 'Распечатать эти письма',
  markPosted: 'Отметить как отправленное',
  letterNoLongerToPrint: (reference: string) =>
    `Письмо по делу ${reference} больше не ждёт печати: тем временем им уже занялся коллега. Список показан таким, какой он сейчас.`,
  letterPosted: (reference: string, name: string) =>
    `Отмечено как отправленное: письмо по делу ${reference} для адресата ${name}.`,
  letterTo: 'Кому',
  letterMeta: (reference: string, date: string) => `Дело ${reference} · от ${date}`,
  letterNoAddress: 'В деле нет почтового адреса: уточните адрес заявителя перед отправкой.',
  // Budgets
  budgetGapMissingTitle: (year: string) => `Нет бюджетных статей на ${year} год`,
  budgetGapMissing: (sources: string, year: string, lastYear: string) =>
    `У этих источников были средства в ${lastYear} году, но нет статьи на ${year} год: ${sources}. Заявления, одобренные по ним, ожидают средств, пока статья не задана.`,
  budgetGapComingTitle: (year: string) => `Бюджетные статьи на ${year} год ещё не заданы`,
  budgetGapComing: (sources: string, year: string) =>
    `Ещё нет статьи на ${year} год: ${sources}. С 1 января заявления, одобренные по этим источникам, будут ожидать средств. Если источник в ${year} году ничего не выделяет, задайте статью с суммой 0.`,
  setBudgetLines: (year: string) => `Задать бюджетные статьи на ${year} год`,
  noBudgets: (year: string) => `На ${year} год нет бюджетных статей.`,
  changeBudget: (year: string) => `Задать бюджетную статью на ${year} год`,
  allocatedRoubles: 'Выделено, в рублях',
  openingRoubles: 'Остаток на начало года, в рублях',
  openingHint: 'Оставьте пустым, чтобы не менять остаток на начало года.',
  saveBudget: 'Сохранить бюджетную статью',
  budgetSaved: (source: string, year: string, amount: string) => `${source}, ${year}: выделено ${amount}.`,
  // Reports
  reportsIntro:
    'Показатели, которые управление публикует каждый год. Под каждой диаграммой — те же данные в таблице.',
  reportYear: 'Год',
  reportEmpty: (year: string) => `В ${year} году выплат ещё не было.`,
  chartSeeTable: 'Те же данные — в таблице под диаграммой.',
  tableAidUsage: (year: string, currency: string) =>
    `Выплаченная помощь в ${year} году, ${currency}, по источникам финансирования и видам; под каждой суммой — сколько человек её получили`,
  chartAidUsage: (year: string) => `Выплаченная помощь в ${year} году: взрослые и семьи с детьми`,
  personCount: (_n: number, formatted: string) => `чел.: ${formatted}`,
  ofWhichDisabled: 'из них инвалиды',
  ofWhichPensioners: 'из них пенсионеры',
  ofWhichOther: 'из них прочие',
  downloadReportCsvNamed: (report: string) => `Скачать «${report}» в CSV`,
  reportBudgets: 'Движение бюджетных средств по источникам',
  chartBudgets: (year: string) => `Движение бюджетных средств в ${year} году`,
  spentOnAdults: 'Израсходовано на взрослых',
  spentOnFamilies: 'Израсходовано на семьи',
  closing: 'Остаток на конец',
  reportBudgetsSpentByGroup: 'Израсходовано по группам получателей',
  chartBudgetsSpentByGroup: (year: string) => `Израсходовано в ${year} году по группам получателей`,
  reportAppeals: 'Обращения: поступило и рассмотрено в срок',
  periodFrom: 'С',
  periodTo: 'По',
  showReport: 'Показать',
  reportPeriod: (from: string, to: string) => `Обращения, зарегистрированные с ${from} по ${to}.`,
  chartAppeals: 'Обращения, рассмотренные в срок, с опозданием и ещё открытые после срока',
  reportCount: 'Количество',
  reportItem: 'Показатель',
  received: 'Поступило',
  priorityAppeals: 'Из них первоочередных',
  answeredTotal: 'Рассмотрено',
  answeredOnTime: 'Рассмотрено в срок',
  answeredLate: 'Рассмотрено с опозданием',
  overdueOpen: 'Открыты и просрочены',
  averageDays: 'Средний срок рассмотрения, дней',
  extensions: 'Продлён срок',
  repeatAppeals: 'Повторные обращения',
  forwarded: 'Переадресовано по компетенции',
  notAnswerable: 'Оставлено без ответа по закону',
  feedbackAverage: 'Оценка заявителей',
  ratingOf: (average: string, count: string) => `${average} из 5 (оценок: ${count})`,
  byChannel: 'Поступило по каналам',
  byKind: 'Поступило по видам',
  byTopic: 'Поступило по темам',
  byDepartment: 'Поступило по отделам',
  // Mailbox
  mailboxFilter: 'Только сообщения одного дела',
  mailboxFilterHint: 'Регистрационный номер, например AID-2026-000123. Оставьте пустым, чтобы видеть все.',
  showMessages: 'Показать',
  messageCount: (n: number) => `Сообщений: ${n}`,
  messagesFor: (n: number, reference: string) => `Сообщений по ${reference}: ${n}`,
  channelNames: { email: 'Эл. почта', sms: 'SMS', letter: 'Письмо' } as Record<string, string>,
  // Rules
  rulesTitle: 'Правила права на помощь',
  rulesIntro:
    'Правила для каждого вида помощи, все версии. Заявление проверяют по версии, действующей в день его поступления, и эта версия за ним закрепляется.',
  noRuleSets: (aidType: string) => `Для «${aidType}» ещё нет правил: заявители не могут её выбрать.`,
  ruleSetVersion: (n: number) => `Версия ${n}`,
  inForce: 'Действует',
  effectiveFrom: 'Действует с',
  effectiveFromHint: 'Сегодня или позже. Уже поданные заявления сохраняют правила, по которым их проверили.',
  hash: 'Отпечаток',
  createdBy: (who: string, when: string) => (when ? `добавил(а) ${who}, ${when}` : `добавил(а) ${who}`),
  showRules: (n: number) => `Показать правила (${n})`,
  ruleMessages: 'Что читает заявитель',
  ruleConditions: 'Условия',
  conditionAll: 'все условия:',
  conditionAny: 'любое из условий:',
  conditionNot: 'не:',
  discretionary: 'на усмотрение',
  newRuleSetVersion: 'Добавить новую версию',
  newRuleSetIntro:
    'Начните с действующей версии ниже. Измените правила в формате JSON; перед отправкой они проверяются здесь по той же схеме, что и на сервере.',
  ruleSetId: 'Название набора правил',
  ruleSetVersionNumber: 'Номер версии',
  ruleSetVersionHint: 'Оставьте пустым, чтобы взять следующий номер.',
  rulesJson: 'Правила (JSON)',
  rulesJsonHint:
    'Список правил: code, mandatory, description, messages (pass, fail) на языках en, uk, ru и zh, и conditions.',
  rulesNotJson: (detail: string) => `Правила — некорректный JSON: ${detail}`,
  ruleNumber: (n: number, code: string) => (code ? `Правило ${n} (${code})` : `Правило ${n}`),
  saveRuleSet: 'Сохранить новую версию',
  ruleSetCreated: (version: number, from: string) => `Версия ${version} сохранена; она действует с ${from}.`,
  // Catalogue
  catalogueTitle: 'Справочник',
  catalogueIntro:
    'Категории получателей, виды помощи и источники финансирования, из которых выбирают заявители и сотрудники. Изменение попадает в форму заявления в течение минуты; новый вид помощи предлагается, как только для него есть правила.',
  catalogueCategories: 'Категории получателей',
  catalogueAidTypes: 'Виды помощи',
  catalogueSources: 'Источники финансирования',
  addEntry: 'Добавить запись',
  changeEntry: (code: string) => `Изменить ${code}`,
  entryKind: 'Что добавить или изменить',
  entryCode: 'Код',
  entryCodeHint:
    'Строчные латинские буквы, цифры и подчёркивания, например food_set. Существующий код меняет эту запись.',
  entryNameIn: (language: string) => `Название (${language})`,
  entryAidKind: 'Форма помощи',
  aidKinds: {
    money: 'Денежная',
    in_kind: 'Натуральная',
    money_or_works: 'Деньги или работы',
    money_or_in_kind: 'Деньги или натуральная',
    service: 'Услуга',
    premium: 'Страховой взнос',
  } as Record<string, string>,
  entrySources: 'Обычные источники финансирования',
  entrySourcesHint: 'В порядке, в котором вы их отметите: первый выбирается по умолчанию при утверждении.',
  saveEntry: 'Сохранить запись',
  entryAdded: (code: string) => `Добавлено: ${code}.`,
  entryChanged: (code: string) => `Изменено: ${code}.`,
  entryExists: (code: string, kind: string) =>
    `В разделе «${kind}» уже есть запись с кодом «${code}». Сохранение заменило бы её: выберите другой код для новой записи или измените существующую.`,
  changeExisting: (code: string) => `Изменить «${code}»`,
  // Идентификация сотрудников (администратор: кто сотрудники как заявители, для разделения обязанностей)
  navStaffIdentities: 'Идентификация сотрудников',
  staffIdentitiesTitle: 'Идентификация сотрудников',
  staffIdentitiesIntro:
    'Никто не может решать по собственному заявлению, но система распознаёт его, только если знает, кто сотрудник как человек. Запишите ФИО, дату рождения и, если известен, номер документа так, как сотрудник указал бы их в заявлении: хранятся только ключевые хеши (ключи личности), никогда не ФИО, дата или номер.',
  identityCheckTitle: 'Проверить имя пользователя',
  identityUsernameHint: 'Как сотрудник входит в систему, например reviewer2.',
  identityCheck: 'Проверить',
  identityChecking: 'Проверяем…',
  identityRecordedOn: (username: string, when: string, by: string, keys: string) =>
    `${username}: личность записана ${when}, записал(а) ${by} (${keys}).`,
  identityNotRecorded: (username: string) =>
    `${username}: личность не записана, поэтому собственные заявления этого человека не будут распознаны.`,
  identityRecordTitle: 'Записать личность',
  identityRecordHint: 'Новая запись для того же имени пользователя заменяет прежнюю.',
  identityFullNameHint: 'Как в паспорте, как человек написал бы в заявлении.',
  identityNationalId: 'Номер документа',
  identityNationalIdHint: 'Например, номер паспорта: заявления, где он указан, распознаются и по нему.',
  identitySave: 'Записать личность',
  identitySaving: 'Записываем…',
  identitySavedTitle: (username: string) => `Личность записана для ${username}`,
  identitySaved: 'ФИО, дата рождения и номер не сохранены, и форма их больше не содержит.',
  identityPersonKeys: 'Ключи личности',
  identityPersonKeysCount: (n: number) => `ключей личности: ${n}`,
  identityRecordedAt: 'Записано',
  identityErrors: {
    username: 'Введите имя пользователя: только буквы, цифры и . _ @ + -, до 128 символов',
    fullName: 'Введите фамилию, имя, отчество',
    fullNameInvalid: 'Введите фамилию, имя, отчество до 200 символов, в одну строку',
    birthDate: 'Введите настоящую дату рождения: день, месяц и год, например 2 4 1950',
    nationalId: 'Введите номер документа до 50 символов или оставьте поле пустым',
  },
  // Регистрация обращения
  navRegisterAppeal: 'Зарегистрировать обращение',
  registerAppealTitle: 'Зарегистрировать обращение',
  registerAppealIntro:
    'Для обращения, поступившего по электронной почте, почтой, по телефону, на личном или выездном приёме. Внесите его так, как его подал человек: он получит номер и код доступа, чтобы следить за ним, а ответ должен быть дан в установленный законом срок.',
  registerChannel: 'Как поступило обращение?',
  registerReceivedOn: 'Дата поступления',
  registerReceivedOnHint:
    'День, когда пришло письмо или электронное письмо либо человек позвонил или пришёл. Не может быть в будущем.',
  registerRelatedHint:
    'Если человек не согласен с решением по своему заявлению — его номер, например AID-2026-000123.',
  registerText: 'Обращение',
  registerTextHint: 'Что человек написал или сказал: ситуация и о чём он просит.',
  registerAboutPerson: 'Заявитель',
  registerFullNameHint: 'Оставьте пустым только для анонимного письма.',
  registerCategories: 'Категории, которые называет человек',
  registerCategoriesHint:
    'Людям с инвалидностью и ветеранам войны отвечают в сокращённый срок. Отметьте все подходящие.',
  registerContactLegend: 'Как отправить человеку ответ?',
  registerContactHint: 'Хотя бы одно: ответ придёт по электронной почте, SMS со ссылкой или почтой.',
  registerLanguage: 'Язык ответа',
  registerNoContactTitle: 'Ответить человеку некуда',
  registerNoContact:
    'Без электронной почты, телефона или почтового адреса обращение будет зарегистрировано, но ответить на него нельзя.',
  registerSubmit: 'Зарегистрировать обращение',
  registering: 'Регистрируем…',
  registerErrors: {
    channel: 'Выберите, как поступило обращение',
    received: 'Укажите дату поступления обращения',
    receivedFuture: 'Дата поступления не может быть в будущем',
  },
  appealRegisteredTitle: (reference: string) => `Обращение ${reference} зарегистрировано`,
  registerGiveCodeTitle: 'Сообщите человеку номер и код доступа',
  registerGiveCode:
    'Продиктуйте их или отправьте почтой: с ними человек следит за обращением и читает ответ на странице статуса. Код доступа показан только сейчас.',
  registerNotAnswerable: 'Нет имени или способа ответить, поэтому закон не требует ответа.',
  registerLateTitle: 'Зарегистрировано с опозданием',
  registeredLate: (days: number, limit: number) =>
    `Зарегистрировано через ${days} ${days % 10 === 1 && days % 100 !== 11 ? 'день' : days % 10 >= 2 && days % 10 <= 4 && (days % 100 < 12 || days % 100 > 14) ? 'дня' : 'дней'} после поступления; закон требует регистрации в течение ${limit} ${limit === 1 ? 'дня' : 'дней'}.`,
  registerDueDate: 'Ответить до',
  registerPriority: 'Первоочередное',
  registerPriorityYes: 'Да: сокращённый срок',
  registerAnother: 'Зарегистрировать ещё одно обращение',
  registerSendUnknown:
    'Ответ AidFlow не дошёл до этой страницы, поэтому неизвестно, зарегистрировано ли обращение. Зарегистрируйте его ещё раз с этой страницы: дважды оно не будет зарегистрировано, а вы получите номер и код доступа. Форма сохранена.',
  registerAsFirstSentTitle: 'Зарегистрировано в первоначальном виде',
  registerAsFirstSent:
    'Первая отправка дошла, потерялся только ответ на неё. Обращение зарегистрировано в том виде, в каком было отправлено тогда, без последующих изменений формы: сообщите отделу, который на него отвечает, что изменилось.',
  registerSentElsewhere:
    'Это обращение уже зарегистрировано из другой вкладки с другими данными: его номер и код доступа показаны там. Если зарегистрировать его отсюда, будет зарегистрировано новое обращение.',
  registeredColumn: 'Зарегистрировано',
  channelLabel: 'Канал',
  // Повторные обращения
  repeatsLabel: 'Повторное к',
  repeatNth: (n: number, months: number) => `${n}-е обращение на эту тему за ${months} месяцев`,
  navRepeatAppellants: 'Повторные обращения',
  repeatAppellantsTitle: 'Люди, обращающиеся повторно',
  repeatAppellantsIntro: (months: number) =>
    `Люди, снова обратившиеся по теме, по которой уже обращались в течение ${months} месяцев; сначала те, у кого больше всего повторных обращений. Каждое повторное обращение в своём деле ссылается на предыдущее.`,
  repeatAppellantsEmpty: 'Никто не обращался повторно.',
  repeatAppellantsCount: (n: number) => `Человек: ${n}`,
  personColumn: 'Человек',
  repeatAppealsColumn: 'Повторных обращений',
  topicsColumn: 'Темы',
  lastAppealColumn: 'Последнее обращение',
};
