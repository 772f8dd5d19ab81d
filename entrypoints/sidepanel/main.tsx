import { render } from 'preact';
import { FORMAT_STEPS } from '../../components/format';
import { App } from './App';
import { inIdleMoments } from './next-frame';
import '../../components/base.css';

render(<App />, document.getElementById('app') as HTMLElement);
// While the panel waits for the page's answer, it makes the formatters its list's first render needs.
inIdleMoments(FORMAT_STEPS.map((step) => () => step()));
