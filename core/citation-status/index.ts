export * from './summary';
export * from './types';
