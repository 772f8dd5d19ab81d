import { defineBackground } from 'wxt/utils/define-background';
import { registerPanelBehaviour } from './panel-behaviour';

// Each feature registers its listeners synchronously at start-up, so a woken MV3 worker
// sees the event that woke it.
export default defineBackground(() => {
  registerPanelBehaviour();
});
