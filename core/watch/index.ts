export * from './history';
export * from './schedule';
export * from './three-strikes';
export * from './types';
