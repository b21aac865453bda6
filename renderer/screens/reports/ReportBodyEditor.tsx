/**
 * The report's own sections I–IV and its recipients. The app writes each section from the figures;
 * the officer edits them into the ward's words. An approved report shows what was frozen.
 */
import { App, Button, Flex, Input, Radio, Typography } from 'antd';
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportBody, ReportView } from '../../../shared/api/report-types';
import { call } from '../../api/client';
import { useAction } from '../../api/use-api';
import { FormError } from '../../components/FormError';

const SECTIONS = ['results', 'shortcomings', 'nextTasks', 'proposals'] as const;

export function archiveLineOf(unit: string): string {
  const u = unit.trim();
  return u === '' ? 'Lưu: VT.' : `Lưu: VT, ${u}.`;
}

export function ReportBodyEditor({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const frozen = report.status !== 'draft';
  const [body, setBody] = useState<ReportBody>(report.body);
  const [custom, setCustom] = useState(report.recipientsCustom);
  const [recipients, setRecipients] = useState(report.recipients.join('\n'));
  const save = useAction(() =>
    call('reports.saveBody', {
      period: report.period,
      supplement: report.supplement,
      ...body,
      recipients: custom ? recipients.split('\n') : null,
    }),
  );
  const submit = async () => {
    if (await save.run()) void message.success(t('docs.savedBody'));
  };
  return (
    <Flex vertical gap={12} style={{ paddingTop: 8 }} data-testid="report-body-editor">
      {!frozen && <Typography.Text type="secondary">{t('docs.bodyHint')}</Typography.Text>}
      {SECTIONS.map((k) => (
        <Flex key={k} vertical gap={4}>
          <Flex justify="space-between" align="center">
            <Typography.Text strong>{t(`docs.section.${k}`)}</Typography.Text>
            {!frozen && body[k] !== report.bodySuggested[k] && (
              <Button size="small" type="link" icon={<UndoOutlined />} onClick={() => setBody((b) => ({ ...b, [k]: report.bodySuggested[k] }))}>
                {t('docs.restoreSuggested')}
              </Button>
            )}
          </Flex>
          <Input.TextArea
            value={body[k]}
            readOnly={frozen}
            autoSize={{ minRows: 2, maxRows: 12 }}
            onChange={(e) => setBody((b) => ({ ...b, [k]: e.target.value }))}
            aria-label={t(`docs.section.${k}`)}
            data-testid={`report-body-${k}`}
          />
        </Flex>
      ))}
      <Flex vertical gap={4}>
        <Typography.Text strong>{t('docs.recipients')}</Typography.Text>
        {!frozen && (
          <Radio.Group value={custom} onChange={(e) => setCustom(e.target.value as boolean)}>
            <Radio value={false}>{t('docs.recipientsDefault')}</Radio>
            <Radio value={true}>{t('docs.recipientsCustom')}</Radio>
          </Radio.Group>
        )}
        <Input.TextArea
          value={recipients}
          readOnly={frozen || !custom}
          autoSize={{ minRows: 3, maxRows: 10 }}
          onChange={(e) => setRecipients(e.target.value)}
          aria-label={t('docs.recipients')}
          data-testid="report-recipients"
        />
        {!frozen && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('docs.recipientsHint', { archive: archiveLineOf(report.draftingUnit) })}
          </Typography.Text>
        )}
      </Flex>
      <FormError error={save.error} onClose={save.clearError} />
      {!frozen && (
        <Flex>
          <Button type="primary" icon={<SaveOutlined />} loading={save.busy} onClick={() => void submit()} data-testid="report-body-save">
            {t('docs.saveBody')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
