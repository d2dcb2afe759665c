import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PasteView } from '@/components/dashboard/PasteView';
import type { PasteApi } from '@/components/dashboard/paste-api';
import { fakeAttribute, fakeText } from './fixtures';

afterEach(cleanup);

function api(): PasteApi & { save: ReturnType<typeof vi.fn> } {
  return {
    attribute: vi.fn(async (text: string) => ({ attribution: fakeAttribute(text), words: text.split(/\s+/).length })),
    save: vi.fn(async () => ({ id: 'manual:none:h1', created: true })),
  };
}

describe('the paste box', () => {
  it('fingerprints a text without saving it', async () => {
    const a = api();
    const onSaved = vi.fn();
    render(<PasteView api={a} onSaved={onSaved} />);
    fireEvent.input(screen.getByLabelText('Text to fingerprint'), { target: { value: fakeText('claude-4', 0.9) } });
    fireEvent.click(screen.getByRole('button', { name: 'Fingerprint without saving' }));
    expect((await screen.findByTestId('verdict-model')).textContent).toBe('claude-4');
    expect(a.save).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows the undetermined state for a short text', async () => {
    render(<PasteView api={api()} onSaved={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('Text to fingerprint'), { target: { value: 'Hello there.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Fingerprint without saving' }));
    expect((await screen.findByTestId('undetermined')).textContent).toMatch(/Too short to tell.*2 words/);
  });

  it('saves a text with the label', async () => {
    const a = api();
    const onSaved = vi.fn();
    render(<PasteView api={a} onSaved={onSaved} />);
    fireEvent.input(screen.getByLabelText('Text to fingerprint'), { target: { value: 'Some text' } });
    fireEvent.input(screen.getByLabelText(/^Label/), { target: { value: ' llama-3 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save with label' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/Saved/);
    expect(a.save).toHaveBeenCalledWith('Some text', 'llama-3');
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('cannot fingerprint or save an empty text', () => {
    render(<PasteView api={api()} onSaved={vi.fn()} />);
    expect((screen.getByRole('button', { name: 'Fingerprint without saving' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says what failed', async () => {
    const a = api();
    a.attribute = vi.fn(async () => Promise.reject(new Error('background not running')));
    render(<PasteView api={a} onSaved={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('Text to fingerprint'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Fingerprint without saving' }));
    expect((await screen.findByRole('alert')).textContent).toContain('background not running');
  });
});
