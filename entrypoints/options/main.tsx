import { render } from 'preact';
import { OptionsApp } from './OptionsApp';
import '../sidepanel/panel.css';
import './options.css';

render(<OptionsApp />, document.getElementById('app') as HTMLElement);
