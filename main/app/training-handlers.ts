// setTraining: a manager's PIN switches the till into training or back (docs/training.md). The handler only
// checks and asks; the switch itself (./training-switch.ts) happens once the answer has gone to the renderer.
import type { Handlers } from '../ipc';
import type { ManagerAuth } from '../auth';

export interface TrainingDesk {
  /** This till is the training till. */
  active: boolean;
  /** Asks for the switch; throws TRAINING_BUSY while a sale or return is in progress. */
  request(on: boolean, by: string): void;
}

export function createTrainingHandlers(training: TrainingDesk, manager: ManagerAuth): Pick<Handlers, 'setTraining'> {
  return {
    setTraining: ({ on, managerPin }) => {
      const approver = manager.check(managerPin, 'approve:manager');
      if (on !== training.active) training.request(on, approver?.id ?? 'manager');
      return { training: on };
    },
  };
}
