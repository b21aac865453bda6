import { createContext, useContext } from 'react';
import type { Profile } from '../../shared/api/types';

export interface ProfileState {
  profile: Profile;
}

export const ProfileContext = createContext<ProfileState | null>(null);

export function useProfile(): ProfileState {
  const v = useContext(ProfileContext);
  if (!v) throw new Error('useProfile outside ProfileContext');
  return v;
}
