import { useId } from 'react';
import { estimateStrength } from '../lib/passphrase-strength';

interface StrengthMeterProps {
  passphrase: string;
  /** Lets the passphrase input point at the explanation with aria-describedby. */
  explanationId: string;
}

const EMPTY_EXPLANATION =
  'Length matters most. A few unrelated words make a strong passphrase that is easy to remember.';

/** How hard the passphrase would be to guess, as a meter, a word and one plain sentence. */
export function StrengthMeter({ passphrase, explanationId }: StrengthMeterProps) {
  const meterId = useId();
  const empty = passphrase.length === 0;
  const strength = estimateStrength(passphrase);
  const label = empty ? 'Not set yet' : strength.label;
  return (
    <div className="strength">
      <div className="strength-row">
        <label htmlFor={meterId}>Strength</label>
        <meter
          id={meterId}
          className={`strength-meter strength-${empty ? 'empty' : strength.score}`}
          min={0}
          max={4}
          low={1.5}
          high={2.5}
          optimum={4}
          value={empty ? 0 : Math.max(strength.score, 0.4)}
          aria-valuetext={label}
        />
        <span className="strength-label" aria-live="polite">
          {label}
        </span>
      </div>
      <p id={explanationId} className="strength-explanation">
        {empty ? EMPTY_EXPLANATION : strength.explanation}
      </p>
    </div>
  );
}
