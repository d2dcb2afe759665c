import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VerdictPage, type VerdictPageApi } from '@/components/verdict/VerdictPage';
import { fakeAttribute, fakeText } from '../../unit/verdict/fake-engine';

afterEach(cleanup);

function api(text: string | null): VerdictPageApi & { save: ReturnType<typeof vi.fn> } {
  return {
    selection: async () => (text === null ? null : { text, pageUrl: 'https://example.com/post', pageTitle: 'A <b>post</b>', createdAt: 1 }),
    attribute: async (t) => ({ attribution: fakeAttribute(t), words: t.split(/\s+/).length }),
    save: vi.fn(async () => ({ id: 'manual:none:h1', created: true })),
  };
}

describe('the selection verdict page', () => {
  it('shows the verdict of the handed-over selection without saving it', async () => {
    const a = api(fakeText('deepseek'));
    render(<VerdictPage selectionId="sel-1" api={a} />);
    expect((await screen.findByTestId('verdict-model')).textContent).toBe('deepseek');
    expect(screen.getByText('A <b>post</b>').tagName).toBe('CITE');
    expect(a.save).not.toHaveBeenCalled();
  });

  it('saves the sample with the label only when asked', async () => {
    const text = fakeText('qwen');
    const a = api(text);
    render(<VerdictPage selectionId="sel-1" api={a} />);
    fireEvent.input(await screen.findByLabelText('Your label (optional)'), { target: { value: ' qwen-max ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save this sample' }));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toMatch(/Saved/));
    expect(a.save).toHaveBeenCalledWith({ text, label: 'qwen-max', sourceUrl: 'https://example.com/post' });
  });

  it('shows undetermined for a short selection', async () => {
    render(<VerdictPage selectionId="sel-1" api={api('Only five words here, really.')} />);
    expect((await screen.findByTestId('undetermined')).textContent).toMatch(/Too short/);
  });

  it('says when the selection is gone and lets the user paste instead', async () => {
    render(<VerdictPage selectionId="gone" api={api(null)} />);
    expect(await screen.findByTestId('selection-missing')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Text'), { target: { value: fakeText('gpt-5') } });
    fireEvent.click(screen.getByRole('button', { name: 'Fingerprint this text' }));
    expect((await screen.findByTestId('verdict-model')).textContent).toBe('gpt-5');
  });

  it('keeps an HTML selection as text in the text box, never as markup', async () => {
    const html = '<img src=x onerror=alert(1)> ' + fakeText('gpt-4o');
    render(<VerdictPage selectionId="sel-1" api={api(html)} />);
    await screen.findByTestId('verdict-model');
    expect((screen.getByTestId('verdict-text') as HTMLTextAreaElement).value).toBe(html);
    expect(document.body.querySelector('img')).toBeNull();
  });
});
