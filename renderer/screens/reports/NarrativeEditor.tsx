/**
 * The report's text, written per area: four parts each, saved one area at a time. What is typed
 * and not yet saved survives a failed save (the error shows, the text stays), leaving the screen
 * (kept per period and area until saved) and switching periods; a reload asks first.
 */
import { Button, Col, Collapse, Flex, Input, Row, Tag, Typography } from 'antd';
import { CheckCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/contract';
import type { AreaNarrative, ReportView } from '../../../shared/api/report-types';
import { call, toApiError } from '../../api/client';
import { FormError } from '../../components/FormError';
import { fmtDateTime } from '../../i18n/format';

export const NARRATIVE_FIELDS = ['results', 'shortcomings', 'nextTasks', 'proposals'] as const;
type Field = (typeof NARRATIVE_FIELDS)[number];
type Fields = Record<Field, string>;

/** Unsaved text per 'period|area', kept while the app runs so leaving the screen loses nothing. */
const unsaved = new Map<string, Fields>();

function fieldsOf(n: AreaNarrative): Fields {
  return { results: n.results, shortcomings: n.shortcomings, nextTasks: n.nextTasks, proposals: n.proposals };
}

function sameFields(a: Fields, b: Fields): boolean {
  return NARRATIVE_FIELDS.every((k) => a[k] === b[k]);
}

function filledCount(f: Fields): number {
  return NARRATIVE_FIELDS.filter((k) => f[k].trim() !== '').length;
}

interface Props {
  report: ReportView;
  /** The names of the areas with unsaved text, whenever that changes (approval waits for none). */
  onDirtyChange: (areas: string[]) => void;
}

export function NarrativeEditor({ report, onDirtyChange }: Props) {
  const frozen = report.status !== 'draft';
  return frozen ? <FrozenNarratives report={report} /> : <DraftNarratives report={report} onDirtyChange={onDirtyChange} />;
}

function AreaLabel({ n, report, tag }: { n: AreaNarrative; report: ReportView; tag: ReactNode }) {
  const { t } = useTranslation();
  const tally = report.figures.tasks.byArea.find((a) => a.code === n.areaCode);
  return (
    <Flex justify="space-between" align="center" gap={8} wrap>
      <span>
        <Typography.Text strong>{n.areaName}</Typography.Text> <Typography.Text type="secondary">({n.areaCode})</Typography.Text>
      </span>
      <Flex gap={6} align="center">
        {tally && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reports.areaTasks', { count: tally.assigned })}</Typography.Text>}
        {tally && tally.overdue > 0 && (
          <Tag color="error" style={{ marginInlineEnd: 0 }}>
            {t('reports.areaOverdue', { count: tally.overdue })}
          </Tag>
        )}
        {tag}
      </Flex>
    </Flex>
  );
}

function FrozenNarratives({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const written = report.narratives.filter((n) => filledCount(fieldsOf(n)) > 0).map((n) => n.areaCode);
  return (
    <Collapse
      defaultActiveKey={written}
      data-testid="narratives"
      items={report.narratives.map((n) => {
        const count = filledCount(fieldsOf(n));
        return {
          key: n.areaCode,
          label: (
            <AreaLabel
              n={n}
              report={report}
              tag={<Tag style={{ marginInlineEnd: 0 }}>{count === 0 ? t('reports.areaEmpty') : t('reports.areaFilled', { count })}</Tag>}
            />
          ),
          children: (
            <Row gutter={[20, 8]} data-testid={`narrative-${n.areaCode}`}>
              {NARRATIVE_FIELDS.map((k) => (
                <Col span={12} key={k}>
                  <Typography.Text strong>{t(`reports.field.${k}`)}</Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '2px 0 0' }} type={n[k] ? undefined : 'secondary'}>
                    {n[k] || t('reports.noText')}
                  </Typography.Paragraph>
                </Col>
              ))}
            </Row>
          ),
        };
      })}
    />
  );
}

function DraftNarratives({ report, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const period = report.period;
  const cacheKey = useCallback((area: string) => `${period}|${area}`, [period]);
  const [saved, setSaved] = useState<Record<string, Fields>>(() => Object.fromEntries(report.narratives.map((n) => [n.areaCode, fieldsOf(n)])));
  const [drafts, setDrafts] = useState<Record<string, Fields>>(() =>
    Object.fromEntries(report.narratives.map((n) => [n.areaCode, unsaved.get(`${period}|${n.areaCode}`) ?? fieldsOf(n)])),
  );
  const [busy, setBusy] = useState<Record<string, boolean>>({});
  const [errors, setErrors] = useState<Record<string, ApiError | undefined>>({});
  const [savedAt, setSavedAt] = useState<Record<string, string>>({});

  const dirty = useMemo(
    () => report.narratives.filter((n) => drafts[n.areaCode] && saved[n.areaCode] && !sameFields(drafts[n.areaCode]!, saved[n.areaCode]!)),
    [report.narratives, drafts, saved],
  );

  useEffect(() => {
    for (const n of report.narratives) {
      const d = drafts[n.areaCode];
      const s = saved[n.areaCode];
      if (d && s && !sameFields(d, s)) unsaved.set(cacheKey(n.areaCode), d);
      else unsaved.delete(cacheKey(n.areaCode));
    }
  }, [drafts, saved, report.narratives, cacheKey]);

  const dirtyNames = dirty.map((n) => n.areaName).join('|');
  useEffect(() => onDirtyChange(dirtyNames ? dirtyNames.split('|') : []), [dirtyNames, onDirtyChange]);

  // Closing or reloading the window with unsaved text asks first.
  useEffect(() => {
    if (!dirtyNames) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirtyNames]);

  const edit = (area: string, k: Field, value: string) => setDrafts((d) => ({ ...d, [area]: { ...d[area]!, [k]: value } }));

  const save = async (area: string) => {
    const sent = drafts[area];
    if (!sent || busy[area]) return;
    setBusy((b) => ({ ...b, [area]: true }));
    setErrors((e) => ({ ...e, [area]: undefined }));
    try {
      const r = await call('reports.saveNarrative', { period, supplement: report.supplement, areaCode: area, ...sent });
      const stored = fieldsOf(r);
      setSaved((s) => ({ ...s, [area]: stored }));
      // Text typed while the save was on its way stays, and stays marked unsaved.
      setDrafts((d) => (d[area] === sent ? { ...d, [area]: stored } : d));
      setSavedAt((s) => ({ ...s, [area]: new Date().toISOString() }));
    } catch (e) {
      setErrors((x) => ({ ...x, [area]: toApiError(e) }));
    } finally {
      setBusy((b) => ({ ...b, [area]: false }));
    }
  };

  const onKey = (area: string) => (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((e.ctrlKey || e.metaKey) && (e.key === 'Enter' || e.key.toLowerCase() === 's')) {
      e.preventDefault();
      void save(area);
    }
  };

  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('reports.narrativeHelp')}</Typography.Text>
      <Collapse
        data-testid="narratives"
        defaultActiveKey={report.narratives.filter((n) => unsaved.has(cacheKey(n.areaCode))).map((n) => n.areaCode)}
        items={report.narratives.map((n) => {
          const area = n.areaCode;
          const draft = drafts[area] ?? fieldsOf(n);
          const isDirty = dirty.includes(n);
          const count = filledCount(saved[area] ?? fieldsOf(n));
          const tag = isDirty ? (
            <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid={`narrative-state-${area}`}>
              {t('reports.areaUnsaved')}
            </Tag>
          ) : (
            <Tag color={count > 0 ? 'green' : undefined} style={{ marginInlineEnd: 0 }} data-testid={`narrative-state-${area}`}>
              {count > 0 ? t('reports.areaFilled', { count }) : t('reports.areaEmpty')}
            </Tag>
          );
          return {
            key: area,
            label: <AreaLabel n={n} report={report} tag={tag} />,
            children: (
              <Flex vertical gap={8} data-testid={`narrative-${area}`}>
                <FormError error={errors[area]} onClose={() => setErrors((x) => ({ ...x, [area]: undefined }))} />
                <Row gutter={[16, 8]}>
                  {NARRATIVE_FIELDS.map((k) => {
                    const id = `narrative-${area}-${k}`;
                    return (
                      <Col span={12} key={k}>
                        <label htmlFor={id} style={{ display: 'block', fontWeight: 500, marginBottom: 2 }}>
                          {t(`reports.field.${k}`)}
                        </label>
                        <Input.TextArea
                          id={id}
                          value={draft[k]}
                          onChange={(e) => edit(area, k, e.target.value)}
                          onKeyDown={onKey(area)}
                          autoSize={{ minRows: 3, maxRows: 12 }}
                          aria-label={t('reports.fieldFor', { field: t(`reports.field.${k}`), area: n.areaName })}
                        />
                      </Col>
                    );
                  })}
                </Row>
                <Flex align="center" gap={12}>
                  <Button
                    type="primary"
                    icon={<SaveOutlined />}
                    loading={!!busy[area]}
                    disabled={!isDirty}
                    onClick={() => void save(area)}
                    aria-label={t('reports.saveAreaFor', { area: n.areaName })}
                  >
                    {t('reports.saveArea')}
                  </Button>
                  {isDirty ? (
                    <Typography.Text type="warning">{t('reports.unsavedHint')}</Typography.Text>
                  ) : (
                    savedAt[area] && (
                      <Typography.Text type="success" data-testid={`narrative-saved-${area}`}>
                        <CheckCircleOutlined /> {t('reports.savedAt', { time: fmtDateTime(savedAt[area]) })}
                      </Typography.Text>
                    )
                  )}
                </Flex>
              </Flex>
            ),
          };
        })}
      />
    </Flex>
  );
}
