import { Card, Flex, Segmented, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../shared/api/types';
import { useLang } from '../../i18n/use-lang';
import { KeyStep } from './KeyStep';
import { SetupForm } from './SetupForm';

export function FirstRunScreen() {
  const { t } = useTranslation();
  const [lang, setLang] = useLang();
  const [profile, setProfile] = useState<Profile | null>(null);
  return (
    <Flex justify="center" style={{ minHeight: '100vh', padding: '24px 16px', background: '#f5f6f8' }}>
      <main style={{ width: 720 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('setup.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('setup.subtitle')}</Typography.Text>
          </div>
          <Segmented
            aria-label={t('settings.language')}
            value={lang}
            onChange={(v) => setLang(v as 'vi' | 'en')}
            options={[
              { value: 'vi', label: 'Tiếng Việt' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Flex>
        <Card>
          <Steps size="small" current={profile ? 1 : 0} style={{ marginBottom: 18 }} items={[{ title: t('setup.stepWard') }, { title: t('setup.stepKey') }]} />
          {profile ? <KeyStep profile={profile} /> : <SetupForm onCreated={setProfile} />}
        </Card>
      </main>
    </Flex>
  );
}
