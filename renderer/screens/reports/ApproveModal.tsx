import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../shared/api/report-types';
import { call } from '../../api/client';
import { useAction } from '../../api/use-api';
import { FormError } from '../../components/FormError';

interface Values {
  approvedBy: string;
  signerTitle?: string;
  docNumber?: string;
}

/**
 * Approval asks who signs, in what position and under which number, and says plainly that the
 * report is frozen afterwards. It waits until every area's text is saved.
 */
export function ApproveModal({
  report,
  periodLabel,
  unsavedAreas,
  onClose,
  onApproved,
}: {
  report: ReportView;
  periodLabel: string;
  unsavedAreas: string[];
  onClose: () => void;
  onApproved: (r: ReportView) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const approve = useAction((v: Values) =>
    call('reports.approve', {
      period: report.period,
      supplement: report.supplement,
      approvedBy: v.approvedBy.trim(),
      signerTitle: v.signerTitle?.trim() || null,
      docNumber: v.docNumber?.trim() || null,
    }),
  );
  const blocked = unsavedAreas.length > 0;
  const signer = report.figures.context.signer;
  return (
    <Modal
      open
      title={t('reports.approveTitle', { period: periodLabel })}
      okText={t('reports.approveOk')}
      cancelText={t('action.cancel')}
      okButtonProps={{ disabled: blocked, loading: approve.busy }}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={560}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('reports.approveWarning')} style={{ marginBottom: 12 }} />
      {blocked && <Alert type="error" showIcon title={t('reports.approveUnsaved', { areas: unsavedAreas.join(', ') })} style={{ marginBottom: 12 }} />}
      <FormError error={approve.error} onClose={approve.clearError} />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ approvedBy: signer.name ?? '', signerTitle: signer.title ?? '', docNumber: report.docNumber ?? '' }}
        onFinish={async (v) => {
          if (blocked) return;
          const r = await approve.run(v);
          if (r) onApproved(r);
        }}
      >
        <Form.Item name="approvedBy" label={t('reports.approvedBy')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input autoFocus maxLength={200} />
        </Form.Item>
        <Form.Item name="signerTitle" label={t('reports.signerTitle')}>
          <Input maxLength={200} placeholder={t('reports.signerTitlePlaceholder')} />
        </Form.Item>
        <Form.Item name="docNumber" label={t('reports.docNumberLabel')} style={{ marginBottom: 0 }}>
          <Input maxLength={100} placeholder={t('reports.docNumberPlaceholder')} />
        </Form.Item>
        {/* The form's default button: Enter in a single-line field submits, as in every dialog. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
