import { Alert, App, Button, Col, DatePicker, Form, Input, Radio, Row, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordedStatus, TaskItem } from '../../../shared/api/types';
import { call } from '../../api/client';
import { useAction } from '../../api/use-api';
import { FormError } from '../../components/FormError';
import { attachFiles } from './attach';
import { FilePicker } from './FilePicker';
import { percentRules } from './percent';

interface Values {
  status: RecordedStatus;
  /** Typed as text and checked, so 140 is refused rather than quietly turned into 100. */
  percent: string;
  date: Dayjs;
  note?: string;
}

const STATUSES: RecordedStatus[] = ['not_started', 'in_progress', 'done'];

/**
 * Records one progress update and attaches its files. If the update is saved but a file fails,
 * the update is not sent again on retry: only the files that did not go through are.
 */
export function ProgressForm({ task }: { task: TaskItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [savedId, setSavedId] = useState<string | null>(null);
  const markDone = (uid: string) => setFiles((fs) => fs.map((f) => (f.uid === uid ? { ...f, status: 'done' } : f)));
  const save = useAction(async (v: Values) => {
    let id = savedId;
    if (!id) {
      id = (
        await call('tasks.progress', {
          taskId: task.id,
          status: v.status,
          percent: Number(v.percent.trim()),
          date: v.date.format('YYYY-MM-DD'),
          note: v.note?.trim() ? v.note.trim() : null,
        })
      ).id;
      setSavedId(id);
    }
    await attachFiles(task.id, files, id, markDone);
    return true;
  });
  const finish = () => {
    form.resetFields();
    setFiles([]);
    setSavedId(null);
    save.clearError();
    void message.success(t('progress.saved'));
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ status: task.recordedStatus === 'not_started' ? 'in_progress' : task.recordedStatus, percent: String(task.percent), date: dayjs() }}
      onValuesChange={(changed: Partial<Values>) => {
        // The core refuses 'done' below 100% and 'not started' above 0%; set the obvious figure.
        if (changed.status === 'done') form.setFieldValue('percent', '100');
        if (changed.status === 'not_started') form.setFieldValue('percent', '0');
      }}
      onFinish={async (v) => {
        if (await save.run(v)) finish();
      }}
    >
      <FormError error={save.error} onClose={save.clearError} />
      {savedId && (
        <Alert
          type="warning"
          showIcon
          title={t('progress.savedFilesPending')}
          style={{ marginBottom: 12 }}
          action={
            <Button size="small" onClick={finish}>
              {t('progress.skipFiles')}
            </Button>
          }
        />
      )}
      <Row gutter={12}>
        <Col span={24}>
          <Form.Item name="status" label={t('task.status')}>
            <Radio.Group disabled={!!savedId} optionType="button" options={STATUSES.map((s) => ({ value: s, label: t(`progress.status.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="percent" label={t('progress.percent')} rules={percentRules(t)}>
            <Input inputMode="numeric" suffix="%" disabled={!!savedId} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="date" label={t('progress.date')} rules={[{ required: true, message: t('form.required') }]}>
            <DatePicker format="DD/MM/YYYY" allowClear={false} style={{ width: '100%' }} disabled={!!savedId} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={t('progress.note')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={4000} showCount placeholder={t('progress.notePlaceholder')} disabled={!!savedId} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('progress.files')}>
            <FilePicker files={files} onChange={setFiles} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={save.busy}>
        {savedId ? t('progress.retryFiles') : t('progress.save')}
      </Button>
    </Form>
  );
}
