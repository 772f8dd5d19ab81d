import { useState } from 'preact/hooks';
import { errorMessage } from '../core/errors/cited-error';
import { Icon } from './Icon';
import { useDismissAfter } from './use-dismiss-after';
import './CopyEvidence.css';

export interface CopyEvidenceProps {
  /** The source's evidence as plain text, made when the reader presses the button, from what is known then. */
  evidence: () => string;
  /** Puts the text on the clipboard; rejects, with the browser's reason, when the browser refuses. */
  copy: (text: string) => Promise<void>;
}

const FEEDBACK_MS = 4000;

/**
 * "Copy evidence": one source's verdicts, quotations and archived copies as a paragraph to paste into a
 * correction request, with a word on whether the clipboard took it.
 */
export function CopyEvidence({ evidence, copy }: CopyEvidenceProps) {
  const [feedback, setFeedback] = useState<string | null>(null);
  useDismissAfter(feedback, () => setFeedback(null), FEEDBACK_MS);
  const onCopy = () => {
    let text: string;
    try {
      text = evidence();
    } catch (error) {
      setFeedback(`Could not gather the evidence: ${errorMessage(error)}`);
      return;
    }
    copy(text).then(
      () => setFeedback('Copied'),
      (error: unknown) => setFeedback(`Could not copy: ${errorMessage(error)}`),
    );
  };
  return (
    <>
      <button
        type="button"
        class="button button--small"
        onClick={onCopy}
        title="Copy what Cited found about this source, as plain text for a correction request"
        data-action="copy-evidence"
      >
        <Icon name="copy" class="copy-evidence__icon" />
        Copy evidence
      </button>
      <span class="copy-evidence__feedback" role="status" aria-live="polite" data-evidence-feedback>
        {feedback}
      </span>
    </>
  );
}
