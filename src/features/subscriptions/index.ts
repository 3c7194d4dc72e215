export { SubscriptionPanel } from './SubscriptionPanel.tsx';
