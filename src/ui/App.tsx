// The root component: the workbench. Start-up (which scenario opens, which engine host) is in main.tsx.
export { Workbench as App } from './Workbench';
