export * from './beijing-time';
