/**
 * The database schema. drizzle-kit generates the migrations in db/migrations from this file
 * (`npm run db:generate`); never edit a generated migration that has shipped.
 *
 * Two kinds of table:
 * - owned tables travel in bundles. Each row has a stable UUID, the code of the organisation
 *   that owns it (a ward or the city), `updated_at`, and a `deleted` tombstone so deletions
 *   travel too. They are listed in db/owned-tables.ts.
 * - local tables (meta, change_log, audit_log, bundles, keys) never leave the machine.
 *
 * The owned tables' CHECK rules (status values, percent 0–100, deleted 0/1, id shape…) live in
 * migration 0003 as triggers, which drizzle's schema cannot express.
 */
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const owned = {
  id: text('id').primaryKey(),
  owner: text('owner').notNull(),
  updatedAt: text('updated_at').notNull(),
  deleted: integer('deleted').notNull().default(0),
};

// ---- local ---------------------------------------------------------------------------------

export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Cities and wards known to this database; the ward list comes down in the city's catalog. */
export const org = sqliteTable('org', {
  code: text('code').primaryKey(),
  kind: text('kind', { enum: ['city', 'ward'] }).notNull(),
  name: text('name').notNull(),
  parentCode: text('parent_code'),
  updatedAt: text('updated_at').notNull(),
});

export const changeLog = sqliteTable(
  'change_log',
  {
    origin: text('origin').notNull(),
    seq: integer('seq').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    owner: text('owner').notNull(),
    data: text('data').notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.origin, t.seq] }), index('change_log_row').on(t.tableName, t.rowId)],
);

/**
 * The latest version of each row the city has acknowledged, moved out of the change log by
 * compaction (WITHOUT ROWID in migration 0010). data is null while the row in its table is still
 * that version; the writer fills it in before the row changes again.
 */
export const changeLogAcked = sqliteTable(
  'change_log_acked',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    seq: integer('seq').notNull(),
    data: text('data'),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId] })],
);

export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  detail: text('detail'),
});

// ---- owned: catalog (a ward's own, or the city's) ------------------------------------------

export const unit = sqliteTable('unit', { ...owned, code: text('code').notNull(), name: text('name').notNull() }, (t) => [
  uniqueIndex('unit_owner_code').on(t.owner, t.code),
]);

export const directive = sqliteTable(
  'directive',
  {
    ...owned,
    code: text('code').notNull(),
    number: text('number').notNull(),
    issuedOn: text('issued_on'),
    issuer: text('issuer').notNull(),
    title: text('title').notNull(),
    /** The order reports list it in: the city's catalog order for the city's, the ward's own for its own. */
    sort: integer('sort').notNull().default(0),
  },
  (t) => [uniqueIndex('directive_owner_code').on(t.owner, t.code)],
);

export const area = sqliteTable(
  'area',
  { ...owned, code: text('code').notNull(), name: text('name').notNull(), sort: integer('sort').notNull().default(0) },
  (t) => [uniqueIndex('area_owner_code').on(t.owner, t.code)],
);

export const indicator = sqliteTable(
  'indicator',
  {
    ...owned,
    code: text('code').notNull(),
    areaId: text('area_id')
      .notNull()
      .references(() => area.id),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    isRatio: integer('is_ratio').notNull().default(0),
    numeratorLabel: text('numerator_label'),
    denominatorLabel: text('denominator_label'),
    note: text('note'),
    sort: integer('sort').notNull().default(0),
    /**
     * How values of shorter periods make a longer one's (shared/rules/indicator.ts): 'latest',
     * 'sum' or 'average'; null is 'latest'. A ratio always adds numerators and denominators.
     */
    aggregation: text('aggregation'),
  },
  (t) => [
    uniqueIndex('indicator_owner_code').on(t.owner, t.code),
    index('indicator_code').on(t.code),
    index('indicator_city').on(t.id, t.deleted, t.code, t.owner),
    index('indicator_live').on(t.deleted, t.code),
  ],
);

/**
 * A target for one indicator and year. The city may assign one to every ward (ward_code '')
 * or to one ward; a ward may set its own in its plan. The ward's own wins, then the city's.
 */
export const indicatorTarget = sqliteTable(
  'indicator_target',
  {
    ...owned,
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicator.id),
    year: integer('year').notNull(),
    /** '' for a target the city sets for every ward. */
    wardCode: text('ward_code').notNull().default(''),
    comparator: text('comparator').notNull(),
    target: real('target').notNull(),
    baseline: real('baseline'),
    span: text('span'),
  },
  (t) => [
    uniqueIndex('target_owner_indicator_year_ward').on(t.owner, t.indicatorId, t.year, t.wardCode),
    index('indicator_target_city').on(t.year, t.deleted, t.indicatorId, t.owner, t.wardCode, t.comparator, t.target),
  ],
);

/** The city's reporting calendar: which period is due when. */
export const reportingDeadline = sqliteTable(
  'reporting_deadline',
  { ...owned, period: text('period').notNull(), dueOn: text('due_on').notNull(), title: text('title').notNull() },
  (t) => [uniqueIndex('reporting_deadline_owner_period').on(t.owner, t.period)],
);

// ---- owned: the ward's plan and its follow-up ----------------------------------------------

export const plan = sqliteTable(
  'plan',
  {
    ...owned,
    year: integer('year').notNull(),
    title: text('title').notNull(),
    docNumber: text('doc_number'),
    issuedOn: text('issued_on'),
    issuer: text('issuer'),
    signerTitle: text('signer_title'),
    signerName: text('signer_name'),
    generalGoal: text('general_goal'),
    budgetVnd: integer('budget_vnd'),
  },
  (t) => [uniqueIndex('plan_owner_year').on(t.owner, t.year)],
);

export const task = sqliteTable(
  'task',
  {
    ...owned,
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id),
    no: integer('no').notNull(),
    areaId: text('area_id')
      .notNull()
      .references(() => area.id),
    sourceDirectiveId: text('source_directive_id').references(() => directive.id),
    content: text('content').notNull(),
    leadUnitId: text('lead_unit_id')
      .notNull()
      .references(() => unit.id),
    /** JSON array of unit ids. */
    partnerUnitIds: text('partner_unit_ids').notNull().default('[]'),
    /** Partners written as a group, not as units ("Các phòng, ban, đơn vị có liên quan"). */
    partnerNote: text('partner_note'),
    person: text('person'),
    timeline: text('timeline'),
    deadline: text('deadline'),
    output: text('output'),
    authority: text('authority'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('task_plan').on(t.planId),
    index('task_area').on(t.areaId),
    index('task_city').on(t.planId, t.deleted, t.id, t.sourceDirectiveId, t.deadline, t.timeline),
  ],
);

/** Append-only: a progress entry is never edited; a correction is a new entry. */
export const taskProgress = sqliteTable(
  'task_progress',
  {
    ...owned,
    taskId: text('task_id')
      .notNull()
      .references(() => task.id),
    date: text('date').notNull(),
    status: text('status', { enum: ['not_started', 'in_progress', 'done'] }).notNull(),
    percent: integer('percent').notNull(),
    note: text('note'),
    byName: text('by_name').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('task_progress_task').on(t.taskId, t.date)],
);

/**
 * What a task's progress entries say about its status, one row per task that has entries on real
 * dates: derived from task_progress (migration 0013, WITHOUT ROWID there; its triggers mark a
 * task's facts unknown as entries are written, db/progress-facts.ts computes them again), never
 * carried in bundles. See db/city/progress.ts.
 */
export const taskProgressFacts = sqliteTable(
  'task_progress_facts',
  {
    taskId: text('task_id').notNull(),
    owner: text('owner').notNull(),
    /** The latest entry's date. */
    lastDate: text('last_date').notNull(),
    /** The latest entry's status (same-day entries in the order written). */
    lastStatus: text('last_status').notNull(),
    /** When lastStatus is 'done': the first day of the final unbroken run of 'done'. */
    doneOn: text('done_on'),
    /** The latest day with a 'done'. */
    lastDone: text('last_done'),
    /** The latest day the work was under way: in progress, or a percent above 0. */
    lastActive: text('last_active'),
  },
  (t) => [primaryKey({ columns: [t.owner, t.taskId] })],
);

export const indicatorValue = sqliteTable(
  'indicator_value',
  {
    ...owned,
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicator.id),
    period: text('period').notNull(),
    value: real('value').notNull(),
    numerator: real('numerator'),
    denominator: real('denominator'),
    note: text('note'),
    byName: text('by_name').notNull(),
  },
  (t) => [
    uniqueIndex('indicator_value_owner_indicator_period').on(t.owner, t.indicatorId, t.period),
    index('indicator_value_period').on(t.period),
    index('indicator_value_indicator_period').on(t.indicatorId, t.period),
    index('indicator_value_city').on(t.period, t.deleted, t.indicatorId, t.owner, t.value, t.numerator, t.denominator),
  ],
);

/** Metadata of an evidence file; the bytes live beside the database under their SHA-256. */
export const evidence = sqliteTable(
  'evidence',
  {
    ...owned,
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    taskId: text('task_id').references(() => task.id),
    progressId: text('progress_id').references(() => taskProgress.id),
    note: text('note'),
    addedAt: text('added_at').notNull(),
  },
  (t) => [index('evidence_task').on(t.taskId), index('evidence_sha').on(t.sha256)],
);

export const report = sqliteTable(
  'report',
  {
    ...owned,
    period: text('period').notNull(),
    status: text('status', { enum: ['draft', 'approved', 'sent'] }).notNull(),
    docNumber: text('doc_number'),
    approvedBy: text('approved_by'),
    approvedAt: text('approved_at'),
    sentAt: text('sent_at'),
    /** The computed figures frozen at approval (JSON), so the city sees what was signed. */
    figures: text('figures'),
    /** 0: the period's report; 1, 2…: supplementary reports (báo cáo bổ sung) after it was approved. */
    supplement: integer('supplement').notNull().default(0),
    /** The body sections the officer edited (JSON, see ReportBody); a section left out is written from the figures. */
    body: text('body'),
    /** "Nơi nhận" lines (JSON array); null: the ward's default list. */
    recipients: text('recipients'),
  },
  (t) => [uniqueIndex('report_owner_period_supplement').on(t.owner, t.period, t.supplement)],
);

export const reportNarrative = sqliteTable(
  'report_narrative',
  {
    ...owned,
    reportId: text('report_id')
      .notNull()
      .references(() => report.id),
    areaId: text('area_id')
      .notNull()
      .references(() => area.id),
    results: text('results').notNull().default(''),
    shortcomings: text('shortcomings').notNull().default(''),
    nextTasks: text('next_tasks').notNull().default(''),
    proposals: text('proposals').notNull().default(''),
  },
  (t) => [uniqueIndex('report_narrative_report_area').on(t.reportId, t.areaId)],
);

/** The plan document's own words: the sections an officer writes rather than the app computes. */
export const planDocument = sqliteTable(
  'plan_document',
  {
    ...owned,
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id),
    previousResults: text('previous_results').notNull().default(''),
    objectives: text('objectives').notNull().default(''),
    solutions: text('solutions').notNull().default(''),
    organisation: text('organisation').notNull().default(''),
    /** "Nơi nhận" lines (JSON array); null: the ward's default list. */
    recipients: text('recipients'),
  },
  (t) => [uniqueIndex('plan_document_plan').on(t.planId)],
);

// ---- local: sync and keys --------------------------------------------------------------------

/** Bundles this installation wrote. */
export const bundleOut = sqliteTable('bundle_out', {
  bundleId: text('bundle_id').primaryKey(),
  kind: text('kind', { enum: ['changes', 'snapshot', 'catalog'] }).notNull(),
  seqFrom: integer('seq_from').notNull(),
  seqTo: integer('seq_to').notNull(),
  manifestSha256: text('manifest_sha256').notNull(),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  size: integer('size').notNull(),
  createdAt: text('created_at').notNull(),
  acknowledgedAt: text('acknowledged_at'),
  receipt: text('receipt'),
});

/** Bundles this installation received: applied, waiting for an earlier one, or refused. */
export const bundleIn = sqliteTable(
  'bundle_in',
  {
    bundleId: text('bundle_id').notNull(),
    origin: text('origin').notNull(),
    owner: text('owner').notNull(),
    kind: text('kind').notNull(),
    seqFrom: integer('seq_from').notNull(),
    seqTo: integer('seq_to').notNull(),
    manifestSha256: text('manifest_sha256').notNull(),
    prevManifestSha256: text('prev_manifest_sha256'),
    keyId: text('key_id').notNull(),
    status: text('status', { enum: ['applied', 'pending'] }).notNull(),
    receivedAt: text('received_at').notNull(),
    appliedAt: text('applied_at'),
    /** Where a pending bundle waits, so it can be applied when the gap fills. */
    storedPath: text('stored_path'),
    receipt: text('receipt'),
  },
  // Keyed by owner too: a bundle id another ward used first never blocks this ward's bundle.
  (t) => [primaryKey({ columns: [t.owner, t.bundleId] }), index('bundle_in_origin').on(t.origin, t.seqFrom)],
);

/** Per sending installation: what has been applied, so bundles apply in order and only once. */
export const originState = sqliteTable('origin_state', {
  origin: text('origin').primaryKey(),
  owner: text('owner').notNull(),
  lastSeq: integer('last_seq').notNull(),
  lastManifestSha256: text('last_manifest_sha256'),
  lastReceivedAt: text('last_received_at'),
});

/**
 * Which organisation each sending installation belongs to: fixed by the first bundle applied from
 * it, so no other organisation can ever write under that origin's sequence numbers.
 */
export const originRegistry = sqliteTable('origin_registry', {
  origin: text('origin').primaryKey(),
  orgCode: text('org_code').notNull(),
  registeredAt: text('registered_at').notNull(),
  /** The key that signed the first bundle, for the record. */
  keyId: text('key_id'),
});

/** Public keys this installation trusts: enrolled wards' keys (city side) or the city's key (ward side). */
export const trustedKey = sqliteTable('trusted_key', {
  keyId: text('key_id').primaryKey(),
  orgCode: text('org_code').notNull(),
  publicKey: text('public_key').notNull(),
  fingerprint: text('fingerprint').notNull(),
  addedAt: text('added_at').notNull(),
  revokedAt: text('revoked_at'),
  revokedReason: text('revoked_reason'),
  document: text('document'),
});

/** Evidence blobs already carried in a bundle, so each file travels once. */
export const blobSent = sqliteTable('blob_sent', {
  sha256: text('sha256').primaryKey(),
  bundleId: text('bundle_id').notNull(),
  at: text('at').notNull(),
});

/**
 * A stable integer per task: its row in the task_search FTS table. task_search's task_id column is
 * not indexed (FTS5 indexes text, not keys), so re-indexing a task deletes by this rowid instead of
 * scanning the whole index — which at a city holding thousands of wards' tasks is the difference
 * between microseconds and tens of milliseconds per task.
 */
export const taskSearchKey = sqliteTable('task_search_key', {
  rid: integer('rid').primaryKey(),
  taskId: text('task_id').notNull().unique(),
});

// ---- local: the city's dashboard ------------------------------------------------------------

/** City staff who sign in to the dashboard. The password is kept only as an Argon2id hash. */
export const cityUser = sqliteTable(
  'city_user',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'viewer'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    disabledAt: text('disabled_at'),
  },
  (t) => [uniqueIndex('city_user_name').on(t.name)],
);

/** Every sign-in attempt, so repeated failures lock the account for a while. */
export const cityLoginAttempt = sqliteTable(
  'city_login_attempt',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userName: text('user_name').notNull(),
    at: text('at').notNull(),
    ok: integer('ok').notNull(),
  },
  (t) => [index('city_login_attempt_user').on(t.userName, t.at)],
);

/** A signed-in browser: the cookie's token is stored only as its SHA-256; csrf is echoed in a header. */
export const cityWebSession = sqliteTable('city_web_session', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => cityUser.id),
  csrf: text('csrf').notNull(),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
});

/** Enrollment requests received by the city, waiting for the fingerprint to be read back and approved. */
export const enrollmentRequest = sqliteTable(
  'enrollment_request',
  {
    id: text('id').primaryKey(),
    wardCode: text('ward_code').notNull(),
    wardName: text('ward_name').notNull(),
    keyId: text('key_id').notNull(),
    fingerprint: text('fingerprint').notNull(),
    officerName: text('officer_name'),
    officerTitle: text('officer_title'),
    document: text('document').notNull(),
    receivedAt: text('received_at').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] }).notNull(),
    decidedAt: text('decided_at'),
    decidedBy: text('decided_by'),
    response: text('response'),
  },
  (t) => [uniqueIndex('enrollment_request_key').on(t.keyId)],
);

/** What the city keeps about each ward beyond the catalog: its group (district) and whom to call. */
export const wardInfo = sqliteTable(
  'ward_info',
  {
    wardCode: text('ward_code').primaryKey(),
    wardGroup: text('ward_group'),
    contactName: text('contact_name'),
    contactTitle: text('contact_title'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('ward_info_group').on(t.wardGroup)],
);

/** Ward side: each bundle handed to the city's hub, with the upload address so a restart resumes it. */
export const hubSend = sqliteTable('hub_send', {
  bundleId: text('bundle_id').primaryKey(),
  filePath: text('file_path').notNull(),
  uploadUrl: text('upload_url'),
  status: text('status', { enum: ['waiting', 'sent', 'refused'] }).notNull(),
  /** The hub's answer (JSON of HubOutcome). */
  outcome: text('outcome'),
  /** The last failure to reach the hub (JSON of ApiError), cleared on success. */
  error: text('error'),
  attempts: integer('attempts').notNull().default(0),
  updatedAt: text('updated_at').notNull(),
});

/** City side: what the hub did with each finished upload, so a ward that lost the answer can ask again. */
export const hubUpload = sqliteTable('hub_upload', {
  uploadId: text('upload_id').primaryKey(),
  wardCode: text('ward_code').notNull(),
  keyId: text('key_id').notNull(),
  /** JSON of HubOutcome. */
  outcome: text('outcome').notNull(),
  finishedAt: text('finished_at').notNull(),
});

/** City side: enrollment requests posted to the hub, waiting for approval after the phone call. */
export const enrollmentInbox = sqliteTable('enrollment_inbox', {
  id: text('id').primaryKey(),
  wardCode: text('ward_code').notNull(),
  keyId: text('key_id').notNull(),
  fingerprint: text('fingerprint').notNull(),
  request: text('request').notNull(),
  status: text('status', { enum: ['pending', 'approved', 'refused'] }).notNull(),
  response: text('response'),
  receivedAt: text('received_at').notNull(),
  decidedAt: text('decided_at'),
});
