/**
 * The city's API as every host sees it (the dashboard, the hub, the city's command line): a method
 * name, untrusted arguments and the signed-in person in; a result out. Arguments pass their schema
 * and the person's role is checked before any service runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, count, countDistinct, desc, isNull, ne } from 'drizzle-orm';
import { toApiError, zodToApiError } from '../../shared/api/errors';
import type { DocumentFile } from '../../shared/api/contract';
import {
  CITY_ADMIN_METHODS,
  citySchemas,
  isCityMethod,
  type CityMe,
  type CityMethod,
  type CityOutput,
  type CityParsedInput,
  type CityResult,
  type CityRole,
} from '../../shared/api/contract-city';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import type { KeyStore } from '../keys/key-store';
import type { Session } from '../session';
import { inTransaction, todayIso } from '../session';
import { audit } from '../write';
import { addUser, disableUser, listUsers, setPassword, sessionOf, signIn, signOut, type SignedIn } from '../city/accounts';
import { catalogView, setCityTarget, setWardInfo } from '../city/catalog';
import { completeness } from '../city/completeness';
import { approveEnrollment, listEnrollments, rejectEnrollment, submitEnrollment } from '../city/enrollment';
import { exchangeFile } from '../city/exchange';
import { cityKeyInfo, rotateCityKey } from '../city/keys';
import { cityIndicators, indicatorDetail } from '../city/indicators';
import { directiveTable, directiveWards, wardTasks } from '../city/progress';
import { cityReportFile } from '../city/report-files';
import { listWards, periodScope } from '../city/scope';
import { wardPage } from '../city/ward-page';
import { buildReceivedReportDocx } from '../reports/docx-report';
import { publishCatalog } from '../sync/publish';
import { revokeWard } from '../sync/enroll';
import { formatPeriodCode, periodContaining, shiftPeriod } from '../../shared/rules/period';
import { getMeta } from '../database';
import { auditLog, trustedKey } from '../schema';
import { DatabaseHolder } from './handlers';
import { createCityOpsHandlers } from './handlers-city-ops';

export interface CityActor {
  name: string;
  role: CityRole;
}

export interface CityApiOptions {
  dbPath: string;
  migrationsFolder?: string | undefined;
  now?: (() => string) | undefined;
  /** The city's signing key: needed to approve enrollments and publish the catalog. */
  keyStore?: (() => KeyStore) | undefined;
  /** Where documents are kept as well as handed to the browser; beside the database by default. */
  outDir?: string | undefined;
  /**
   * Where one document goes instead of the folder: the command line names its file itself
   * (--out). A host option, never an argument, so no browser picks a path on the server.
   */
  documentPath?: ((fileName: string) => string) | undefined;
  /** Where a published catalog bundle goes; `<outDir>/catalog` by default. */
  catalogDir?: string | undefined;
}

type CityHandler<M extends CityMethod> = (input: CityParsedInput<M>, actor: CityActor) => CityOutput<M> | Promise<CityOutput<M>>;
type CityHandlers = { [M in CityMethod]: CityHandler<M> };

export class CityApi {
  readonly holder: DatabaseHolder;
  private readonly handlers: CityHandlers;

  constructor(readonly opts: CityApiOptions) {
    this.holder = new DatabaseHolder({ dbPath: opts.dbPath, migrationsFolder: opts.migrationsFolder, now: opts.now });
    this.handlers = this.createHandlers();
  }

  /** The city's session; a ward's database is refused, whatever host asked. */
  session(): Session {
    const s = this.holder.requireSession();
    if (s.role !== 'city') throw new AppError('sync.city_only');
    return s;
  }

  async call(method: string, rawInput: unknown, actor: CityActor): Promise<CityResult<CityMethod>> {
    if (!isCityMethod(method)) return { ok: false, error: { code: 'api.unknown_method', params: { method } } };
    if (CITY_ADMIN_METHODS.has(method) && actor.role !== 'admin') return { ok: false, error: { code: 'auth.admin_only', params: { method } } };
    const parsed = citySchemas[method].safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: zodToApiError(parsed.error) };
    try {
      const handler = this.handlers[method] as (i: unknown, a: CityActor) => unknown;
      const value = await handler(parsed.data, actor);
      return { ok: true, value } as CityResult<CityMethod>;
    } catch (e) {
      return { ok: false, error: toApiError(e) };
    }
  }

  signIn(name: string, password: string): Promise<SignedIn> {
    return signIn(this.session(), name, password);
  }

  sessionOf(token: string | undefined): CityMe | null {
    return sessionOf(this.session(), token);
  }

  signOut(token: string | undefined): void {
    signOut(this.session(), token);
  }

  /**
   * Computes the current and the last quarter's aggregations ahead of the first question, so the
   * first person to open the dashboard does not wait for 3,300 wards to be read.
   */
  warmUp(): void {
    const session = this.session();
    const current = periodContaining('quarter', todayIso(session.now()));
    for (const p of [current, shiftPeriod(current, -1)]) {
      const code = formatPeriodCode(p);
      completeness(session, { period: code, page: 1, pageSize: 1 });
      directiveTable(session, code);
      cityIndicators(session, { period: code });
    }
  }

  close(): void {
    this.holder.close();
  }

  private keyStore(): KeyStore {
    if (!this.opts.keyStore) throw new AppError('city.no_key_store');
    return this.opts.keyStore();
  }

  private outDir(): string {
    return this.opts.outDir ?? path.join(path.dirname(path.resolve(this.opts.dbPath)), 'wardplan-city-outbox');
  }

  /** Kept in the city's folder as well as handed to the browser, written whole or not at all. */
  private async deliver(data: Buffer, fileName: string): Promise<DocumentFile> {
    const target = this.opts.documentPath ? path.resolve(this.opts.documentPath(fileName)) : path.join(this.outDir(), fileName);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, data);
    return { path: target, fileName, size: data.length, contentBase64: data.toString('base64') };
  }

  private createHandlers(): CityHandlers {
    const s = () => this.session();
    return {
      'city.overview': () => {
        const session = s();
        const today = todayIso(session.now());
        const wards = listWards(session);
        const enrolled = session.db.orm
          .select({ n: countDistinct(trustedKey.orgCode) })
          .from(trustedKey)
          .where(and(isNull(trustedKey.revokedAt), ne(trustedKey.orgCode, session.orgCode)))
          .get()!.n;
        const current = periodContaining('quarter', today);
        const year = current.year;
        const periods = [
          ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`),
          `${year}-H1`,
          `${year}-H2`,
          `${year}`,
          ...[1, 2, 3, 4].map((q) => `${year - 1}-Q${q}`),
          `${year - 1}`,
        ];
        return {
          city: { code: session.orgCode, name: getMeta(session.db, 'city_name') ?? session.orgCode },
          today,
          currentPeriod: formatPeriodCode(current),
          wards: wards.length,
          enrolled,
          groups: [...new Set(wards.map((w) => w.group).filter((g): g is string => !!g))].sort((a, b) => a.localeCompare(b, 'vi')),
          periods,
        };
      },
      'city.completeness': (i) => completeness(s(), i),
      'city.directives': (i) => directiveTable(s(), i.period, i.group),
      'city.directiveWards': (i) => directiveWards(s(), i),
      'city.wardTasks': (i) => wardTasks(s(), i),
      'city.indicators': (i) => cityIndicators(s(), i),
      'city.indicatorDetail': (i) => indicatorDetail(s(), i),
      'city.ward': (i) => wardPage(s(), i),
      'city.wardReport': async (i) => {
        const code = periodScope(s(), i.period).code;
        const data = await buildReceivedReportDocx(s(), i.wardCode, code);
        return this.deliver(data, `Bao-cao_${i.wardCode}_${code}.docx`);
      },
      'city.report': async (i) => {
        const f = await cityReportFile(s(), i.period, i.format, i.table);
        return this.deliver(f.data, f.fileName);
      },
      'city.export': async (i) => {
        const f = exchangeFile(s(), i.period, i.format, i.mapping);
        return this.deliver(f.data, f.fileName);
      },
      'city.enrollments': () => listEnrollments(s()),
      'city.catalog': (i) => catalogView(s(), i.year),
      'city.enrollments.submit': (i, a) => submitEnrollment(s(), i.fileName, Buffer.from(i.contentBase64, 'base64'), a.name),
      'city.enrollments.approve': async (i, a) => {
        const r = await approveEnrollment({ ...s(), actor: a.name }, this.keyStore(), i.id, a.name);
        return { ...(await this.deliver(r.response, r.fileName)), enrollment: r.enrollment };
      },
      'city.enrollments.reject': (i, a) => rejectEnrollment(s(), i.id, a.name),
      'city.keys.revoke': (i, a) => {
        const as = { ...s(), actor: a.name };
        return inTransaction(as, () => {
          const revoked = revokeWard(as, i.wardCode, i.reason, i.keyId);
          audit(as, 'key.revoke', 'trusted_key', i.wardCode, { revoked, reason: i.reason });
          return { revoked };
        });
      },
      'city.keys': () => cityKeyInfo(s()),
      'city.keys.rotate': (_i, a) => rotateCityKey(s(), this.keyStore(), a.name),
      'city.wards.setInfo': (i, a) => setWardInfo(s(), i, a.name),
      'city.catalog.setTarget': (i, a) => setCityTarget(s(), i, a.name),
      'city.catalog.publish': async (_i, a) => {
        const dir = this.opts.catalogDir ?? path.join(this.outDir(), 'catalog');
        fs.mkdirSync(dir, { recursive: true });
        const r = await publishCatalog({ ...s(), actor: a.name }, this.keyStore(), dir);
        const data = fs.readFileSync(r.path);
        return {
          path: r.path,
          fileName: r.fileName,
          size: data.length,
          contentBase64: data.toString('base64'),
          changes: r.changes,
          wards: r.wards,
          receipts: r.receipts,
        };
      },
      'city.users.list': () => listUsers(s()),
      'city.users.add': (i, a) => addUser(s(), i, a.name),
      'city.users.passwd': (i, a) => setPassword(s(), i.name, i.password, a.name),
      'city.users.disable': (i, a) => disableUser(s(), i.name, a.name),
      ...createCityOpsHandlers({ dbPath: this.opts.dbPath, now: this.opts.now, session: s, keyStore: () => this.keyStore() }),
      'city.audit': (i) => {
        const orm = s().db.orm;
        const total = orm.select({ n: count() }).from(auditLog).get()!.n;
        const rows = orm
          .select()
          .from(auditLog)
          .orderBy(desc(auditLog.id))
          .limit(i.pageSize)
          .offset((i.page - 1) * i.pageSize)
          .all();
        return { total, rows };
      },
    };
  }
}
