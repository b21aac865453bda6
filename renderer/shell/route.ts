/**
 * Where the officer is, kept in the URL hash ('#/tasks?task=…') so it works the same from
 * file:// in Electron and over http, and a reload returns to the same screen.
 */
import { useEffect, useState } from 'react';

export interface Route {
  screen: string;
  params: Record<string, string>;
}

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  return { screen: path || 'overview', params: Object.fromEntries(new URLSearchParams(query)) };
}

export function navigate(screen: string, params: Record<string, string> = {}): void {
  const q = new URLSearchParams(params).toString();
  window.location.hash = `#/${screen}${q ? `?${q}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
