export { composeService, type TComposedIdentity } from './compose-service';
export { CONSOLE_CLIENT_ID } from './domain/create-provider';
export { API_AUDIENCE, API_RESOURCE } from './domain/staff-claims';
