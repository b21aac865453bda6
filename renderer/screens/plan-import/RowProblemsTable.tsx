import { Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetRowReason } from '../../../shared/api/contract';
import { useErrorText } from '../../i18n/errors';

export interface RowProblem {
  row: number;
  reasons: SheetRowReason[];
}

/** Every refused row of a sheet, as Excel numbers it, with every reason in the user's language. */
export function RowProblemsTable({ problems }: { problems: RowProblem[] }) {
  const { t } = useTranslation();
  const text = useErrorText();
  return (
    <Table<RowProblem>
      size="small"
      bordered
      rowKey="row"
      dataSource={problems}
      pagination={problems.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
      data-testid="row-problems"
      onRow={(p) => ({ 'data-row': p.row }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('planFiles.row'), dataIndex: 'row', width: 80, align: 'center', render: (row: number) => <strong>{row}</strong> },
        {
          title: t('planFiles.reasons'),
          render: (_, p) =>
            p.reasons.length === 1 ? (
              text(p.reasons[0]!)
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {p.reasons.map((r, i) => (
                  <li key={i}>{text(r)}</li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}
