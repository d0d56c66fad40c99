/** The task pane's script in Excel: Office.js is the host; outside Excel the page says where to open it. */
import { officeStart } from './office-host.ts';
import { showNoHost, startPane } from './taskpane.ts';

void officeStart().then((start) =>
  'host' in start ? startPane(start.host, start.displayLanguage) : showNoHost(start.missing),
);
