import { render } from 'preact';
import { OptionsApp } from './OptionsApp';
import '../../components/base.css';
import './options.css';

render(<OptionsApp />, document.getElementById('app') as HTMLElement);
