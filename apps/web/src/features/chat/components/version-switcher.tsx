type Props = {
  /** What the versions are of, for the group's accessible name: "answer" or "question". */
  of: 'answer' | 'question';
  siblingIds: string[];
  /** This version's place among them, from 1. */
  index: number;
  disabled: boolean;
  onShow: (messageId: string) => void;
};

/** `< 2/3 >` between the versions of a regenerated answer or an edited question. */
export function VersionSwitcher({ of, siblingIds, index, disabled, onShow }: Props) {
  const count = siblingIds.length;
  if (count < 2) return null;
  return (
    <div className="versions" role="group" aria-label={`Versions of this ${of}`}>
      <button type="button" className="icon-button small" aria-label="Previous version" title="Previous version" disabled={disabled || index <= 1} onClick={() => onShow(siblingIds[index - 2])}>
        ‹
      </button>
      <span className="small muted" aria-live="polite">
        {index} / {count}
      </span>
      <button type="button" className="icon-button small" aria-label="Next version" title="Next version" disabled={disabled || index >= count} onClick={() => onShow(siblingIds[index])}>
        ›
      </button>
    </div>
  );
}
