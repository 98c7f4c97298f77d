// What the About screen says of an update check, in both languages: every state and every
// problem in plain words of the page's language, never the feed's English detail, never a raw key.
import { describe, expect, it } from 'vitest';
import type { UpdateCheckView, UpdateProblem } from '../../preload/contract/views';
import { updateCheckSentences } from '../../renderer/src/screens/back-office/update-check-text';
import { uiI18n } from '../support/errors-i18n';

const PROBLEMS: UpdateProblem[] = ['offline', 'timeout', 'refused', 'not_found', 'server', 'certificate', 'other'];
const DETAIL = 'getaddrinfo ENOTFOUND updates.example.com';

function view(state: UpdateCheckView['state'], reason: UpdateProblem | null = null): UpdateCheckView {
  return {
    state,
    currentVersion: '0.1.0',
    latestVersion: state === 'available' || state === 'downloaded' ? '0.2.0' : null,
    checkedAt: 0,
    installBlockedBy: null,
    reason,
    detail: reason || state === 'bad_feed' ? DETAIL : null,
  };
}

const i18n = uiI18n();
const say = (language: 'zh-CN' | 'en', check: UpdateCheckView) => updateCheckSentences(check, i18n.getFixedT(language)).join(' ');

describe('the update check in words', () => {
  const cases = [
    ...(['browser_mode', 'no_feed', 'up_to_date', 'available', 'downloaded', 'bad_feed'] as const).map((s) => view(s)),
    ...PROBLEMS.map((p) => view('unreachable', p)),
    ...PROBLEMS.map((p) => view('available', p)),
  ];

  it.each(['zh-CN', 'en'] as const)('in %s names each state and each problem, without the technical detail or a raw key', (language) => {
    for (const check of cases) {
      const text = say(language, check);
      const what = `${check.state}/${check.reason ?? '-'}`;
      expect(text, what).not.toMatch(/about\.|\{\{/);
      expect(text, what).not.toContain('ENOTFOUND');
      // In Chinese, no English the owner would have to read: only the version numbers are Latin.
      if (language === 'zh-CN') expect(text.replace(/\d+\.\d+\.\d+/g, ''), what).not.toMatch(/[A-Za-z]/);
    }
  });

  it('tells each problem apart, and a failed download from one under way', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const problems = PROBLEMS.map((p) => say(language, view('unreachable', p)));
      expect(new Set(problems).size).toBe(PROBLEMS.length);
      expect(say(language, view('available', 'offline'))).not.toBe(say(language, view('available')));
    }
    expect(say('zh-CN', view('unreachable', 'offline'))).toBe('无法访问更新地址。 这台电脑现在连不上网络（或找不到更新服务器），请检查网络连接后再试。');
    expect(say('en', view('available', 'timeout'))).toBe(
      'Version 0.2.0 is out. The last download did not succeed; it is being downloaded again. The update server did not answer in time. Try again later.',
    );
  });
});
