import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/noto-sans-sc/chinese-simplified-400.css';
import 'uplot/dist/uPlot.min.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { exposeTestHooks } from './app/test-hooks';
import { openFromAddress } from './data/load';
import { appMode } from './editor/mode';

exposeTestHooks();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// The editor opens no recording (the replay opens one when it is chosen).
if (appMode.getState().mode === 'replay') openFromAddress(location.search);
