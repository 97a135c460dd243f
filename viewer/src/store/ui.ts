import { createStore } from 'zustand/vanilla';
import { detectLang, type Lang } from '../i18n/index';

export type CoverageMode = 'off' | 'ul' | 'dl';
export type LinkMode = 'off' | 'latency' | 'reliability';
export type CameraPreset = 'iso' | 'top' | 'floor' | 'fit';

export interface UiState {
  lang: Lang;
  coverage: CoverageMode;
  links: LinkMode;
  /** Bumped on each preset request so choosing the same preset twice still moves the camera. */
  camera: { preset: CameraPreset; seq: number };
  showKpis: boolean;
  showEvents: boolean;
  demo: boolean;
  eventFilter: { entity: string; type: string };
}

const initialLang = (): Lang => {
  const fromUrl = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('lang') : null;
  if (fromUrl === 'en' || fromUrl === 'zh') return fromUrl;
  return detectLang(typeof navigator !== 'undefined' ? navigator.language : undefined);
};

export const ui = createStore<UiState>()(() => ({
  lang: initialLang(),
  coverage: 'off',
  links: 'off', // a web of lines over the scene: opt-in
  camera: { preset: 'iso', seq: 0 },
  showKpis: true,
  showEvents: true,
  demo: false,
  eventFilter: { entity: '', type: '' },
}));

export const setUi = (patch: Partial<UiState>) => ui.setState(patch);
export const requestCamera = (preset: CameraPreset) =>
  ui.setState((s) => ({ camera: { preset, seq: s.camera.seq + 1 } }));
