export * from './history';
export * from './run-record';
export * from './schedule';
export * from './state-file';
export * from './three-strikes';
export * from './types';
