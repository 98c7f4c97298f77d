// Runs before every test file, in that file's suite (vitest's setupFiles are executed again for each
// file even when the module graph is shared): the hook that closes what the support modules opened.
import { afterEach } from 'vitest';
import { closeAfterTest } from './after-every-test';

afterEach(closeAfterTest);
