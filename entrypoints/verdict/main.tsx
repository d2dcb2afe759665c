import { render } from 'preact';
import { VerdictPage } from '@/components/verdict/VerdictPage';
import { messageVerdictApi } from '@/components/verdict/verdict-api';
import '@/components/theme.css';

// The context menu opens verdict.html#<selection id>; the text itself is in session storage.
render(<VerdictPage selectionId={location.hash.slice(1) || null} api={messageVerdictApi} />, document.getElementById('app')!);
