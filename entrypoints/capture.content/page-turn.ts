/** Gives the page its turn between the steps of a long capture (see taskTurn). */
export { taskTurn as pageTurn } from '../../core/capture/steps';
