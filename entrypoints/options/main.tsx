import { render } from 'preact';
import { OptionsPage } from '@/components/settings/OptionsPage';
import '@/components/theme.css';

render(<OptionsPage />, document.getElementById('app')!);
