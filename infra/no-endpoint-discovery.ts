/**
 * Stands in for `@aws-sdk/middleware-endpoint-discovery` in the Lambda bundles (an esbuild alias in
 * infra/bundling.ts). The DynamoDB client resolves its endpoint-discovery settings at construction
 * and allocates an LRU cache of discovered endpoints (`@aws-sdk/endpoint-cache`, mnemonist,
 * obliterator: ~8 KB of every bundle) that only discovery would fill. AidFlow always calls the
 * regional endpoint and never enables discovery, so this stand-in keeps it off and, should
 * anything enable it (the client's `endpointDiscoveryEnabled`, AWS_ENABLE_ENDPOINT_DISCOVERY /
 * AWS_ENDPOINT_DISCOVERY_ENABLED, the shared config file's `endpoint_discovery_enabled`), fails
 * loudly instead of quietly calling the regional endpoint anyway. The local runtime and the tests
 * do not bundle, so they keep the SDK's package.
 *
 * Exports mirror the package's index so that any SDK module importing from it still bundles.
 */

const environmentVariables = ['AWS_ENABLE_ENDPOINT_DISCOVERY', 'AWS_ENDPOINT_DISCOVERY_ENABLED'] as const;
const configFileSetting = 'endpoint_discovery_enabled';

function unavailable(reason: string): never {
  throw new Error(
    `DynamoDB endpoint discovery is not bundled into AidFlow Lambdas (infra/no-endpoint-discovery.ts), but ${reason}. AidFlow calls the regional endpoint: remove that setting, or the alias in infra/bundling.ts to use discovery`,
  );
}

/** The SDK's reading of the setting: any value but "false" or "0" turns discovery on. */
const enables = (value: string | undefined) => value !== 'false' && value !== '0';

/** The selectors `loadConfig` (@smithy/core/config) reads the setting with, as in the SDK. */
export const NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS = {
  environmentVariableSelector: (env: Record<string, string | undefined>): boolean | undefined => {
    for (const name of environmentVariables) {
      if (name in env) {
        if (enables(env[name])) unavailable(`the environment variable ${name}="${env[name]}" turns it on`);
        return false;
      }
    }
    return undefined;
  },
  configFileSelector: (profile: Record<string, string | undefined>): boolean | undefined => {
    if (!(configFileSetting in profile)) return undefined;
    if (enables(profile[configFileSetting])) unavailable(`the shared config file sets ${configFileSetting}`);
    return false;
  },
  default: undefined,
};

interface EndpointDiscoveryInput {
  endpointDiscoveryEnabled?: boolean | undefined;
  endpointDiscoveryEnabledProvider?: () => Promise<boolean | undefined>;
}

/**
 * Called by the DynamoDB client's constructor. The SDK reads the environment and config file
 * lazily, through `endpointDiscoveryEnabledProvider`, and only its discovery middleware asks; the
 * client setting and the environment are checked here instead, so that the first client built
 * with discovery on throws. Precedence is the SDK's: an explicit client setting over the
 * environment.
 */
export function resolveEndpointDiscoveryConfig<T extends EndpointDiscoveryInput>(
  input: T,
  { endpointDiscoveryCommandCtor }: { endpointDiscoveryCommandCtor: unknown },
) {
  const { endpointDiscoveryEnabled, endpointDiscoveryEnabledProvider } = input;
  if (endpointDiscoveryEnabled === true)
    unavailable('the client configuration sets endpointDiscoveryEnabled: true');
  if (endpointDiscoveryEnabled === undefined) {
    NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS.environmentVariableSelector(process.env);
  }
  return Object.assign(input, {
    endpointDiscoveryCommandCtor,
    endpointDiscoveryEnabled: async (): Promise<false> => {
      if (endpointDiscoveryEnabled === undefined && (await endpointDiscoveryEnabledProvider?.())) {
        unavailable('endpointDiscoveryEnabledProvider turns it on');
      }
      return false;
    },
    isClientEndpointDiscoveryEnabled: false,
  });
}

export const endpointDiscoveryMiddlewareOptions = {
  name: 'endpointDiscoveryMiddleware',
  step: 'build',
  tags: ['ENDPOINT_DISCOVERY'],
  override: true,
} as const;

interface EndpointDiscoveryMiddlewareConfig {
  readonly isDiscoveredEndpointRequired?: boolean;
}

/**
 * With discovery off, optional discovery adds nothing to the stack. An operation that cannot be
 * called without a discovered endpoint fails when the command is first sent (the SDK fails it too
 * when discovery is off); no DynamoDB operation AidFlow calls is one.
 */
export function getEndpointDiscoveryPlugin(
  _config: unknown,
  middlewareConfig: EndpointDiscoveryMiddlewareConfig,
) {
  return {
    applyToStack: (): void => {
      if (middlewareConfig.isDiscoveredEndpointRequired)
        unavailable('the operation requires a discovered endpoint');
    },
  };
}

export const getEndpointDiscoveryRequiredPlugin = (config: unknown, middlewareConfig: object) =>
  getEndpointDiscoveryPlugin(config, { ...middlewareConfig, isDiscoveredEndpointRequired: true });

export const getEndpointDiscoveryOptionalPlugin = (config: unknown, middlewareConfig: object) =>
  getEndpointDiscoveryPlugin(config, { ...middlewareConfig, isDiscoveredEndpointRequired: false });
