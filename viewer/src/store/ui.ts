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
  /** Run A is the bundled sample (opened because the address named no run). */
  sample: boolean;
  /**
   * A request to bring an entity into view (its path), e.g. the demo tour's failure. The camera-focus
   * interface between the app and the scene: each view's CameraRig (scene/CameraRig.tsx) moves its camera.
   */
  focus: { path: string | null; seq: number };
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
  sample: false,
  focus: { path: null, seq: 0 },
  eventFilter: { entity: '', type: '' },
}));

export const setUi = (patch: Partial<UiState>) => ui.setState(patch);
export const requestCamera = (preset: CameraPreset) =>
  ui.setState((s) => ({ camera: { preset, seq: s.camera.seq + 1 } }));

/** Asks the views to bring an entity into view (see UiState.focus). */
export const requestFocus = (path: string | null) =>
  ui.setState((s) => ({ focus: { path, seq: s.focus.seq + 1 } }));
