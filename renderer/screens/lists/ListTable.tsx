import { Button, Flex, Table, Tooltip, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useProfile } from '../../shell/profile-context';

interface Row {
  id: string;
  owner?: string;
}

/** One list of the Danh mục screen: add above, edit and retire on each row the ward owns. */
export function ListTable<T extends Row>({
  rows,
  columns,
  loading,
  onAdd,
  onEdit,
  onRetire,
  retireLabel,
  testId,
}: {
  rows: T[];
  columns: TableColumnsType<T>;
  loading: boolean;
  onAdd: () => void;
  onEdit: (row: T) => void;
  onRetire: (row: T) => void;
  retireLabel?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const { profile } = useProfile();
  return (
    <Flex vertical gap={8}>
      <Flex justify="end">
        <Button type="primary" icon={<PlusOutlined />} onClick={onAdd} data-testid={`${testId}-add`}>
          {t('lists.add')}
        </Button>
      </Flex>
      <Table<T>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 'calc(100vh - 290px)' }}
        locale={{ emptyText: t('lists.empty') }}
        data-testid={testId}
        columns={[
          ...columns,
          {
            title: t('lists.actions'),
            width: 230,
            render: (_, row) =>
              row.owner !== undefined && row.owner !== profile.orgCode ? (
                <Tooltip title={t('lists.cityOwned')}>
                  <LockOutlined aria-label={t('lists.cityOwned')} />
                </Tooltip>
              ) : (
                <Flex gap={4}>
                  <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(row)}>
                    {t('action.edit')}
                  </Button>
                  <Button size="small" danger icon={<DeleteOutlined />} onClick={() => onRetire(row)}>
                    {retireLabel ?? t('lists.retire')}
                  </Button>
                </Flex>
              ),
          },
        ]}
      />
    </Flex>
  );
}
