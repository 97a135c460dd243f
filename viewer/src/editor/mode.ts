import { createStore } from 'zustand/vanilla';

/** The app's mode: replaying a recording, or editing a scenario's layout (`?mode=edit`). */
export type AppMode = 'replay' | 'edit';

const initial = (): AppMode =>
  typeof location !== 'undefined' && new URLSearchParams(location.search).get('mode') === 'edit'
    ? 'edit'
    : 'replay';

export const appMode = createStore<{ mode: AppMode }>()(() => ({ mode: initial() }));

export const setMode = (mode: AppMode) => appMode.setState({ mode });
