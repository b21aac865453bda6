import { createContext, useContext } from 'react';
import type { Profile } from '../../shared/api/types';

export interface ProfileState {
  profile: Profile;
  /** After a change to the profile. */
  reloadApp: () => void;
  /** After the data was replaced (a restore): every screen loads afresh, without reloading the page. */
  reloadAll: () => void;
}

export const ProfileContext = createContext<ProfileState | null>(null);

export function useProfile(): ProfileState {
  const v = useContext(ProfileContext);
  if (!v) throw new Error('useProfile outside ProfileContext');
  return v;
}
