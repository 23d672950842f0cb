/** The TAXII server's channels (issue 18, point 2), over main/taxiiServer/service.ts. */
import type { TaxiiServeService } from '../taxiiServer/service.ts';
import type { Handlers } from './dispatcher.ts';
import { refusalsShown } from './refusals.ts';

type TaxiiServeChannel = Extract<keyof Handlers, `taxiiServe:${string}`>;

export function createTaxiiServeHandlers(service: TaxiiServeService): Pick<Handlers, TaxiiServeChannel> {
  return {
    'taxiiServe:get': () => service.view(),
    'taxiiServe:configure': (patch) => refusalsShown(() => service.configure(patch)),
    'taxiiServe:generate-certificate': ({ host }) => refusalsShown(() => service.generateCertificate(host)),
    'taxiiServe:save-collection': (collection) => refusalsShown(() => service.saveCollection(collection)),
    'taxiiServe:remove-collection': ({ id }) => refusalsShown(() => service.removeCollection(id)),
    'taxiiServe:add-client': ({ name, rights }) => refusalsShown(() => service.addClient(name, rights)),
    'taxiiServe:set-client': ({ id, rights, revoke }) => refusalsShown(() => service.setClient(id, { rights, revoke })),
    'taxiiServe:log': async () => ({ lines: await service.log() }),
  };
}
