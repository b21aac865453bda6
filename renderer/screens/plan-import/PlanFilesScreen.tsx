/** The plan as files: exported to Word or Excel, or imported from the Excel or Word appendix a ward already keeps. */
import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { AsyncView } from '../../components/AsyncView';
import { PageHeader } from '../../components/PageHeader';
import { useYear } from '../../shell/year-context';
import { PlanExportCard } from './PlanExportCard';
import { PlanImportCard } from './PlanImportCard';

export default function PlanFilesScreen() {
  const { t } = useTranslation();
  const plans = useApi('plans.list', {});
  // The shell shows the year imported into (the import reloads the plans by itself).
  const { setYear } = useYear();
  return (
    <>
      <PageHeader title={t('planFiles.title')} sub={t('planFiles.sub')} />
      <AsyncView state={plans}>
        {(p) => {
          const plan = p[0] ?? null;
          return (
            <Flex vertical gap={12}>
              <PlanImportCard defaultYear={plan?.year ?? new Date().getFullYear()} onImported={setYear} />
              <PlanExportCard plan={plan} />
            </Flex>
          );
        }}
      </AsyncView>
    </>
  );
}
