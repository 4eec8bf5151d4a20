/** The `images --help` text. */
export const IMAGES_HELP = `Usage: privreg-fix images [options] [paths...]
       privreg-fix images --verify [credentials] [options] [paths...]

List every image the manifests use (pod specs and well-known custom resource image fields),
where it comes from and where the manifests pull it after the rewrite (--registry,
--registry-map, and the config file, as for the main command); print it as a copy plan; or ask
the destination registries whether every image is there and the pods' login is accepted.

Options:
      --registry <host[:port][/prefix]>   the private registry (as for the main command)
      --registry-map <src=dst>      move images of another registry too (repeatable)
  -f, --format <fmt>                text (default), json, skopeo-sync (YAML for
                                    skopeo sync --src yaml), crane (crane copy lines);
                                    with --verify: text, json, sarif, github
  -c, --config <file>               use this config file instead of looking for .privreg-fix.yaml
      --no-config                   do not look for a config file
  -h, --help                        show this help

Verify (exit 1 when an image is missing, the login is refused or a registry cannot be reached):
      --verify                      HEAD each destination manifest (Registry HTTP API v2)
      --docker-config <file>        logins from a docker config.json (default, when no other
                                    source is given: $DOCKER_CONFIG/config.json, else
                                    ~/.docker/config.json)
      --secret-file <file>          logins from kubernetes.io/dockerconfigjson Secret manifests:
                                    what the pods use (repeatable)
      --docker-username <user>      with --password-stdin or --password-env VAR: one login for
      --docker-server <host>        --docker-server (default: the --registry host)
      --registry-ca <file>          also trust this CA certificate (PEM; repeatable)
      --insecure-registry <host>    speak plain HTTP to this registry (repeatable)
      --concurrency <n>             requests in flight (default 8)
      --timeout <seconds>           per request (default 20)
      --retries <n>                 retries on 429, 5xx and dropped connections (default 3)

A password is never accepted in argv, and no credential is ever printed.
Exit codes: 0 ok, 1 verify failed or a file could not be read, 2 usage error.
`;
