import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n/setup';
import { CityApp } from './CityApp';
import '../styles.css';
import './city.css';

initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CityApp />
  </StrictMode>,
);
