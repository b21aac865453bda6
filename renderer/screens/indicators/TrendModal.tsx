import { Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, LabelList, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IndicatorItem } from '../../../shared/api/types';
import { targetText } from '../../../shared/rules/indicator';
import { useApi } from '../../api/use-api';
import { AsyncView } from '../../components/AsyncView';
import { fmtNumber, fmtValue, periodLabel } from '../../i18n/format';
import type { Lang } from '../../i18n/setup';

export function TrendModal({ indicator: ind, onClose }: { indicator: IndicatorItem; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const history = useApi('indicators.history', { code: ind.code });
  const percent = ind.unit.trim() === '%';
  return (
    <Modal open width={760} title={t('indicators.trendTitle', { code: ind.code })} footer={null} onCancel={onClose}>
      <Typography.Paragraph type="secondary">{ind.name}</Typography.Paragraph>
      <AsyncView state={history}>
        {(points) =>
          points.length === 0 ? (
            <Typography.Paragraph>{t('indicators.noHistory')}</Typography.Paragraph>
          ) : (
            <div style={{ width: '100%', height: 320 }} data-testid="trend-chart">
              <ResponsiveContainer>
                <LineChart
                  data={points.map((p) => ({ label: periodLabel(p.period, lang), value: p.value }))}
                  margin={{ top: 28, right: 24, left: 0, bottom: 4 }}
                >
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" tick={{ fontSize: 12 }} />
                  <YAxis domain={percent ? [0, 100] : ['auto', 'auto']} tickFormatter={(v: number) => fmtNumber(v)} tick={{ fontSize: 12 }} />
                  <Tooltip formatter={(v) => [fmtValue(Number(v), ind.unit), t('indicator.value')]} />
                  {ind.target !== null && ind.comparator && (
                    <ReferenceLine
                      y={ind.target}
                      stroke="#cf1322"
                      strokeDasharray="6 4"
                      label={{
                        value: `${t('indicator.target')} ${targetText(ind.comparator, ind.target, ind.unit, lang)}`,
                        position: 'insideTopRight',
                        fill: '#cf1322',
                        fontSize: 12,
                      }}
                    />
                  )}
                  <Line type="monotone" dataKey="value" stroke="#1f5fbf" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false}>
                    <LabelList dataKey="value" position="top" offset={10} fontSize={12} formatter={(v: unknown) => fmtValue(Number(v), ind.unit)} />
                  </Line>
                </LineChart>
              </ResponsiveContainer>
            </div>
          )
        }
      </AsyncView>
    </Modal>
  );
}
