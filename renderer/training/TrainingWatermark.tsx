// Training mode's mark on every screen (docs/training.md): a coloured frame round the window and the words
// "تدريب TRAINING" across it, faint, above every dialog and the sign-in screen but never in the way — nothing
// here takes a click or hides a total (pointer-events: none, low opacity).
import './training.css';

export const TRAINING_MARK = 'تدريب TRAINING';

export function TrainingWatermark() {
  return (
    <div className="training-watermark" data-testid="training-watermark" aria-hidden="true">
      <span className="training-watermark__tag">{TRAINING_MARK}</span>
      <span className="training-watermark__words">{TRAINING_MARK}</span>
    </div>
  );
}
