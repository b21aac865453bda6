import { App, Button, Col, DatePicker, Empty, Flex, Form, Input, Radio, Row, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/api/contract-lists';
import type { ProgressItem } from '../../../shared/api/types';
import type { RecordedStatus } from '../../../shared/rules/task-status';
import { call } from '../../api/client';
import { confirmRemoval } from '../../components/confirm';
import { FormModal } from '../../components/FormModal';
import { fmtDate } from '../../i18n/format';
import { percentRules } from './percent';

const COLORS: Record<RecordedStatus, string> = { not_started: 'gray', in_progress: 'blue', done: 'green' };
const STATUSES: RecordedStatus[] = ['not_started', 'in_progress', 'done'];

/** The task's progress, newest first, each entry correctable or removable (the history keeps both). */
export function ProgressHistory({ items }: { items: ProgressItem[] }) {
  const { t } = useTranslation();
  const app = App.useApp();
  const [correcting, setCorrecting] = useState<ProgressItem | null>(null);
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('progress.none')} />;
  return (
    <>
      <Timeline
        items={[...items].reverse().map((p) => ({
          color: COLORS[p.status],
          content: (
            <Flex justify="space-between" gap={8} data-testid="progress-entry">
              <div>
                <Typography.Text strong>{fmtDate(p.date)}</Typography.Text> <Tag style={{ marginInline: 6 }}>{t(`progress.status.${p.status}`)}</Tag>
                <Typography.Text strong>{p.percent}%</Typography.Text>
                <Typography.Text type="secondary"> — {p.byName}</Typography.Text>
                {p.note && <div style={{ whiteSpace: 'pre-wrap' }}>{p.note}</div>}
              </div>
              <Flex gap={4} style={{ flex: 'none' }}>
                <Button size="small" type="link" onClick={() => setCorrecting(p)}>
                  {t('progress.correct')}
                </Button>
                <Button
                  size="small"
                  type="link"
                  danger
                  onClick={() =>
                    confirmRemoval(app, t, {
                      title: t('progress.removeTitle', { date: fmtDate(p.date) }),
                      content: t('progress.removeText'),
                      okText: t('progress.remove'),
                      run: () => call('progress.remove', { id: p.id }),
                      done: t('lists.deleted'),
                    })
                  }
                >
                  {t('progress.remove')}
                </Button>
              </Flex>
            </Flex>
          ),
        }))}
      />
      {correcting && <CorrectModal entry={correcting} onClose={() => setCorrecting(null)} onSaved={() => setCorrecting(null)} />}
    </>
  );
}

interface Values {
  status: RecordedStatus;
  percent: string;
  date: Dayjs;
  note?: string;
  reason?: string;
}

function CorrectModal({ entry, onClose, onSaved }: { entry: ProgressItem; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal
      title={t('progress.correctTitle', { date: fmtDate(entry.date) })}
      form={form}
      initialValues={{ status: entry.status, percent: String(entry.percent), date: dayjs(entry.date), note: entry.note ?? undefined }}
      save={(v) =>
        call('progress.correct', {
          id: entry.id,
          status: v.status,
          percent: Number(v.percent.trim()),
          date: v.date.format('YYYY-MM-DD'),
          note: v.note?.trim() ? v.note.trim() : null,
          reason: v.reason?.trim() ? v.reason.trim() : null,
        })
      }
      onClose={onClose}
      onSaved={onSaved}
      savedText={t('progress.corrected')}
    >
      <Form.Item name="status" label={t('task.status')}>
        <Radio.Group optionType="button" options={STATUSES.map((s) => ({ value: s, label: t(`progress.status.${s}`) }))} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="percent" label={t('progress.percent')} rules={percentRules(t)}>
            <Input inputMode="numeric" suffix="%" autoFocus />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="date" label={t('progress.date')} rules={[{ required: true, message: t('form.required') }]}>
            <DatePicker format="DD/MM/YYYY" allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('progress.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={LIMITS.progressNote} showCount />
      </Form.Item>
      <Form.Item name="reason" label={t('reason.label')}>
        <Input maxLength={LIMITS.reason} showCount placeholder={t('reason.placeholder')} />
      </Form.Item>
    </FormModal>
  );
}
