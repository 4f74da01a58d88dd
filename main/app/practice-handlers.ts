// The practice methods (docs/training.md): a supervisor's or manager's PIN starts a scenario (the trainer's id is
// journaled with it); any staff but a trainee checks it. Both refuse on a live till (./practice-desk.ts).
import { currentCall, type Handlers } from '../ipc';
import type { ManagerAuth } from '../auth';
import type { PracticeDesk } from './practice-desk';

export function createPracticeHandlers(practice: PracticeDesk, manager: ManagerAuth): Pick<Handlers, 'listPracticeScenarios' | 'startPractice' | 'checkPractice'> {
  return {
    listPracticeScenarios: () => ({ scenarios: practice.list() }),
    startPractice: ({ scenarioId, managerPin }) => {
      practice.requireTraining();
      const approver = manager.check(managerPin, 'approve:supervisor');
      return practice.start(scenarioId, approver?.id ?? 'manager');
    },
    checkPractice: () => practice.check(currentCall()?.user?.id ?? null),
  };
}
