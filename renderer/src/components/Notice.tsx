/**
 * What just worked, in the operator's language: the quiet counterpart of ErrorNote. role="status"
 * so a screen reader announces it without interrupting; nothing is shown without a message. A
 * `warning` is for what went only partly (made, but not printed): not green, not a refusal either.
 */
export function Notice({ message, testId = 'notice', tone = 'success' }: { message: string | null; testId?: string; tone?: 'success' | 'warning' }) {
  if (!message) return null;
  return (
    <p className={tone === 'warning' ? 'notice notice--warning' : 'notice'} role="status" data-testid={testId} data-tone={tone}>
      {message}
    </p>
  );
}
