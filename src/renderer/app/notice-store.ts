/** A message the shell shows once after sign-in (a key that could not be enrolled yet). */
import { create } from 'zustand';
import type { Failure } from '@shared/result';

interface NoticeStore {
  notice: Failure | null;
  set(notice: Failure | null): void;
}

export const useNoticeStore = create<NoticeStore>((set) => ({ notice: null, set: (notice) => set({ notice }) }));
