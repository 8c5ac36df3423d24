export * from './beijing-time';
export * from './money';
