import { render } from 'preact';
import { SidePanel } from '@/components/sidepanel/SidePanel';
import '@/components/theme.css';

render(<SidePanel />, document.getElementById('app')!);
