// Run by `npm test` before the tests: one line when ../shared is missing, nothing when it is there.
import { sharedNotice } from './helpers/shared.js';

const notice = sharedNotice();
if (notice !== undefined) console.log(notice);
