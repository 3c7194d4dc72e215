export { RewindMenu } from './RewindMenu.tsx';
export { RewindBar } from './RewindBar.tsx';
