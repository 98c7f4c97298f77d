// What the About screen says an update check found, in the owner's language. The feed's and the
// download's technical detail ("getaddrinfo ENOTFOUND …", a YAML parser's message) is English from
// Node or electron-updater: it is never part of the sentence, only shown apart for a support call.
import type { UpdateCheckView } from '../../../../preload/contract';

type Translate = (key: string, options?: Record<string, string>) => string;

/** The sentences for one check: what was found, why not (a problem's plain words), and when it may be installed. */
export function updateCheckSentences(check: UpdateCheckView, t: Translate): string[] {
  const values = { version: check.latestVersion ?? '', current: check.currentVersion };
  const sentences = [t(`about.update.${check.state}`, values)];
  if (check.reason) {
    // On an available version the reason is why its last download failed; this check tries again.
    if (check.state === 'available') sentences[0] = t('about.update.availableRetry', values);
    sentences.push(t(`about.problem.${check.reason}`));
  }
  if (check.installBlockedBy) sentences.push(t(`about.blocked.${check.installBlockedBy}`));
  return sentences;
}
