import { runService } from '@sanxiang/shared';
import { composeService } from './compose-service';

runService('inspection', composeService);
