import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelMapView } from '@/components/dashboard/ModelMapView';
import { familyColors } from '@/components/dashboard/family-colors';
import { FAKE_LABELS } from '../../unit/verdict/fake-engine';
import { fakeEngine, fakeText, rowOf } from './fixtures';

afterEach(cleanup);

const colorOf = familyColors(['openai']);

describe('the model map', () => {
  it('draws every reference model and places each site next to the model its answers resemble', () => {
    const rows = [
      ...['a', 'b'].map((id) => rowOf({ id, site: 'chatgpt' }, fakeText('claude-4', 0.95))),
      ...['c', 'd'].map((id) => rowOf({ id, site: 'gemini' as never }, fakeText('deepseek', 0.95))),
    ];
    render(<ModelMapView rows={rows} engine={fakeEngine} colorOf={colorOf} />);
    const map = screen.getByTestId('model-map');
    expect(map.querySelectorAll('.map__label')).toHaveLength(Object.keys(FAKE_LABELS).length);
    expect(screen.getAllByTestId('map-group')).toHaveLength(2);
    expect(map.getAttribute('aria-label')).toMatch(/ChatGPT sits next to claude-4/);
    const table = screen.getByRole('table', { name: 'Where your groups sit' });
    expect(table.textContent).toContain('deepseek');
  });

  it('switches to claimed-model groups', () => {
    const rows = ['a', 'b'].map((id) => rowOf({ id, claimedModel: { raw: 'gpt-4o', source: 'message' } }, fakeText('gpt-4o', 0.9)));
    render(<ModelMapView rows={rows} engine={fakeEngine} colorOf={colorOf} />);
    fireEvent.click(screen.getByLabelText('Claimed models'));
    expect(screen.getByTestId('model-map').getAttribute('aria-label')).toMatch(/gpt-4o sits next to gpt-4o/);
  });

  it('has a legend naming the vendor of every dot colour and the groups\' squares', () => {
    const rows = ['a', 'b'].map((id) => rowOf({ id, site: 'chatgpt' }, fakeText('claude-4', 0.95)));
    render(<ModelMapView rows={rows} engine={fakeEngine} colorOf={familyColors(['openai', 'anthropic'])} />);
    const legend = screen.getByTestId('map-legend');
    const items = [...legend.querySelectorAll('li')].map((li) => li.textContent);
    expect(items[0]).toBe('OpenAI models');
    expect(items[1]).toBe('Anthropic models');
    // Every other vendor shares the grey swatch and is named with it.
    expect(items.some((t) => /^(\w[\w .()]*, )+.* models$/.test(t ?? ''))).toBe(true);
    expect(items.at(-1)).toMatch(/your groups/);
    const colours = [...legend.querySelectorAll('.swatch--round')].map((s) => (s as HTMLElement).style.background);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('says so when there is no group to place', () => {
    render(<ModelMapView rows={[rowOf({ id: 'a' }, 'Too short.')]} engine={fakeEngine} colorOf={colorOf} />);
    expect(screen.getByTestId('map-no-groups')).toBeTruthy();
    expect(screen.queryAllByTestId('map-group')).toHaveLength(0);
  });
});
