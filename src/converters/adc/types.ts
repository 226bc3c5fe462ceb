// The subset of the ADC declarative configuration (api7/adc) that the converter emits.

export type Labels = Record<string, string>;
export type Plugins = Record<string, Record<string, unknown>>;
export type Var = [string, string, string] | [string, string, string, unknown];

export interface AdcNode {
  host: string;
  port: number;
  weight: number;
}

export interface AdcUpstream {
  type: 'roundrobin';
  labels: Labels;
  scheme?: string;
  retries?: number;
  timeout?: { connect: number; send: number; read: number };
  nodes?: AdcNode[];
  discovery_type?: 'kubernetes';
  service_name?: string;
}

export interface AdcRoute {
  id?: string;
  name: string;
  description: string;
  labels: Labels;
  uris: string[];
  vars?: Var[];
  priority?: number;
  enable_websocket?: boolean;
  plugins?: Plugins;
}

export interface AdcService {
  id?: string;
  name: string;
  labels: Labels;
  hosts?: string[];
  upstream: AdcUpstream;
  routes: AdcRoute[];
}

export interface AdcSsl {
  id?: string;
  labels: Labels;
  snis: string[];
  certificates: { certificate: string; key: string }[];
}

export interface AdcConfiguration {
  services?: AdcService[];
  ssls?: AdcSsl[];
}
