/**
 * A service's refusal (bad settings, an unknown id) reaches the analyst as it is worded;
 * anything else stays an internal error, logged in main and shown generically.
 */
import { ConnectorError } from '../connectors/runtime/errors.ts';
import { StreamServiceError } from '../streams/service.ts';
import { TaxiiServeError } from '../taxiiServer/service.ts';
import { HandlerError } from './dispatcher.ts';

export async function refusalsShown<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof ConnectorError || error instanceof StreamServiceError || error instanceof TaxiiServeError) throw new HandlerError(error.message);
    throw error;
  }
}
