export * from './period';
export * from './timeline';
export * from './task-status';
export * from './indicator';
export * from './validation';
export * from './format-vi';
export * from './search-fold';
export * from './six-clear';
