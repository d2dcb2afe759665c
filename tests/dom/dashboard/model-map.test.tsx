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

  it('says so when there is no group to place', () => {
    render(<ModelMapView rows={[rowOf({ id: 'a' }, 'Too short.')]} engine={fakeEngine} colorOf={colorOf} />);
    expect(screen.getByTestId('map-no-groups')).toBeTruthy();
    expect(screen.queryAllByTestId('map-group')).toHaveLength(0);
  });
});
