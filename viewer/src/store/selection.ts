import { createStore } from 'zustand/vanilla';

export interface SelectionState {
  /** Entity path under the pointer, or null. */
  hovered: string | null;
  /** Entity path last clicked, or null. */
  selected: string | null;
}

export const selection = createStore<SelectionState>()(() => ({ hovered: null, selected: null }));

export const hover = (path: string | null) => {
  if (selection.getState().hovered !== path) selection.setState({ hovered: path });
};
export const select = (path: string | null) => selection.setState({ selected: path });
