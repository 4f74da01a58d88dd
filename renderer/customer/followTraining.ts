// The customer display and training mode (docs/training.md): when the till switches into training or back, main
// says so (trainingChanged) and the display reads getTill again, so the training mark goes up or comes down at
// once — a customer never takes a training sale for a real one, nor a real one for training. getTill at start and
// after every reconnect covers an event missed while the link was down.
import type { NuqtaApi } from '../../preload/contract/api';

/** Listens for main's trainingChanged and reloads the till on each; returns the function that stops listening. */
export function followTraining(api: Pick<NuqtaApi, 'onTrainingChanged'>, reloadTill: () => Promise<void>): () => void {
  return api.onTrainingChanged(() => void reloadTill());
}
