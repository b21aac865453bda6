import { Card, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/use-lang';

export function LanguageCard() {
  const { t } = useTranslation();
  const [lang, setLang] = useLang();
  return (
    <Card size="small" title={t('settings.language')}>
      <Radio.Group
        value={lang}
        onChange={(e) => setLang(e.target.value as 'vi' | 'en')}
        optionType="button"
        aria-label={t('settings.language')}
        options={[
          { value: 'vi', label: 'Tiếng Việt' },
          { value: 'en', label: 'English' },
        ]}
      />
    </Card>
  );
}
