import { App, Button, Col, Drawer, Flex, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskItem } from '../../../shared/api/types';
import { call } from '../../api/client';
import { useAction } from '../../api/use-api';
import { FormError } from '../../components/FormError';
import { viSearch } from '../../components/vi-search';
import { directiveListLabel } from '../../../shared/rules/directive-list-label';
import { parseTimeline } from '../../../shared/rules/timeline';
import { fmtDate } from '../../i18n/format';
import { TimelinePreview } from './TimelinePreview';
import type { Catalog } from './use-catalog';

interface Values {
  areaCode: string;
  content: string;
  leadUnitCode: string;
  partnerUnitCodes: string[];
  timeline?: string;
  sourceCode?: string;
  output?: string;
  person?: string;
  authority?: string;
}

const OPTIONAL = ['timeline', 'sourceCode', 'output', 'person', 'authority'] as const;

function initialOf(task: TaskItem | null): Partial<Values> {
  if (!task) return { partnerUnitCodes: [] };
  return {
    areaCode: task.areaCode,
    content: task.content,
    leadUnitCode: task.leadUnitCode,
    partnerUnitCodes: task.partnerUnitCodes,
    timeline: task.timeline ?? undefined,
    sourceCode: task.sourceCode ?? undefined,
    output: task.output ?? undefined,
    person: task.person ?? undefined,
    authority: task.authority ?? undefined,
  };
}

type Optional = (typeof OPTIONAL)[number];
type Cleaned = Omit<Values, Optional> & Record<Optional, string | null>;

/** Blank optional text is stored as null, so "cleared" and "never filled" read the same. */
function clean(v: Values): Cleaned {
  const out: Record<string, unknown> = { ...v };
  for (const k of OPTIONAL) out[k] = v[k]?.trim() ? v[k]!.trim() : null;
  return out as Cleaned;
}

/**
 * Only what changed goes into an update: a timeline left alone must not re-derive a deadline
 * that was set some other way, and the change log stays small.
 */
function patchOf(task: TaskItem, v: Cleaned): Record<string, unknown> {
  const before = clean({ ...(initialOf(task) as Values) });
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(v) as (keyof typeof v)[]) {
    if (JSON.stringify(v[k] ?? null) !== JSON.stringify(before[k] ?? null)) patch[k] = v[k];
  }
  return patch;
}

export function TaskFormDrawer({
  catalog,
  task,
  onClose,
  onSaved,
}: {
  catalog: Catalog;
  task: TaskItem | null;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const timeline = Form.useWatch('timeline', form);
  const planYear = task?.planYear ?? catalog.plan?.year ?? new Date().getFullYear();
  const save = useAction(async (v: Values) => {
    const c = clean(v);
    if (!task) return (await call('tasks.add', { planYear, ...c, sourceCode: c.sourceCode })).id;
    const patch = patchOf(task, c);
    if (Object.keys(patch).length > 0) await call('tasks.update', { id: task.id, patch });
    return task.id;
  });
  const close = () => {
    if (!form.isFieldsTouched()) return onClose();
    modal.confirm({
      title: t('form.discardTitle'),
      content: t('form.discardText'),
      okText: t('form.discard'),
      cancelText: t('form.keepEditing'),
      autoFocusButton: 'cancel',
      onOk: onClose,
    });
  };
  /** A deadline outside the plan's year is usually a typo in the year: say so, and save only if confirmed. */
  const deadlineConfirmed = (v: Values) =>
    new Promise<boolean>((resolve) => {
      const parsed = v.timeline?.trim() ? parseTimeline(v.timeline, planYear) : null;
      const deadline = parsed?.kind === 'deadline' ? parsed.deadline : null;
      if (!deadline || Number(deadline.slice(0, 4)) === planYear) return resolve(true);
      modal.confirm({
        title: t('task.deadlineOutsideTitle', { year: planYear }),
        content: t('task.deadlineOutsideText', { timeline: v.timeline, date: fmtDate(deadline), year: planYear }),
        okText: t('task.deadlineKeep'),
        cancelText: t('task.deadlineFix'),
        autoFocusButton: 'cancel',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  const units = catalog.units.map((u) => ({ value: u.code, label: u.name }));
  const required = { required: true, whitespace: true, message: t('form.required') };
  return (
    <Drawer
      open
      size={640}
      title={task ? t('tasks.editTitle', { no: task.no }) : t('tasks.addTitle')}
      onClose={close}
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={close}>{t('action.cancel')}</Button>
          <Button type="primary" loading={save.busy} onClick={() => form.submit()}>
            {t('action.save')}
          </Button>
        </Flex>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialOf(task)}
        onFinish={async (v) => {
          if (!(await deadlineConfirmed(v))) return;
          const id = await save.run(v);
          if (!id) return;
          void message.success(t('task.saved'));
          onSaved(id);
        }}
      >
        <FormError error={save.error} onClose={save.clearError} />
        <Form.Item name="content" label={t('task.content')} rules={[required]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} showCount autoFocus />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="areaCode" label={t('task.area')} rules={[{ required: true, message: t('form.required') }]}>
              <Select showSearch={viSearch} options={catalog.areas.map((a) => ({ value: a.code, label: a.name }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="sourceCode" label={t('task.source')}>
              <Select allowClear showSearch={viSearch} options={catalog.directives.map((d) => ({ value: d.code, label: directiveListLabel(d) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="leadUnitCode" label={t('task.lead')} rules={[{ required: true, message: t('form.required') }]}>
              <Select showSearch={viSearch} options={units} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="partnerUnitCodes" label={t('task.partners')}>
              <Select mode="multiple" allowClear showSearch={viSearch} options={units} maxTagCount="responsive" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="timeline" label={t('task.timeline')} extra={<TimelinePreview text={timeline} planYear={planYear} />}>
          <Input placeholder={t('task.timelinePlaceholder')} maxLength={200} showCount />
        </Form.Item>
        <Form.Item name="output" label={t('task.output')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} showCount />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="person" label={t('task.person')}>
              <Input maxLength={200} showCount />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="authority" label={t('task.authority')}>
              <Input maxLength={300} showCount />
            </Form.Item>
          </Col>
        </Row>
        {/* The form's default button: Enter in a single-line field submits, as in every dialog. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
