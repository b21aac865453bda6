// @vitest-environment jsdom
/**
 * `useLoaded` on a page that mounts no query provider (the city dashboard): it loads, loads again
 * when its input changes, and `reload` (the retry button) asks once more.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, expect, it } from 'vitest';
import { useLoaded } from './use-api';

afterEach(cleanup);

it('works without a provider: loads, follows its input, reloads on demand', async () => {
  const asked: number[] = [];
  const square = async (n: number) => {
    asked.push(n);
    return n * n;
  };
  function Page() {
    const [n, setN] = useState(3);
    const s = useLoaded('probe.square', n, square);
    return (
      <>
        <output data-testid="value">{s.data}</output>
        <button onClick={() => setN(4)}>next</button>
        <button onClick={s.reload}>again</button>
      </>
    );
  }
  render(<Page />);
  await waitFor(() => expect(screen.getByTestId('value').textContent).toBe('9'));
  fireEvent.click(screen.getByText('next'));
  await waitFor(() => expect(screen.getByTestId('value').textContent).toBe('16'));
  fireEvent.click(screen.getByText('again'));
  await waitFor(() => expect(asked).toEqual([3, 4, 4]));
});
