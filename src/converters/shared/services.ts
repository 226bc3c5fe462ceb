import type { Service } from '../../ir/model.js';

/** Ports of every Service in the input, by `namespace/name`. */
export class ServiceIndex {
  private readonly byKey = new Map<string, Service>();

  constructor(services: readonly Service[]) {
    for (const service of services) this.byKey.set(`${service.namespace}/${service.name}`, service);
  }

  get(namespace: string, name: string): Service | undefined {
    return this.byKey.get(`${namespace}/${name}`);
  }
}
