export { createDispatcher, type Dispatch, type Handlers } from './dispatch';
