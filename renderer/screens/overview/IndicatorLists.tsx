import { Card, Col, Empty, List, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WardSummary } from '../../../shared/api/types';
import { comparatorText } from '../../../shared/rules/indicator';
import { fmtNumber, periodLabel } from '../../i18n/format';
import type { Lang } from '../../i18n/setup';
import { navigate } from '../../shell/route';

function CodeLink({ code }: { code: string }) {
  return (
    <a
      href={`#/indicators?code=${code}`}
      onClick={(e) => {
        e.preventDefault();
        navigate('indicators', { code });
      }}
    >
      {code}
    </a>
  );
}

export function IndicatorLists({ indicators }: { indicators: WardSummary['indicators'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Card size="small" title={`${t('overview.notMet')} (${indicators.notMetList.length})`}>
          {indicators.notMetList.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.noneNotMet')} style={{ margin: '4px 0' }} />
          ) : (
            <List
              size="small"
              split={false}
              dataSource={indicators.notMetList}
              renderItem={(i) => (
                <List.Item style={{ padding: '3px 0' }}>
                  <Typography.Text style={{ flex: 1 }} ellipsis={{ tooltip: i.name }}>
                    <CodeLink code={i.code} /> {i.name}
                  </Typography.Text>
                  <Typography.Text type="danger" strong style={{ marginLeft: 8, whiteSpace: 'nowrap' }}>
                    {/* The summary carries no unit, so figures are shown bare rather than with a guessed '%'. */}
                    {i.value !== null ? fmtNumber(i.value) : ''} (
                    {i.comparator && i.target !== null ? `${comparatorText(i.comparator, lang)} ${fmtNumber(i.target)}` : ''})
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ marginLeft: 8, whiteSpace: 'nowrap' }}>
                    {periodLabel(i.period, lang)}
                  </Typography.Text>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col span={12}>
        <Card size="small" title={`${t('overview.noData')} (${indicators.noDataList.length})`}>
          {indicators.noDataList.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.noneNoData')} style={{ margin: '4px 0' }} />
          ) : (
            <List
              size="small"
              split={false}
              dataSource={indicators.noDataList.slice(0, 8)}
              footer={
                indicators.noDataList.length > 8 ? (
                  <Typography.Text type="secondary">{t('overview.andMore', { count: indicators.noDataList.length - 8 })}</Typography.Text>
                ) : null
              }
              renderItem={(i) => (
                <List.Item style={{ padding: '3px 0' }}>
                  <Typography.Text ellipsis={{ tooltip: i.name }}>
                    <CodeLink code={i.code} /> {i.name}
                  </Typography.Text>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
