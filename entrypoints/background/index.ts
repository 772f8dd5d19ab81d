import { defineBackground } from 'wxt/utils/define-background';
import { registerCheckService } from './link-checks/register';
import { registerSourceReadings } from './link-checks/source-readings';
import { registerPanelBehaviour } from './panel-behaviour';
import { registerSnapshots } from './saving/register';
import { registerWatching } from './watching/register';

// Each feature registers its listeners synchronously at start-up, so a woken MV3 worker
// sees the event that woke it.
export default defineBackground(() => {
  registerPanelBehaviour();
  registerCheckService();
  registerSourceReadings();
  registerSnapshots();
  registerWatching();
});
