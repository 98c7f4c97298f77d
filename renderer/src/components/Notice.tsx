/**
 * What just worked, in the operator's language: the quiet counterpart of ErrorNote. role="status"
 * so a screen reader announces it without interrupting; nothing is shown without a message.
 */
export function Notice({ message, testId = 'notice' }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <p className="notice" role="status" data-testid={testId}>
      {message}
    </p>
  );
}
