/**
 * The plan document's own words and issue details (number, issue date, signer), and the ward's
 * document settings (drafting unit, default recipients), in a drawer beside the reports.
 */
import { App, Alert, Button, DatePicker, Divider, Drawer, Flex, Form, Input, Radio } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSettings, PlanDocumentView } from '../../../shared/api/document-types';
import { call } from '../../api/client';
import { useAction, useApi } from '../../api/use-api';
import { AsyncView } from '../../components/AsyncView';
import { FormError } from '../../components/FormError';
import { fmtDate } from '../../i18n/format';

const lines = (text: string | undefined) => (text ?? '').split('\n');

export function PlanDocumentDrawer({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const doc = useApi('planDocument.get', { year });
  const settings = useApi('documents.settings', {});
  return (
    <Drawer open width={640} title={t('docs.planPanelTitle', { year })} onClose={onClose} data-testid="plan-document-drawer">
      {/* Keyed by the plan, not its content: a reload after saving the settings must not drop text being typed. */}
      <AsyncView state={doc}>{(d) => <PlanDocumentForm key={d.plan.id} doc={d} />}</AsyncView>
      <Divider>{t('docs.settings')}</Divider>
      <AsyncView state={settings}>{(x) => <SettingsForm settings={x} />}</AsyncView>
    </Drawer>
  );
}

interface PlanValues {
  docNumber?: string;
  issuedOn?: dayjs.Dayjs | null;
  signerName?: string;
  signerTitle?: string;
  generalGoal?: string;
  previousResults?: string;
  objectives?: string;
  solutions?: string;
  organisation?: string;
  recipients?: string;
}

function PlanDocumentForm({ doc }: { doc: PlanDocumentView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const [custom, setCustom] = useState(doc.recipientsCustom);
  const save = useAction((v: PlanValues) =>
    call('planDocument.save', {
      year: doc.plan.year,
      docNumber: v.docNumber ?? null,
      issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : null,
      signerName: v.signerName ?? null,
      signerTitle: v.signerTitle ?? null,
      generalGoal: v.generalGoal ?? null,
      previousResults: v.previousResults ?? '',
      objectives: v.objectives ?? '',
      solutions: v.solutions ?? '',
      organisation: v.organisation ?? '',
      recipients: custom ? lines(v.recipients) : null,
    }),
  );
  const p = doc.plan;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        docNumber: p.docNumber ?? '',
        issuedOn: p.issuedOn ? dayjs(p.issuedOn) : null,
        signerName: p.signerName ?? '',
        signerTitle: p.signerTitle ?? '',
        generalGoal: p.generalGoal ?? '',
        previousResults: doc.previousResults,
        objectives: doc.objectives,
        solutions: doc.solutions,
        organisation: doc.organisation,
        recipients: doc.recipients.join('\n'),
      }}
      onFinish={async (v) => {
        if (await save.run(v)) void message.success(t('docs.savedPlan'));
      }}
    >
      <Alert type={doc.draft ? 'warning' : 'success'} showIcon style={{ marginBottom: 12 }} title={doc.draft ? t('docs.planDraft') : t('docs.planIssued', { date: fmtDate(p.issuedOn) })} />
      <Flex gap={12} wrap>
        <Form.Item name="docNumber" label={t('docs.docNumber')} style={{ flex: 1, minWidth: 160 }}>
          <Input data-testid="plan-doc-number" />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('docs.issuedOn')} style={{ flex: 1, minWidth: 160 }}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="plan-issued-on" />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="signerName" label={t('docs.signerName')} style={{ flex: 1, minWidth: 160 }}>
          <Input data-testid="plan-signer-name" />
        </Form.Item>
        <Form.Item name="signerTitle" label={t('docs.signerTitle')} style={{ flex: 1, minWidth: 160 }}>
          <Input data-testid="plan-signer-title" />
        </Form.Item>
      </Flex>
      <Alert type="info" style={{ marginBottom: 12 }} title={t('docs.emptyLeftOut')} />
      {(['previousResults', 'generalGoal', 'objectives', 'solutions', 'organisation'] as const).map((k) => (
        <Form.Item key={k} name={k} label={t(`docs.${k}`)}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} data-testid={`plan-${k}`} />
        </Form.Item>
      ))}
      <Form.Item label={t('docs.recipients')}>
        <Radio.Group value={custom} onChange={(e) => setCustom(e.target.value as boolean)} style={{ marginBottom: 6 }}>
          <Radio value={false}>{t('docs.recipientsDefault')}</Radio>
          <Radio value={true}>{t('docs.recipientsCustom')}</Radio>
        </Radio.Group>
        <Form.Item name="recipients" noStyle>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} readOnly={!custom} />
        </Form.Item>
      </Form.Item>
      <FormError error={save.error} onClose={save.clearError} />
      <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.busy} data-testid="plan-doc-save">
        {t('docs.savePlan')}
      </Button>
    </Form>
  );
}

function SettingsForm({ settings }: { settings: DocumentSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useAction((v: { draftingUnit?: string; reportRecipients?: string; planRecipients?: string }) =>
    call('documents.saveSettings', { draftingUnit: v.draftingUnit ?? '', reportRecipients: lines(v.reportRecipients), planRecipients: lines(v.planRecipients) }),
  );
  return (
    <Form
      layout="vertical"
      initialValues={{
        draftingUnit: settings.draftingUnit,
        reportRecipients: settings.reportRecipients.join('\n'),
        planRecipients: settings.planRecipients.join('\n'),
      }}
      onFinish={async (v) => {
        if (await save.run(v)) void message.success(t('docs.savedSettings'));
      }}
    >
      <Form.Item name="draftingUnit" label={t('docs.draftingUnit')}>
        <Input style={{ maxWidth: 200 }} data-testid="drafting-unit" />
      </Form.Item>
      <Form.Item name="reportRecipients" label={t('docs.reportRecipients')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
      <Form.Item name="planRecipients" label={t('docs.planRecipients')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
      <FormError error={save.error} onClose={save.clearError} />
      <Button htmlType="submit" icon={<SaveOutlined />} loading={save.busy} data-testid="doc-settings-save">
        {t('docs.saveSettings')}
      </Button>
    </Form>
  );
}
