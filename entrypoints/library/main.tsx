import { render } from 'preact';
import { LibraryApp } from './LibraryApp';
import { browserLibraryPorts } from './library-ports';
// The panel's palette and base styles (light and dark), shared by every Cited page.
import '../../components/base.css';
import './library.css';

render(<LibraryApp ports={browserLibraryPorts()} />, document.getElementById('app') as HTMLElement);
