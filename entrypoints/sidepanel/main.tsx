import { render } from 'preact';

function App() {
  return <h1>Cited</h1>;
}
render(<App />, document.getElementById('app') as HTMLElement);
